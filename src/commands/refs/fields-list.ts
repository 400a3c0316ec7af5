import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { RefsFieldsListOpts } from './index.js';
import { FIELD_TABLE } from './shared.js';

export const run: CommandRun<RefsFieldsListOpts> = async (ctx, { opts }) => {
  const { listFields } = await import('../../services/references.js');
  const fields = await ctx.withDb(({ db }) => listFields(db));
  await renderList(ctx, FIELD_TABLE, fields, { csv: opts.csv });
};
