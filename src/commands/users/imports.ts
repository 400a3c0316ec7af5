import type { CommandRun } from '../types.js';
import { parseLimit } from './shared.js';

export const run: CommandRun<{ limit?: string }> = async (ctx, { opts }) => {
  const { listImports } = await import('../../services/users.js');
  const runs = await ctx.withDb(({ db }) => listImports(db, parseLimit(opts.limit, 20)));
  if (ctx.out.json) return ctx.out.writeJson(runs);
  await ctx.out.writeTable(
    [
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
    ],
    runs,
  );
};
