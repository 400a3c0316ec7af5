import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { JobState } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import type { JobsListOpts } from './index.js';
import { duration, formatRows, problemText, statusText } from './shared.js';

/**
 * A table for a person: each job, how its last run went, when, and when it is due next
 * (times local on a terminal, ISO 8601 with the offset off one), so a row fits 80
 * columns; its schedule and the rows its last run changed on demand (`--columns`).
 */
const COLUMNS: Column<JobState>[] = [
  { header: 'job', label: 'jobs.label.job', value: 'job' },
  { header: 'status', label: 'jobs.label.status', value: (s) => (s.last_run ? statusText(s.last_run.status) : '') },
  { header: 'last run', label: 'jobs.label.last_run', value: (s) => (s.last_run ? s.last_run.started_at : t('jobs.never')) },
  { header: 'took', label: 'jobs.label.took', value: (s) => (s.last_run ? duration(s.last_run) : '') },
  { header: 'next due', label: 'jobs.label.next_due', value: 'next_due_at' },
  { header: 'schedule', label: 'jobs.label.schedule', value: 'schedule', hidden: true },
  { header: 'rows', label: 'jobs.label.rows', value: (s) => (s.last_run ? formatRows(s.last_run.rows) : ''), hidden: true },
];

export const run: CommandRun<JobsListOpts> = async (ctx, { opts }) => {
  const { jobStates } = await import('../../services/jobs.js');
  const states = await ctx.withDb(({ db }) => jobStates(db));
  // JSON as it always was: a job's problem in English, the same in every language.
  const json = states.map((s) => ({ ...s, problem: s.problem ? problemText(s.problem, 'en') : null }));
  await renderList(ctx, COLUMNS, states, { json, columns: opts.columns });
};
