import { UsageError } from '../../errors.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun<{ olderThan?: string }> = async (ctx, { args, opts }) => {
  const { DEFAULT_AUDIT_RETENTION, JOB_NAMES, parseJobNames, parseRetention } = await import('../../services/jobs.js');
  const { scheduleJobs } = await import('../../services/pg-cron.js');
  const jobs = args.length ? parseJobNames(args, false) : JOB_NAMES;
  const retention = parseRetention(opts.olderThan ?? ctx.io.env.ALUMNI_AUDIT_RETENTION ?? DEFAULT_AUDIT_RETENTION);
  const scheduled = await ctx.withDb(async ({ db, target }) => {
    if (target.backend !== 'server') throw new UsageError('pg_cron needs a PostgreSQL server; on the embedded database use `alumni jobs crontab`.');
    return scheduleJobs(db, target.url, jobs, retention);
  });
  if (ctx.out.json) return ctx.out.writeJson(scheduled);
  for (const s of scheduled) ctx.out.line(`${s.job}  ${s.schedule}  pg_cron job ${s.jobid} "${s.jobname}"`);
};
