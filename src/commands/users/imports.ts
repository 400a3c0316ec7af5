import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { ImportRunView } from '../../services/users.js';
import type { CommandRun } from '../types.js';
import type { UsersImportsOpts } from './index.js';

const COLUMNS: Column<ImportRunView>[] = [
  { header: 'started_at', value: 'started_at' },
  { header: 'file', value: 'file_name' },
  { header: 'by', value: 'acteur' },
  { header: 'mode', value: 'mode' },
  { header: 'status', value: 'status' },
  { header: 'read', value: 'read' },
  { header: 'ins.', value: 'inserted' },
  { header: 'upd.', value: 'updated' },
  { header: 'same', value: 'unchanged' },
  { header: 'skip', value: 'skipped' },
  { header: 'rej.', value: 'rejected' },
  { header: 'id', value: 'id' },
];

export const run: CommandRun<UsersImportsOpts> = async (ctx, { opts }) => {
  const { listImports } = await import('../../services/users.js');
  const runs = await ctx.withDb(({ db }) => listImports(db, opts.limit));
  await renderList(ctx, COLUMNS, runs, { csv: opts.csv });
};
