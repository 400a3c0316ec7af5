import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { JobName, JobRun } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import type { JobsHistoryOpts } from './index.js';
import { duration, formatRows, statusText } from './shared.js';

/** CSV: machine values (ISO timestamps, statuses as stored), the same in every language. */
const CSV_COLUMNS: Column<JobRun>[] = [
  { header: 'started_at', value: 'started_at' },
  { header: 'job', value: 'job' },
  { header: 'status', value: 'status' },
  { header: 'took', value: (r) => (r.finished_at ? `${((r.finished_at.getTime() - r.started_at.getTime()) / 1000).toFixed(2)}s` : '') },
  {
    header: 'rows',
    value: (r) =>
      Object.entries(r.rows)
        .map(([table, n]) => `${table}=${n}`)
        .join(' ') || '-',
  },
  { header: 'by', value: 'user_agent' },
  { header: 'error', value: 'error' },
];

/**
 * The table a person reads: when (local time), which job, how it went, how long, what it
 * changed and why it failed, in the run's language; who ran it on demand (`--columns by`).
 */
const TABLE_COLUMNS: Column<JobRun>[] = [
  { header: 'started_at', label: 'jobs.label.started_at', value: 'started_at' },
  { header: 'job', label: 'jobs.label.job', value: 'job' },
  { header: 'status', label: 'jobs.label.status', value: (r) => statusText(r.status) },
  { header: 'took', label: 'jobs.label.took', value: (r) => duration(r) },
  { header: 'rows', label: 'jobs.label.rows', value: (r) => formatRows(r.rows) },
  { header: 'by', label: 'jobs.label.by', value: 'user_agent', hidden: true },
  { header: 'error', label: 'jobs.label.error', value: 'error' },
];

export const run: CommandRun<JobsHistoryOpts> = async (ctx, { args, opts }) => {
  const { jobHistory } = await import('../../services/jobs.js');
  // Checked by the argument's parser.
  const job = args[0] as JobName | undefined;
  const runs = await ctx.withDb(({ db }) => jobHistory(db, job, opts.limit));
  await renderList(ctx, opts.csv ? CSV_COLUMNS : TABLE_COLUMNS, runs, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'jobs.history.empty',
  });
};
