import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { formats, t } from '../../i18n/messages.js';
import type { JobState } from '../../services/jobs.js';
import type { CommandRun } from '../types.js';
import { duration, formatRows, problemText, statusText } from './shared.js';

/** A table for a person: dates in the run's language and time zone. */
const COLUMNS: Column<JobState>[] = [
  { header: 'job', label: 'jobs.label.job', value: 'job' },
  { header: 'schedule', label: 'jobs.label.schedule', value: 'schedule' },
  {
    header: 'last run',
    label: 'jobs.label.last_run',
    value: (s) => (s.last_run ? formats().dateTime(s.last_run.started_at) : t('jobs.never')),
  },
  { header: 'took', label: 'jobs.label.took', value: (s) => (s.last_run ? duration(s.last_run) : '') },
  { header: 'status', label: 'jobs.label.status', value: (s) => (s.last_run ? statusText(s.last_run.status) : '') },
  { header: 'rows', label: 'jobs.label.rows', value: (s) => (s.last_run ? formatRows(s.last_run.rows) : '') },
  { header: 'next due', label: 'jobs.label.next_due', value: (s) => formats().dateTime(s.next_due_at) },
];

export const run: CommandRun = async (ctx) => {
  const { jobStates } = await import('../../services/jobs.js');
  const states = await ctx.withDb(({ db }) => jobStates(db));
  // JSON as it always was: a job's problem in English, the same in every language.
  const rows = ctx.out.json ? states.map((s) => ({ ...s, problem: s.problem ? problemText(s.problem, 'en') : null })) : states;
  await renderList(ctx, COLUMNS, rows as JobState[]);
};
