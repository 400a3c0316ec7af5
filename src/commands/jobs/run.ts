import { ExitCode } from '../../errors.js';
import { isDatabaseError, type DatabaseError } from '../../db/database-error.js';
import { maskSecrets } from '../../db/url.js';
import type { JobPreview, JobRun } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import type { JobsRunOpts } from './index.js';
import { auditRetention } from '../../cli/audit-retention.js';
import { duration, formatRows, jobsToRun, statusText } from './shared.js';
import { formats, t } from '../../i18n/messages.js';
import { renderLines } from '../../cli/render.js';

/**
 * Runs jobs one after the other, for cron: one summary line per job on stdout (or JSON),
 * in the run's language (cron's LANG=C gives English),
 * exit 1 when a job failed, 75 when one found its lock held.
 */
export const run: CommandRun<JobsRunOpts> = async (ctx, { args, opts }) => {
  const jobs = jobsToRun(args, Boolean(opts.all));
  const waitSeconds = opts.wait ?? 0;
  const olderThan = auditRetention(ctx, opts.olderThan);
  const { previewJob, runJob } = await import('../../services/jobs.js');

  // Why a job could not be run at all, shown under --verbose; not part of the JSON.
  const causes = new Map<JobRun, DatabaseError>();
  const results = await ctx.withDb(
    async ({ db }) => {
      const done: Array<JobRun | JobPreview> = [];
      for (const job of jobs) {
        try {
          done.push(
            opts.dryRun
              ? await previewJob(db, job, { olderThan })
              : await runJob(db, job, `${ctx.userAgent} ${job}`, { olderThan }, waitSeconds * 1000),
          );
        } catch (error) {
          // The procedure records the job's own failures; a database error around it
          // (taking the lock, recording the run) is a failure to run it at all, and the
          // next jobs still run. Anything else is a bug in alumni: it propagates (exit 1).
          if (!isDatabaseError(error)) throw error;
          const now = new Date();
          const failed: JobRun = { job, status: 'failed', rows: {}, started_at: now, finished_at: now, error: maskSecrets(error.message) };
          causes.set(failed, error);
          done.push(failed);
        }
      }
      return done;
    },
    { workload: 'bulk' },
  );

  // For cron: one line per job (and a preview's first rows under it), or the JSON.
  const lines: string[] = [];
  for (const result of results) {
    const line = [result.job, statusText(result.status), formatRows(result.rows), duration(result)];
    if (result.status === 'locked') line.push(t('jobs.run.locked_hint'));
    if (result.error) line.push(t('jobs.run.error', { error: result.error }));
    lines.push(line.filter(Boolean).join('  '));
    if ('first' in result) {
      for (const row of result.first) lines.push(`  ${Object.values(row).map(humanValue).join('  ')}`);
    }
  }
  renderLines(ctx, results, lines);
  if (ctx.options.verbose) {
    for (const [result, cause] of causes) ctx.out.details(`${result.job}: ${describeCause(cause)}`);
  }
  if (results.some((r) => r.status === 'failed')) return ExitCode.failure;
  if (results.some((r) => r.status === 'locked')) return ExitCode.locked;
  return ExitCode.ok;
};

/** A value of a preview's row for a person: timestamps and calendar days in the run's language. */
function humanValue(value: unknown): string {
  // A time: local in the run's language (a line for a person, not a table cell).
  if (value instanceof Date) return formats().dateTime(value);
  const day = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (day) return formats().date(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return String(value);
}

/** The database's whole report: the stack (which starts with the message), then SQLSTATE, detail, hint and context. */
function describeCause(cause: DatabaseError): string {
  const stack = cause.stack?.includes(cause.message) ? cause.stack : `${cause.message}\n${cause.stack ?? ''}`;
  const fields: Array<[string, string | undefined]> = [
    ['SQLSTATE', cause.code],
    [t('jobs.cause.detail'), cause.detail],
    [t('jobs.cause.hint'), cause.hint],
    [t('jobs.cause.where'), cause.where],
  ];
  return [stack.trimEnd(), ...fields.filter(([, value]) => value).map(([label, value]) => `  ${label}: ${value}`)].join('\n');
}
