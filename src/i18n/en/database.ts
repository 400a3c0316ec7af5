/** Why a connection to a server failed: a known code, else the driver's message (passwords masked). */
export type ConnectionReason =
  | { kind: 'refused' | 'unknown_host' | 'unresolved' | 'timeout' | 'unreachable' | 'password' | 'login' }
  | { kind: 'no_database'; database: string }
  | { kind: 'other'; message: string };

/** Why a data directory cannot be used. */
export type DataDirReason = { kind: 'permission' | 'not_directory' | 'read_only' } | { kind: 'other'; message: string };

const connectionReason = (r: ConnectionReason): string => {
  switch (r.kind) {
    case 'refused':
      return 'connection refused (is the server running?)';
    case 'unknown_host':
      return 'unknown host';
    case 'unresolved':
      return 'the host name could not be resolved';
    case 'timeout':
      return 'the connection timed out';
    case 'unreachable':
      return 'the host is unreachable';
    case 'password':
      return 'password authentication failed';
    case 'login':
      return 'the server refused the login';
    case 'no_database':
      return `database "${r.database}" does not exist`;
    case 'other':
      return r.message;
  }
};

const dataDirReason = (r: DataDirReason): string => {
  switch (r.kind) {
    case 'permission':
      return 'permission denied';
    case 'not_directory':
      return 'a file stands where a directory is needed';
    case 'read_only':
      return 'the file system is read-only';
    case 'other':
      return r.message;
  }
};

const EXPECTED_URL = 'expected postgres://USER:PASSWORD@HOST:PORT/DATABASE';
const urlSource = (source: string | null) =>
  source === null ? 'The database URL' : source.startsWith('--') ? `The ${source} value` : source;

/** The conflicting value of a constraint violation, as the database reports it (null when it does not). */
export interface ConstraintValue {
  value: string | null;
}
const fixed = (text: string) => (_: ConstraintValue) => text;
const named = (what: string, value: string | null) => (value === null ? `this ${what}` : `${what} ${value}`);
const withdrawal = fixed('A withdrawn decision records when it was withdrawn.');
const rejection = fixed('A rejection needs a reason.');

/**
 * One sentence per check, unique and exclusion constraint of migrations/, by the
 * constraint's name (src/db/constraints.ts): "database.constraint.<name>". Human words,
 * never a column's name.
 */
export const constraintMessages = {
  'database.constraint.utilisateur_identifiable': fixed(
    'A user needs a matricule or an e-mail; this change would leave the account with neither.',
  ),
  'database.constraint.utilisateur_nom_complet_check': fixed('A user needs a name.'),
  'database.constraint.utilisateur_email_check': fixed('An e-mail address has the form name@domain.tld.'),
  'database.constraint.idx_utilisateur_email': (p: ConstraintValue) =>
    `A user with ${named('e-mail', p.value)} already exists${p.value ? ` (see alumni users show ${p.value})` : ''}.`,
  'database.constraint.idx_utilisateur_matricule': (p: ConstraintValue) =>
    `A user with ${named('matricule', p.value)} already exists${p.value ? ` (see alumni users show ${p.value})` : ''}.`,
  'database.constraint.domaine_reference_nom_domaine_key': (p: ConstraintValue) =>
    `${p.value ? `The field ${p.value}` : 'This field'} is already in the list of fields.`,
  'database.constraint.idx_domaine_reference_nom_normalise': (p: ConstraintValue) =>
    `A field with the same name${p.value ? ` (${p.value})` : ''}, without regard to case or accents, is already in the list of fields.`,
  'database.constraint.idx_domaine_alias_normalise': (p: ConstraintValue) =>
    `The alias${p.value ? ` ${p.value}` : ''} is already given, without regard to case, accents, spaces or punctuation (see alumni refs fields list).`,
  'database.constraint.domaine_alias_alias_check': fixed('An alias needs a text.'),
  'database.constraint.annee_reference_pkey': (p: ConstraintValue) =>
    `${p.value ? `The year ${p.value}` : 'This year'} is already in the list of graduation years.`,
  'database.constraint.groupe_nom_groupe_key': (p: ConstraintValue) =>
    `A group ${p.value ? `named ${p.value}` : 'with this name'} already exists; choose another name.`,
  'database.constraint.membre_groupe_unique': fixed('This user is already a member of this group.'),
  'database.constraint.unique_contact_principal': fixed(
    'This organisation already has a principal contact; an organisation has at most one.',
  ),
  // Raised by the trigger enforce_max_membres (a check_violation naming this constraint).
  'database.constraint.max_membres': fixed('The group is full: it has as many active members as its member limit allows.'),
  // Offers: the services check these first; the sentences are for a write that slips past.
  'database.constraint.stage_check': fixed("A stage's end date cannot be before its start date."),
  'database.constraint.formation_check': fixed("A formation's end date cannot be before its start date."),
  'database.constraint.emploi_check': fixed("An emploi's expiry date cannot be before its publication date."),
  'database.constraint.formation_prix_check': fixed("A formation's price is 0 or more."),
  'database.constraint.formation_devise_check': fixed("A formation's currency is a three-letter ISO 4217 code, such as XOF or EUR."),
  'database.constraint.formation_prix_coherent': fixed('A paid formation states its price and currency; a free one has no price (or 0).'),
  'database.constraint.idx_groupe_nom_normalise': (p: ConstraintValue) =>
    `A group with the same name${p.value ? ` (${p.value})` : ''}, without regard to case or accents, already exists; choose another name.`,
  // Raised by the trigger enforce_max_membres_above_members.
  'database.constraint.max_membres_below_members': fixed(
    "A group's member limit cannot be below its active members: remove members first.",
  ),
  'database.constraint.groupe_max_membres_check': fixed("A group's member limit is 1 or more (or none, for no limit)."),
  'database.constraint.groupe_nom_groupe_check': fixed('A group needs a name.'),
  'database.constraint.membre_groupe_check': fixed("A member's leaving date cannot be before their joining date."),
  'database.constraint.message_check': fixed('A message needs a text or a file.'),
  'database.constraint.message_check1': fixed("A message with a file type needs the file's address."),
  'database.constraint.organisation_nom_organisation_check': fixed('An organisation needs a name.'),
  'database.constraint.contact_organisation_check': fixed("A contact's end date cannot be before its start date."),
  'database.constraint.stage_titre_check': fixed('A stage needs a title.'),
  'database.constraint.formation_titre_check': fixed('A formation needs a title.'),
  'database.constraint.emploi_titre_check': fixed('An emploi needs a title.'),
  'database.constraint.annee_reference_annee_check': fixed('A graduation year is between 1900 and 2200.'),
  'database.constraint.domaine_reference_nom_domaine_check': fixed('A field needs a name.'),
  'database.constraint.validation_formation_check': rejection,
  'database.constraint.validation_groupe_check': rejection,
  'database.constraint.validation_organisation_check': rejection,
  'database.constraint.validation_formation_annulation': withdrawal,
  'database.constraint.validation_groupe_annulation': withdrawal,
  'database.constraint.validation_organisation_annulation': withdrawal,
  // Written by the CLI itself (audit triggers, the import ledger, job runs): reached only by a bug.
  'database.constraint.audit_log_action_check': fixed("An audit entry's action is INSERT, UPDATE or DELETE."),
  'database.constraint.import_run_kind_check': fixed('An import is of users or of orgs.'),
  'database.constraint.import_run_mode_check': fixed("An import's mode is upsert, insert or update."),
  'database.constraint.import_run_status_check': fixed("An import's status is running, completed, failed, rolled_back or undone."),
  'database.constraint.job_run_job_check': fixed('A job is expire-offers, purge-messages, refresh-stats or purge-audit.'),
  'database.constraint.job_run_status_check': fixed("A job run's status is running, ok, failed or locked."),
  'database.constraint.job_run_check': fixed('A job run has a finish time exactly when it is no longer running.'),
  'database.constraint.job_run_pkey': fixed('This job run is recorded already.'),
  'database.constraint.view_refresh_pkey': fixed('The refresh of this view is recorded already.'),
  'database.constraint.parametre_pkey': fixed('This setting is recorded already.'),
  'database.constraint.parametre_valeur_check': fixed('A setting needs a value.'),
  'database.constraint.import_run_undone': fixed('An import has the time it was undone exactly when its status is undone.'),

  // A constraint without its own sentence: named, with what the database says of it.
  'database.constraint_generic.unique_key': (p: { columns: string; value: string; constraint: string }) =>
    `Another row already has ${p.columns} = ${p.value} (unique constraint ${p.constraint}).`,
  'database.constraint_generic.unique': (p: { constraint: string }) =>
    `This would duplicate an existing row (unique constraint ${p.constraint}).`,
  'database.constraint_generic.exclusion': (p: { constraint: string }) =>
    `This conflicts with an existing row (exclusion constraint ${p.constraint}).`,
  'database.constraint_generic.missing_row': (p: { table: string; columns: string; value: string; constraint: string }) =>
    `There is no ${p.table} with ${p.columns} = ${p.value} (foreign key ${p.constraint}).`,
  'database.constraint_generic.still_referenced': (p: { table: string; constraint: string }) =>
    `This row is still referred to from ${p.table} (foreign key ${p.constraint}).`,
  'database.constraint_generic.foreign_key': (p: { constraint: string }) =>
    `This refers to a row that does not exist, or removes one still referred to (foreign key ${p.constraint}).`,
  'database.constraint_generic.check': (p: { constraint: string }) => `The database refuses this value (check constraint ${p.constraint}).`,
  'database.constraint_generic.not_null_column': (p: { table: string; column: string }) => `${p.table}.${p.column} needs a value.`,
  'database.constraint_generic.not_null': 'A value the database needs is missing.',
};

/** English messages of the database area: opening it, its lock, its schema, its failures, its constraints. */
export default {
  ...constraintMessages,
  // ---- opening (src/db/connect.ts, src/db/url.ts) ----
  'database.connect_failed': (p: { host: string; port: number; reason: ConnectionReason }) =>
    `Cannot connect to the PostgreSQL server at ${p.host}:${p.port}: ${connectionReason(p.reason)}.`,
  'database.url_invalid': (p: { source: string | null }) => `${urlSource(p.source)} is not a valid URL; ${EXPECTED_URL}.`,
  'database.url_protocol': (p: { source: string | null; protocol: string }) =>
    `${urlSource(p.source)} starts with "${p.protocol}//", not postgres://; ${EXPECTED_URL}.`,
  'database.data_dir_unusable': (p: { dir: string; reason: DataDirReason }) =>
    `Cannot use the data directory "${p.dir}": ${dataDirReason(p.reason)}. Set ALUMNI_DATA_DIR to a writable directory or use --database-url.`,
  'database.data_dir_pgdata_file': (p: { dir: string; pgdata: string }) =>
    `Cannot use the data directory "${p.dir}": ${p.pgdata} is a file where the database's directory is needed.`,
  'database.creating': (p: { dir: string }) => `Creating the embedded database in ${p.dir} (first use, a few seconds)…`,

  // ---- the lock of the embedded database (src/db/datadir-lock.ts) ----
  'database.lock_held': (p: { pid: number | null; since: string | null; lockPath: string }) =>
    `Another alumni process is using the embedded database${p.pid === null ? '' : ` (process ${p.pid} since ${p.since})`}; try again when it has finished (if no such process runs, delete ${p.lockPath}).`,
  'database.lock_wait_invalid': (p: { value: string }) =>
    `ALUMNI_LOCK_WAIT_MS must be a whole number of milliseconds (0 or more, e.g. 3000), not ${JSON.stringify(p.value)}.`,

  // ---- the embedded database failing (src/db/pglite-failures.ts) ----
  'database.embedded_disk_full_on_open': (p: { dir: string }) =>
    `The embedded database in ${p.dir} cannot be opened: its disk is full (no space left on device); free space and run again.`,
  'database.embedded_open_failed': (p: { dir: string; reason: string }) =>
    `The embedded database in ${p.dir} cannot be opened (PostgreSQL: ${p.reason}); restore the directory from a backup, or set ALUMNI_DATA_DIR to another directory.`,
  'database.embedded_disk_full': (p: { dir: string }) =>
    `The embedded database's disk is full (no space left on device for ${p.dir}): free space and run again.`,
  'database.embedded_stopped': (p: { dir: string; reason: string }) =>
    `The embedded database in ${p.dir} stopped on a fatal error (PostgreSQL: ${p.reason}); run the command again, the database recovers when it is opened.`,
  'database.postgres_aborted': 'PostgreSQL aborted',
  'database.did_not_start': 'it did not start',

  // ---- the schema (src/context.ts) ----
  'database.schema_too_new': (p: { version: string | null; alumniVersion: string }) =>
    `The database schema (version ${p.version}) is newer than this alumni ${p.alumniVersion} knows; upgrade alumni-admin before using this database.`,
  'database.schema_behind': (p: { pending: number }) =>
    `The database schema is behind this version of alumni (${p.pending} pending migration(s)); run \`alumni migrate\` first.`,
  'database.migrating_embedded': 'Migrating the embedded database…',
  'database.migrated_embedded': (p: { count: number }) => `Embedded database migrated (${p.count} migration(s) applied).`,
  'database.vacuum_failed': (p: { reason: string }) =>
    `The changes are saved, but the embedded database could not be vacuumed and analysed afterwards (${p.reason}): its planner statistics may be out of date.`,

  // ---- lists (src/db/keyset.ts) ----
  'database.cursor_foreign': (p: { flag: string; cursor: string }) => `${p.flag} "${p.cursor}" is not a cursor printed by this list.`,
} satisfies Record<`database.${string}`, string | ((params: never) => string)>;
