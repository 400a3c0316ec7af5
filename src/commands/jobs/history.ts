import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { JobName, JobRun } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import type { JobsHistoryOpts } from './index.js';
import { duration, formatRows } from './shared.js';

const COLUMNS: Column<JobRun>[] = [
  { header: 'started_at', value: 'started_at' },
  { header: 'job', value: 'job' },
  { header: 'status', value: 'status' },
  { header: 'took', value: (r) => duration(r) },
  { header: 'rows', value: (r) => formatRows(r.rows) },
  { header: 'by', value: 'user_agent' },
  { header: 'error', value: 'error' },
];

export const run: CommandRun<JobsHistoryOpts> = async (ctx, { args, opts }) => {
  const { jobHistory } = await import('../../services/jobs.js');
  // Checked by the argument's parser.
  const job = args[0] as JobName | undefined;
  const runs = await ctx.withDb(({ db }) => jobHistory(db, job, opts.limit));
  await renderList(ctx, COLUMNS, runs, { csv: opts.csv });
};
