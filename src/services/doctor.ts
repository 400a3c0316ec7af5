import { sql, type Kysely } from 'kysely';
import type { OpenDatabase } from '../db/connect.js';
import { readSchemaState, type SchemaState } from '../db/migrator.js';
import type { DB } from '../db/schema.js';
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
  /** What needs doing, one sentence each; empty when healthy. */
  problems: string[];
}

export async function diagnose(handle: OpenDatabase): Promise<DoctorReport> {
  const db = handle.db as Kysely<DB>;
  const state = await readSchemaState(db);
  const upToDate = state.pending.length === 0 && state.unknown.length === 0;
  const problems: string[] = [];
  if (state.unknown.length > 0) {
    problems.push(`The schema is newer than this alumni knows (${state.unknown.join(', ')}): upgrade alumni-admin.`);
  }
  if (state.pending.length > 0) {
    problems.push(`${state.pending.length} pending migration(s) (${state.pending.join(', ')}): run \`alumni migrate\`.`);
  }

  const [{ rows: versionRows }, { rows: extensionRows }] = await Promise.all([
    sql<{ server_version: string }>`select current_setting('server_version') as server_version`.execute(db),
    sql<{ name: string; installed: boolean }>`
      select name, installed_version is not null as installed
        from pg_available_extensions where name in ('pg_cron', 'unaccent')`.execute(db),
  ]);
  const extension = (name: string) => extensionRows.find((r) => r.name === name);

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
  if (state.version !== null && upToDate) {
    const refreshed = await sql<{ refreshed_at: Date }>`
      select refreshed_at from alumni_admin.view_refresh where view_name = 'stats_emploi_par_annee'`.execute(db);
    statsRefreshedAt = refreshed.rows[0]?.refreshed_at ?? null;
    pending = await pendingModerationCounts(db);
  }

  return {
    backend: handle.target.backend,
    database: handle.location,
    server_version: versionRows[0]!.server_version,
    schema: { ...state, up_to_date: upToDate },
    extensions: {
      pg_cron_available: Boolean(extension('pg_cron')),
      pg_cron_installed: Boolean(extension('pg_cron')?.installed),
      unaccent_installed: Boolean(extension('unaccent')?.installed),
    },
    tables: tableRows,
    stats_refreshed_at: statsRefreshedAt,
    pending_moderation: pending,
    problems,
  };
}
