import { UsageError } from '../../errors.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { JOB_NAMES, parseJobNames } = await import('../../services/jobs.js');
  const { unscheduleJobs } = await import('../../services/pg-cron.js');
  const jobs = args.length ? parseJobNames(args, false) : JOB_NAMES;
  const removed = await ctx.withDb(async ({ db, target }) => {
    if (target.backend !== 'server') throw new UsageError('pg_cron needs a PostgreSQL server; the embedded database has nothing scheduled.');
    return unscheduleJobs(db, target.url, jobs);
  });
  if (ctx.out.json) return ctx.out.writeJson(removed);
  for (const r of removed) ctx.out.line(`${r.job}  ${r.removed ? 'unscheduled' : 'was not scheduled'}`);
};
