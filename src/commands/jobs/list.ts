import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { JobState } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import { duration, formatRows } from './shared.js';

const COLUMNS: Column<JobState>[] = [
  { header: 'job', value: 'job' },
  { header: 'schedule', value: 'schedule' },
  { header: 'last run', value: (s) => s.last_run?.started_at ?? 'never' },
  { header: 'took', value: (s) => (s.last_run ? duration(s.last_run) : '') },
  { header: 'status', value: (s) => s.last_run?.status ?? '' },
  { header: 'rows', value: (s) => (s.last_run ? formatRows(s.last_run.rows) : '') },
  { header: 'next due', value: 'next_due_at' },
];

export const run: CommandRun = async (ctx) => {
  const { jobStates } = await import('../../services/jobs.js');
  const states = await ctx.withDb(({ db }) => jobStates(db));
  await renderList(ctx, COLUMNS, states);
};
