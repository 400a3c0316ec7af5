import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { renderLines } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { JobsScheduleOpts } from './index.js';
import { auditRetention } from '../../cli/audit-retention.js';
import { jobsOrEvery } from './shared.js';

export const run: CommandRun<JobsScheduleOpts> = async (ctx, { args, opts }) => {
  const jobs = jobsOrEvery(args);
  const retention = auditRetention(ctx, opts.olderThan);
  const { scheduleJobs } = await import('../../services/pg-cron.js');
  const scheduled = await ctx.withDb(async ({ db, target }) => {
    if (target.backend !== 'server') throw new UsageError(problem('jobs.schedule_embedded'));
    return scheduleJobs(db, target.url, jobs, retention);
  });
  renderLines(
    ctx,
    scheduled,
    scheduled.map((s) => t('jobs.schedule.line', { job: s.job, schedule: s.schedule, jobid: s.jobid, jobname: s.jobname })),
  );
};
