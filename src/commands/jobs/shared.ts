import { problem, UsageError } from '../../errors.js';
import { formats, renderIn, t } from '../../i18n/messages.js';
import type { Language } from '../../i18n/language.js';
import { JOB_NAMES, type JobName } from '../../services/job-names.js';
import type { JobProblem, JobRun, JobStatus } from '../../services/jobs.js';

/** "3 stages, 1 emploi": the rows a run changed, by kind, in the run's language. */
export function formatRows(rows: Record<string, number>): string {
  const parts = Object.entries(rows).map(([table, count]) => t('jobs.rows', { table, count }));
  return parts.length ? parts.join(', ') : t('jobs.no_rows');
}

/** How long a run took, in the run's language: "2.35s", "2,35 s". */
export function duration(run: Pick<JobRun, 'started_at' | 'finished_at'>): string {
  return run.finished_at ? t('jobs.took', { seconds: (run.finished_at.getTime() - run.started_at.getTime()) / 1000 }) : '';
}

/** A run's status in words. */
export function statusText(status: JobStatus): string {
  return t(`jobs.status.${status}`);
}

/**
 * Why a job needs attention, in `language`: the run's for a person, English (and an ISO
 * timestamp) for JSON, which does not change with the language.
 */
export function problemText(jobProblem: JobProblem, language?: Language): string {
  const values =
    jobProblem.kind === 'overdue'
      ? {
          kind: 'overdue' as const,
          lastSuccess: language ? jobProblem.last_success_at.toISOString() : formats().dateTime(jobProblem.last_success_at),
        }
      : jobProblem;
  return language ? renderIn(language, 'jobs.problem', values) : t('jobs.problem', values);
}

/**
 * The jobs named on the command line (checked by their argument's parser, hence the
 * cast), or every job with --all; `jobs run` needs one or the other.
 */
export function jobsToRun(args: string[], all: boolean): JobName[] {
  const named = [...new Set(args as JobName[])];
  if (all) {
    if (named.length) throw new UsageError(problem('jobs.names_and_all'));
    return JOB_NAMES;
  }
  if (named.length === 0) throw new UsageError(problem('jobs.none_named', { jobs: JOB_NAMES }));
  return named;
}

/** The named jobs, or every job when none is named (schedule, unschedule). */
export function jobsOrEvery(args: string[]): JobName[] {
  return args.length ? [...new Set(args as JobName[])] : JOB_NAMES;
}
