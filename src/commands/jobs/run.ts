import { ExitCode, UsageError } from '../../cli/errors.js';
import type { JobPreview, JobRun } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import { duration, formatRows } from './shared.js';

interface RunFlags {
  all?: boolean;
  dryRun?: boolean;
  wait?: string;
  olderThan?: string;
}

/**
 * Runs jobs one after the other, for cron: one summary line per job on stdout (or JSON),
 * exit 1 when a job failed, 75 when one found its lock held.
 */
export const run: CommandRun<RunFlags> = async (ctx, { args, opts }) => {
  const { DEFAULT_AUDIT_RETENTION, parseJobNames, parseRetention, previewJob, runJob } = await import('../../services/jobs.js');
  const jobs = parseJobNames(args, Boolean(opts.all));
  const waitSeconds = opts.wait === undefined ? 0 : Number(opts.wait);
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new UsageError(`--wait ${opts.wait}: give a number of seconds.`);
  const olderThan = parseRetention(opts.olderThan ?? ctx.io.env.ALUMNI_AUDIT_RETENTION ?? DEFAULT_AUDIT_RETENTION);

  const results = await ctx.withDb(async ({ db }) => {
    const done: Array<JobRun | JobPreview> = [];
    for (const job of jobs) {
      try {
        done.push(opts.dryRun
          ? await previewJob(db, job, { olderThan })
          : await runJob(db, job, `${ctx.userAgent} ${job}`, { olderThan }, waitSeconds * 1000));
      } catch (error) {
        // The procedure records the job's own failures; this is a failure to run it at all.
        const now = new Date();
        done.push({ job, status: 'failed', rows: {}, started_at: now, finished_at: now, error: (error as Error).message });
      }
    }
    return done;
  });

  if (ctx.out.json) ctx.out.writeJson(results);
  else {
    for (const result of results) {
      const line = [result.job, result.status === 'dry_run' ? 'dry run, would change' : result.status, formatRows(result.rows), duration(result)];
      if (result.status === 'locked') line.push('(another run holds the lock; try later or use --wait)');
      if (result.error) line.push(`error: ${result.error}`);
      ctx.out.line(line.filter(Boolean).join('  '));
      if ('first' in result) {
        for (const row of result.first) ctx.out.line(`  ${Object.values(row).map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('  ')}`);
      }
    }
  }
  if (results.some((r) => r.status === 'failed')) return ExitCode.failure;
  if (results.some((r) => r.status === 'locked')) return ExitCode.locked;
  return ExitCode.ok;
};
