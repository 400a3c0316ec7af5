import { sql, type Kysely } from 'kysely';
import type { OpenDatabase } from '../db/connect.js';
import { readSchemaState, type SchemaState } from '../db/migrator.js';
import type { DB } from '../db/schema.js';
import { DEFAULT_AUDIT_RETENTION } from './job-names.js';
import { pendingModerationCounts, type PendingCounts } from './moderation/index.js';

export interface TableReport {
  table: string;
  kind: 'table' | 'materialized view';
  /** pg_total_relation_size: table, indexes and TOAST. */
  bytes: number;
  /** The planner's estimate; null when the table was never analysed. */
  estimated_rows: number | null;
}

export interface DoctorReport {
  backend: 'server' | 'embedded';
  database: string;
  server_version: string;
  schema: SchemaState & { up_to_date: boolean };
  extensions: { pg_cron_available: boolean; pg_cron_installed: boolean; unaccent_installed: boolean };
  tables: TableReport[];
  stats_refreshed_at: Date | null;
  pending_moderation: PendingCounts | null;
  /** What each retention rule keeps and what it will remove next (README, "Retention"); null before the schema exists. */
  retention: RetentionReport | null;
  /** What needs doing; empty when healthy. */
  problems: DoctorProblem[];
}

/** What needs doing: the schema is newer than this alumni, or migrations are pending. */
export type DoctorProblem = { kind: 'schema_newer'; migrations: string[] } | { kind: 'pending'; migrations: string[] };

export interface RetentionReport {
  /** purge-audit: entries older than `retention` are deleted. */
  audit_log: { retention: string; entries: number; oldest: Date | null; past_retention: number };
  /** purge-messages: messages past their date_suppression_auto are deleted; without one they are kept. */
  message: { with_deletion_date: number; due: number; next_deletion: Date | null };
  /** The import ledger is kept: it holds counts, file names and the actor's id, no personal values. */
  import_run: { retention: 'kept'; runs: number; oldest: Date | null };
}

async function retentionReport(db: Kysely<DB>, auditRetention: string): Promise<RetentionReport> {
  const { rows } = await sql<{
    audit: RetentionReport['audit_log'];
    message: RetentionReport['message'];
    import_run: RetentionReport['import_run'];
  }>`
    select jsonb_build_object(
             -- Three subqueries, not one pass with count(*) filter (...): each can use an
             -- index (the oldest and the few past retention by created_at), where one pass
             -- reads every entry whole (~60 MB at 100,000 entries).
             'entries', (select count(*) from audit_log),
             'oldest', (select min(created_at) from audit_log),
             'past_retention', (select count(*) from audit_log a where alumni_audit_is_past_retention(a, ${auditRetention}::interval))
           ) as audit,
           (select jsonb_build_object('with_deletion_date', count(date_suppression_auto),
                                      'due', count(*) filter (where alumni_message_is_due(m)),
                                      'next_deletion', min(date_suppression_auto) filter (where not alumni_message_is_due(m)))
              from message m) as message,
           (select jsonb_build_object('runs', count(*), 'oldest', min(started_at)) from alumni_admin.import_run) as import_run`.execute(db);
  const { audit, message, import_run: ledger } = rows[0]!;
  const when = (text: unknown) => (text ? new Date(text as string) : null);
  return {
    audit_log: { retention: auditRetention, entries: audit.entries, oldest: when(audit.oldest), past_retention: audit.past_retention },
    message: { with_deletion_date: message.with_deletion_date, due: message.due, next_deletion: when(message.next_deletion) },
    import_run: { retention: 'kept', runs: ledger.runs, oldest: when(ledger.oldest) },
  };
}

/** `auditRetention`: purge-audit's retention as the jobs take it (ALUMNI_AUDIT_RETENTION, else 365 days). */
export async function diagnose(handle: OpenDatabase, options: { auditRetention?: string } = {}): Promise<DoctorReport> {
  const db = handle.db as Kysely<DB>;
  const state = await readSchemaState(db);
  const upToDate = state.pending.length === 0 && state.unknown.length === 0;
  const problems: DoctorProblem[] = [];
  if (state.unknown.length > 0) problems.push({ kind: 'schema_newer', migrations: state.unknown });
  if (state.pending.length > 0) problems.push({ kind: 'pending', migrations: state.pending });

  // PGlite ships no pg_cron, and listing the available extensions reads every control file.
  const cronAvailable =
    handle.target.backend === 'server'
      ? sql<boolean>`exists (select 1 from pg_available_extensions where name = 'pg_cron')`
      : sql<boolean>`false`;
  const { rows: factRows } = await sql<{ server_version: string } & DoctorReport['extensions']>`
    select current_setting('server_version') as server_version,
           ${cronAvailable} as pg_cron_available,
           exists (select 1 from pg_extension where extname = 'pg_cron') as pg_cron_installed,
           exists (select 1 from pg_extension where extname = 'unaccent') as unaccent_installed`.execute(db);
  const { server_version: serverVersion, ...extensions } = factRows[0]!;

  const { rows: tableRows } = await sql<TableReport>`
    select c.relname as table,
           case c.relkind when 'm' then 'materialized view' else 'table' end as kind,
           pg_total_relation_size(c.oid) as bytes,
           case when c.reltuples < 0 then null else c.reltuples::bigint end as estimated_rows
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'm')
     order by c.relname`.execute(db);

  // Statistics and queues exist only once the schema does.
  let statsRefreshedAt: Date | null = null;
  let pending: PendingCounts | null = null;
  let retention: RetentionReport | null = null;
  if (state.version !== null && upToDate) {
    const refreshed = await sql<{ refreshed_at: Date }>`
      select refreshed_at from alumni_admin.view_refresh where view_name = 'stats_emploi_par_annee'`.execute(db);
    statsRefreshedAt = refreshed.rows[0]?.refreshed_at ?? null;
    pending = await pendingModerationCounts(db);
    retention = await retentionReport(db, options.auditRetention ?? DEFAULT_AUDIT_RETENTION);
  }

  return {
    backend: handle.target.backend,
    database: handle.location,
    server_version: serverVersion,
    schema: { ...state, up_to_date: upToDate },
    extensions,
    tables: tableRows,
    stats_refreshed_at: statsRefreshedAt,
    pending_moderation: pending,
    retention,
    problems,
  };
}
