import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { RefsFieldsListOpts } from './index.js';
import { fieldTable } from './shared.js';

export const run: CommandRun<RefsFieldsListOpts> = async (ctx, { opts }) => {
  const { listFields } = await import('../../services/references.js');
  const fields = await ctx.withDb(({ db }) => listFields(db));
  await renderList(ctx, fieldTable(ctx.out.stdoutIsTTY && !opts.csv), fields, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'refs.fields.empty',
  });
};
