import type { JobRun } from '../../services/jobs.js';

/** "stage=3 emploi=1" */
export function formatRows(rows: Record<string, number>): string {
  const parts = Object.entries(rows).map(([table, n]) => `${table}=${n}`);
  return parts.length ? parts.join(' ') : '-';
}

export function duration(run: Pick<JobRun, 'started_at' | 'finished_at'>): string {
  return run.finished_at ? `${((run.finished_at.getTime() - run.started_at.getTime()) / 1000).toFixed(2)}s` : '';
}
