/** What doctor finds wrong (src/services/doctor.ts). */
export type DoctorProblem = { kind: 'schema_newer'; migrations: string[] } | { kind: 'pending'; migrations: string[] };

/** English messages of the doctor area: keys start with "doctor.". */
export default {
  'doctor.description': 'say which database is in use and whether it is healthy',
  'doctor.label.database': 'Database',
  'doctor.label.server_version': 'Server version',
  'doctor.label.schema_version': 'Schema version',
  'doctor.label.pending_migrations': 'Pending migrations',
  'doctor.label.pg_cron': 'pg_cron',
  'doctor.label.stats_refreshed': 'Statistics refreshed',
  'doctor.label.pending_moderation': 'Pending moderation',
  'doctor.label.retention': 'Retention',
  'doctor.label.audit_retention': 'Audit retention',
  'doctor.label.message_deletion': 'Message deletion',
  'doctor.label.import_ledger': 'Import ledger',
  'doctor.label.language': 'Language',
  'doctor.label.table': 'Table',
  'doctor.label.kind': 'Kind',
  'doctor.label.size': 'Size',
  'doctor.label.rows': 'Rows (est.)',

  'doctor.database': (p: { location: string; backend: 'server' | 'embedded' }) =>
    `${p.location} (${p.backend === 'server' ? 'PostgreSQL server' : 'embedded PGlite'})`,
  'doctor.schema_empty': 'none (empty database)',
  'doctor.none': 'none',
  'doctor.never': 'never',
  'doctor.not_applicable': 'n/a',
  'doctor.pg_cron.installed': 'installed',
  'doctor.pg_cron.available': 'available, not installed',
  'doctor.pg_cron.unavailable': 'not available',
  'doctor.moderation': (p: { formations: number; groups: number; orgs: number }) =>
    `formations ${p.formations}, groups ${p.groups}, orgs ${p.orgs}`,
  'doctor.audit_retention': (p: { retention: string; entries: number; past: number; oldest: string | null }) =>
    `${p.retention} (purge-audit): ${p.entries} entries, ${p.past} past it, oldest ${p.oldest ?? 'none'}`,
  'doctor.message_deletion': (p: { dated: number; due: number; next: string | null }) =>
    `at each message's own deletion date (purge-messages): ${p.dated} dated, ${p.due} due, next ${p.next ?? 'none'}`,
  'doctor.import_ledger': (p: { runs: number; oldest: string | null }) => `kept: ${p.runs} runs, oldest ${p.oldest ?? 'none'}`,
  'doctor.language': (p: { language: string; source: string; value: string | null }) =>
    p.source === 'default'
      ? `${p.language} (the default: no --lang, ALUMNI_LANG, LC_ALL, LC_MESSAGES or LANG)`
      : p.source === '--lang'
        ? `${p.language} (from --lang ${p.value})`
        : `${p.language} (from ${p.source}=${p.value})`,
  'doctor.kind.table': 'table',
  'doctor.kind.materialized_view': 'materialized view',
  'doctor.size': (p: { value: string; unit: 'B' | 'kB' | 'MB' | 'GB' | 'TB' }) => `${p.value} ${p.unit}`,
  'doctor.unknown_rows': '?',
  'doctor.interval': (p: { amount: number; unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years' }) =>
    `${p.amount} ${p.amount === 1 ? p.unit.slice(0, -1) : p.unit}`,
  'doctor.problem': (p: DoctorProblem) =>
    p.kind === 'schema_newer'
      ? `The schema is newer than this alumni knows (${p.migrations.join(', ')}): upgrade alumni-admin.`
      : `${p.migrations.length} pending migration(s) (${p.migrations.join(', ')}): run \`alumni migrate\`.`,
  'doctor.healthy': 'The database is healthy.',
} satisfies Record<`doctor.${string}`, string | ((params: never) => string)>;
