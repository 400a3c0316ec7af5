import { UsageError } from '../../errors.js';
import { JOB_NAMES, type JobName } from '../../services/job-names.js';
import type { JobRun } from '../../services/jobs.js';

/** "stage=3 emploi=1" */
export function formatRows(rows: Record<string, number>): string {
  const parts = Object.entries(rows).map(([table, n]) => `${table}=${n}`);
  return parts.length ? parts.join(' ') : '-';
}

export function duration(run: Pick<JobRun, 'started_at' | 'finished_at'>): string {
  return run.finished_at ? `${((run.finished_at.getTime() - run.started_at.getTime()) / 1000).toFixed(2)}s` : '';
}

/**
 * The jobs named on the command line (checked by their argument's parser, hence the
 * cast), or every job with --all; `jobs run` needs one or the other.
 */
export function jobsToRun(args: string[], all: boolean): JobName[] {
  const named = [...new Set(args as JobName[])];
  if (all) {
    if (named.length) throw new UsageError('Give job names or --all, not both.');
    return JOB_NAMES;
  }
  if (named.length === 0) throw new UsageError(`Name the jobs to run (${JOB_NAMES.join(', ')}) or give --all.`);
  return named;
}

/** The named jobs, or every job when none is named (schedule, unschedule). */
export function jobsOrEvery(args: string[]): JobName[] {
  return args.length ? [...new Set(args as JobName[])] : JOB_NAMES;
}
