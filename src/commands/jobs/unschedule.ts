import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { renderLines } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { jobsOrEvery } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const jobs = jobsOrEvery(args);
  const { unscheduleJobs } = await import('../../services/pg-cron.js');
  const removed = await ctx.withDb(async ({ db, target }) => {
    if (target.backend !== 'server') throw new UsageError(problem('jobs.unschedule_embedded'));
    return unscheduleJobs(db, target.url, jobs);
  });
  renderLines(
    ctx,
    removed,
    removed.map((r) => `${r.job}  ${t(r.removed ? 'jobs.unschedule.removed' : 'jobs.unschedule.absent')}`),
  );
};
