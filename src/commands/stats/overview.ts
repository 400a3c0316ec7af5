import { renderRecord } from '../../cli/render.js';
import { formats, t, type LabelKey } from '../../i18n/messages.js';
import type { Overview } from '../../services/stats-overview.js';
import type { CommandRun } from '../types.js';

/** "etudiant 20 · enseignant 1 · admin 0": the counts of one column's values (data values stay as stored). */
function counts(values: Record<string, number>, name: (value: string) => string = (value) => value): string {
  return Object.entries(values)
    .map(([value, n]) => `${name(value)} ${formats().integer(n)}`)
    .join(' · ');
}

const QUEUE_LABELS: Record<keyof Overview['moderation'], LabelKey> = {
  formation: 'stats.overview.queue.formation',
  groupe: 'stats.overview.queue.groupe',
  organisation: 'stats.overview.queue.organisation',
};

/** An import's or a job run's status, in words a person reads (the JSON keeps the stored ones). */
const IMPORT_STATUSES: Record<string, LabelKey> = {
  running: 'import.ledger.status_running',
  completed: 'import.ledger.status_completed',
  rolled_back: 'import.ledger.status_rolled_back',
  failed: 'import.ledger.status_failed',
};
const JOB_STATUSES: Record<string, LabelKey> = {
  running: 'jobs.status.running',
  ok: 'jobs.status.ok',
  failed: 'jobs.status.failed',
  locked: 'jobs.status.locked',
};
const statusWord = (words: Record<string, LabelKey>) => (status: string) => {
  const key = words[status];
  return key ? t(key) : status;
};

const IMPORT_LABELS: Record<keyof Overview['import_run'], LabelKey> = {
  users: 'stats.overview.imports.users',
  orgs: 'stats.overview.imports.orgs',
};

/** The overview as labelled lines a person reads: what is counted, then the counts. */
function overviewLines(o: Overview): Array<[label: string, value: unknown]> {
  return [
    [t('stats.overview.users_by_status'), counts(o.utilisateur.statut)],
    [t('stats.overview.users_by_role'), counts(o.utilisateur.role)],
    [t('stats.overview.orgs_by_type'), counts(o.organisation.type_organisation)],
    [t('stats.overview.orgs_by_status'), counts(o.organisation.statut)],
    [t('stats.overview.internships_by_status'), counts(o.stage.statut)],
    [t('stats.overview.jobs_by_status'), counts(o.emploi.statut)],
    [
      t('stats.overview.trainings'),
      t('stats.overview.trainings_value', {
        total: formats().integer(o.formation.total),
        pending: formats().integer(o.formation.en_attente),
      }),
    ],
    [t('stats.overview.groups'), formats().integer(o.groupe.total)],
    [t('stats.overview.groups_by_type'), counts(o.groupe.type_groupe)],
    [t('stats.overview.moderation'), counts(o.moderation, (queue) => t(QUEUE_LABELS[queue as keyof Overview['moderation']]))],
    ...Object.entries(o.import_run).map(([kind, statuses]): [string, unknown] => [
      t(IMPORT_LABELS[kind as keyof Overview['import_run']]),
      counts(statuses, statusWord(IMPORT_STATUSES)),
    ]),
    ...Object.entries(o.job_run).map(([job, statuses]): [string, unknown] => [
      t('stats.overview.job_runs', { job }),
      counts(statuses, statusWord(JOB_STATUSES)),
    ]),
  ];
}

/** The overview: its JSON, or one "label: value" line per count, then since when imports and runs are counted. */
export const run: CommandRun = async (ctx) => {
  const { overview, OVERVIEW_DAYS } = await import('../../services/stats-overview.js');
  const result = await ctx.withDb(({ db }) => overview(db));
  renderRecord(ctx, result, [
    ...overviewLines(result),
    // A time: local on a terminal, ISO 8601 with its offset off one.
    [t('stats.overview.counted_since', { days: formats().integer(OVERVIEW_DAYS) }), result.since],
  ]);
};
