import { UsageError } from '../../errors.js';
import type { CommandRun } from '../types.js';
import { jobsOrEvery } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const jobs = jobsOrEvery(args);
  const { unscheduleJobs } = await import('../../services/pg-cron.js');
  const removed = await ctx.withDb(async ({ db, target }) => {
    if (target.backend !== 'server')
      throw new UsageError('pg_cron needs a PostgreSQL server; the embedded database has nothing scheduled.');
    return unscheduleJobs(db, target.url, jobs);
  });
  if (ctx.out.json) return ctx.out.writeJson(removed);
  for (const r of removed) ctx.out.line(`${r.job}  ${r.removed ? 'unscheduled' : 'was not scheduled'}`);
};
