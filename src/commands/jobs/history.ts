import type { CommandRun } from '../types.js';
import { parseLimit } from '../users/shared.js';
import { duration, formatRows } from './shared.js';

export const run: CommandRun<{ limit?: string; csv?: boolean }> = async (ctx, { args, opts }) => {
  const { jobHistory, parseJobNames } = await import('../../services/jobs.js');
  const job = args[0] ? parseJobNames([args[0]], false)[0] : undefined;
  const runs = await ctx.withDb(({ db }) => jobHistory(db, job, parseLimit(opts.limit, 50)));
  if (ctx.out.json) return ctx.out.writeJson(runs);
  const columns = [
    { header: 'started_at', value: 'started_at' as const },
    { header: 'job', value: 'job' as const },
    { header: 'status', value: 'status' as const },
    { header: 'took', value: (r: (typeof runs)[number]) => duration(r) },
    { header: 'rows', value: (r: (typeof runs)[number]) => formatRows(r.rows) },
    { header: 'by', value: 'user_agent' as const },
    { header: 'error', value: 'error' as const },
  ];
  if (opts.csv) await ctx.out.writeCsv(columns, runs);
  else await ctx.out.writeTable(columns, runs);
};
