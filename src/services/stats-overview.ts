import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { ROLES_UTILISATEUR, STATUTS_OFFRE, STATUTS_ORGANISATION, STATUTS_UTILISATEUR, TYPES_GROUPE, TYPES_ORGANISATION } from '../enums.js';
import { JOB_NAMES } from './job-names.js';
import { pendingModerationCounts, QUEUES } from './moderation/index.js';
import { QUEUE_SPECS } from './moderation/queues.js';

const IMPORT_KINDS = ['users', 'orgs'] as const;
const IMPORT_STATUSES = ['running', 'completed', 'failed', 'rolled_back'] as const;
const JOB_STATUSES = ['running', 'ok', 'failed', 'locked'] as const;
/** How far back imports and job runs are counted. */
export const OVERVIEW_DAYS = 30;

type Counts<Value extends string> = Record<Value, number>;

/**
 * `alumni stats overview`: counts keyed by the schema's own names (tables, columns and
 * enum values), every value present, zero included, so a script can read any of them.
 */
export interface Overview {
  utilisateur: { statut: Counts<(typeof STATUTS_UTILISATEUR)[number]>; role: Counts<(typeof ROLES_UTILISATEUR)[number]> };
  organisation: { type_organisation: Counts<(typeof TYPES_ORGANISATION)[number]>; statut: Counts<(typeof STATUTS_ORGANISATION)[number]> };
  stage: { statut: Counts<(typeof STATUTS_OFFRE)[number]> };
  emploi: { statut: Counts<(typeof STATUTS_OFFRE)[number]> };
  /** total, and how many wait for moderation. */
  formation: { total: number; en_attente: number };
  groupe: { total: number; type_groupe: Counts<(typeof TYPES_GROUPE)[number]> };
  /** Items waiting per moderation queue, keyed by the queue's table. */
  moderation: Record<'formation' | 'groupe' | 'organisation', number>;
  /** Since when import_run and job_run are counted. */
  since: Date;
  /** Imports started since then, per kind and status. */
  import_run: Record<(typeof IMPORT_KINDS)[number], Counts<(typeof IMPORT_STATUSES)[number]>>;
  /** Job runs started since then, per job and status. */
  job_run: Record<(typeof JOB_NAMES)[number], Counts<(typeof JOB_STATUSES)[number]>>;
}

/** Rows per value of one column, every value of `values` present (zero when none). */
async function countBy<Value extends string>(
  db: Kysely<DB>,
  table: string,
  column: string,
  values: readonly Value[],
  where: RawBuilder<unknown> = sql`true`,
): Promise<Counts<Value>> {
  const { rows } = await sql<{ value: string; n: number }>`
    select ${sql.ref(column)}::text as value, count(*) as n from ${sql.table(table)} where ${where} group by 1`.execute(db);
  const counts = Object.fromEntries(values.map((value) => [value, 0])) as Counts<Value>;
  for (const row of rows) if (row.value in counts) counts[row.value as Value] = row.n;
  return counts;
}

async function countPer<Key extends string, Value extends string>(
  keys: readonly Key[],
  count: (key: Key) => Promise<Counts<Value>>,
): Promise<Record<Key, Counts<Value>>> {
  const result = {} as Record<Key, Counts<Value>>;
  for (const key of keys) result[key] = await count(key);
  return result;
}

export async function overview(db: Kysely<DB>, now: Date = new Date()): Promise<Overview> {
  const since = new Date(now.getTime() - OVERVIEW_DAYS * 24 * 3600 * 1000);
  const pending = await pendingModerationCounts(db);
  const moderation = Object.fromEntries(QUEUES.map((queue) => [QUEUE_SPECS[queue].table, pending[queue]])) as Overview['moderation'];
  const total = async (table: string) => (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n;
  return {
    utilisateur: {
      statut: await countBy(db, 'utilisateur', 'statut', STATUTS_UTILISATEUR),
      role: await countBy(db, 'utilisateur', 'role', ROLES_UTILISATEUR),
    },
    organisation: {
      type_organisation: await countBy(db, 'organisation', 'type_organisation', TYPES_ORGANISATION),
      statut: await countBy(db, 'organisation', 'statut', STATUTS_ORGANISATION),
    },
    stage: { statut: await countBy(db, 'stage', 'statut', STATUTS_OFFRE) },
    emploi: { statut: await countBy(db, 'emploi', 'statut', STATUTS_OFFRE) },
    formation: { total: await total('formation'), en_attente: moderation.formation },
    groupe: { total: await total('groupe'), type_groupe: await countBy(db, 'groupe', 'type_groupe', TYPES_GROUPE) },
    moderation,
    since,
    import_run: await countPer(IMPORT_KINDS, (kind) =>
      countBy(db, 'alumni_admin.import_run', 'status', IMPORT_STATUSES, sql`kind = ${kind} and started_at >= ${since}`),
    ),
    job_run: await countPer(JOB_NAMES, (job) =>
      countBy(db, 'alumni_admin.job_run', 'status', JOB_STATUSES, sql`job = ${job} and started_at >= ${since}`),
    ),
  };
}
