/** English messages of the migrate area: keys start with "migrate.". */
export default {
  'migrate.description': 'bring the database schema up to date (default: latest), or step it up or down',
  'migrate.latest.description': 'apply every pending migration',
  'migrate.up.description': 'apply the next pending migration',
  'migrate.down.description': 'revert the newest applied migration (what it created is dropped, data included)',
  'migrate.status.description': 'list applied and pending migrations',
  'migrate.make.description': 'create an empty up/down SQL migration pair in migrations/ (for developers)',
  'migrate.make.name': 'what the migration does, e.g. add_offer_salary',

  'migrate.down.confirm': 'Revert the newest migration? What it created is dropped, data included.',
  'migrate.nothing_to_do': (p: { version: string | null }) => `Nothing to do: the schema is at ${p.version ?? 'no version (empty)'}.`,
  'migrate.applied': (p: { name: string }) => `Applied ${p.name}`,
  'migrate.reverted': (p: { name: string }) => `Reverted ${p.name}`,
  'migrate.version': (p: { version: string | null }) => `Schema version: ${p.version ?? 'none'}.`,

  'migrate.label.migration': 'Migration',
  'migrate.label.status': 'Status',
  'migrate.status.applied': 'applied',
  'migrate.status.applied_unknown': 'applied (unknown to this version)',
  'migrate.status.pending': 'pending',

  'migrate.unknown_migrations': (p: { migrations: string[] }) =>
    `The database has migrations this version of alumni does not know (${p.migrations.join(', ')}); upgrade alumni-admin instead of migrating.`,
  'migrate.failed': (p: { migration: string | null; reason: string }) =>
    `Migration ${p.migration === null ? '' : `${p.migration} `}failed and was rolled back: ${p.reason}`,
  'migrate.unusable_name': (p: { name: string }) => `"${p.name}" is not a usable migration name; use letters, digits and underscores.`,
  'migrate.file_exists': (p: { file: string }) => `${p.file} already exists.`,
  'migrate.done': (p: { names: string[]; up: boolean; version: string | null }) =>
    `${p.up ? 'Applied' : 'Reverted'} ${p.names.join(', ')}; schema version: ${p.version ?? 'none'}.`,
  'migrate.status.empty': 'This version of alumni has no migration.',
} satisfies Record<`migrate.${string}`, string | ((params: never) => string)>;
