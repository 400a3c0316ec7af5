import { UsageError } from '../errors.js';
import { isDatabaseError, type DatabaseError } from './database-error.js';

/**
 * Services check what they can before they write (duplicates, dates, a user left with
 * no matricule nor e-mail), but two sessions can both pass a check, and a check may be
 * missed; the database's constraint then refuses the write. That refusal is bad input,
 * not a crash: src/main.ts turns it into one of these sentences, exit 2. `value` is the
 * conflicting key as the database reports it (undefined when it does not).
 */
type Sentence = (value: string | undefined) => string;

const named = (what: string, value: string | undefined) => (value === undefined ? `this ${what}` : `${what} ${value}`);

/** Also said by users update, which checks it before writing. */
export const LEFT_UNIDENTIFIABLE = 'A user needs a matricule or an e-mail; this change would leave the account with neither.';
const withdrawal: Sentence = () => 'A withdrawn decision records when it was withdrawn (annulee_le).';
const rejection: Sentence = () => 'A rejection needs a reason (commentaire).';

/**
 * One sentence per check, unique and exclusion constraint of migrations/ (and unique
 * index, and constraint a trigger names), by name; test/integration/constraint-messages
 * fails when one is missing. Foreign keys and NOT NULL columns get a sentence naming
 * them (genericSentence).
 */
export const CONSTRAINT_SENTENCES: Readonly<Record<string, Sentence>> = {
  utilisateur_identifiable: () => LEFT_UNIDENTIFIABLE,
  utilisateur_nom_complet_check: () => 'A user needs a name (nom_complet).',
  utilisateur_email_check: () => 'An e-mail address has the form name@domain.tld.',
  idx_utilisateur_email: (v) => `A user with ${named('e-mail', v)} already exists${v ? ` (see alumni users show ${v})` : ''}.`,
  idx_utilisateur_matricule: (v) => `A user with ${named('matricule', v)} already exists${v ? ` (see alumni users show ${v})` : ''}.`,
  domaine_reference_nom_domaine_key: (v) => `${v ? `The field ${v}` : 'This field'} is already in domaine_reference.`,
  idx_domaine_reference_nom_normalise: (v) =>
    `A field with the same name${v ? ` (${v})` : ''}, without regard to case or accents, is already in domaine_reference.`,
  idx_domaine_alias_normalise: (v) =>
    `The alias${v ? ` ${v}` : ''} is already given, without regard to case, accents, spaces or punctuation (see alumni refs fields list).`,
  domaine_alias_alias_check: () => 'An alias needs a text.',
  annee_reference_pkey: (v) => `${v ? `The year ${v}` : 'This year'} is already in annee_reference.`,
  groupe_nom_groupe_key: (v) => `A group ${v ? `named ${v}` : 'with this name'} already exists; choose another name.`,
  membre_groupe_unique: () => 'This user is already a member of this group.',
  unique_contact_principal: () => 'This organisation already has a principal contact; an organisation has at most one.',
  // Raised by the trigger enforce_max_membres (a check_violation naming this constraint).
  max_membres: () => 'The group is full: it has as many active members as its max_membres allows.',
  // Offers: the services check these first; the sentences are for a write that slips past.
  stage_check: () => "A stage's date_fin cannot be before its date_debut.",
  formation_check: () => "A formation's date_fin cannot be before its date_debut.",
  emploi_check: () => "An emploi's date_expiration cannot be before its date_publication.",
  formation_prix_check: () => "A formation's prix is 0 or more.",
  formation_devise_check: () => "A formation's devise is a three-letter ISO 4217 code, such as XOF or EUR.",
  formation_prix_coherent: () => 'A paid formation states its prix and devise; a free one has no price (or 0).',
  idx_groupe_nom_normalise: (v) =>
    `A group with the same name${v ? ` (${v})` : ''}, without regard to case or accents, already exists; choose another name.`,
  // Raised by the trigger enforce_max_membres_above_members.
  max_membres_below_members: () => 'max_membres cannot be below the active members of the group: remove members first.',
  groupe_max_membres_check: () => "A group's max_membres is 1 or more (or none, for no limit).",
  groupe_nom_groupe_check: () => 'A group needs a name (nom_groupe).',
  membre_groupe_check: () => "A member's date_sortie cannot be before their date_adhesion.",
  message_check: () => 'A message needs a text or a file.',
  message_check1: () => 'A message with a type_fichier needs its fichier_url.',
  organisation_nom_organisation_check: () => 'An organisation needs a name (nom_organisation).',
  contact_organisation_check: () => "A contact's date_fin cannot be before its date_debut.",
  stage_titre_check: () => 'A stage needs a titre.',
  formation_titre_check: () => 'A formation needs a titre.',
  emploi_titre_check: () => 'An emploi needs a titre.',
  annee_reference_annee_check: () => 'A year in annee_reference is between 1900 and 2200.',
  domaine_reference_nom_domaine_check: () => 'A field (domaine) needs a name.',
  validation_formation_check: rejection,
  validation_groupe_check: rejection,
  validation_organisation_check: rejection,
  validation_formation_annulation: withdrawal,
  validation_groupe_annulation: withdrawal,
  validation_organisation_annulation: withdrawal,
  // Written by the CLI itself (audit triggers, the import ledger, job runs): reached only by a bug.
  audit_log_action_check: () => "An audit entry's action is INSERT, UPDATE or DELETE.",
  import_run_kind_check: () => 'An import is of users or of orgs.',
  import_run_mode_check: () => "An import's mode is upsert, insert or update.",
  import_run_status_check: () => "An import's status is running, completed, failed or rolled_back.",
  job_run_job_check: () => 'A job is expire-offers, purge-messages, refresh-stats or purge-audit.',
  job_run_status_check: () => "A job run's status is running, ok, failed or locked.",
  job_run_check: () => 'A job run has a finish time exactly when it is no longer running.',
  job_run_pkey: () => 'This job run is recorded already.',
  view_refresh_pkey: () => 'The refresh of this view is recorded already.',
};

// The SQLSTATEs of a refused change (class 23, integrity constraint violation).
const UNIQUE = '23505';
const EXCLUSION = '23P01';
const FOREIGN_KEY = '23503';
/** ON DELETE RESTRICT: PostgreSQL 18 (PGlite) reports it so, 15 as a foreign-key violation. */
const RESTRICT = '23001';
const CHECK = '23514';
const NOT_NULL = '23502';

/**
 * The sentence for a constraint violation the database reported, or undefined for any
 * other error. A violation of a constraint not in the map still gets a sentence naming
 * the constraint (or the column, for NOT NULL).
 */
export function constraintViolation(error: unknown): UsageError | undefined {
  if (!isDatabaseError(error)) return undefined;
  const sentence = error.constraint ? CONSTRAINT_SENTENCES[error.constraint] : undefined;
  if (sentence && [UNIQUE, EXCLUSION, FOREIGN_KEY, RESTRICT, CHECK, NOT_NULL].includes(error.code)) {
    return new UsageError(sentence(conflictingKey(error)?.value), { cause: error });
  }
  const generic = genericSentence(error);
  return generic === undefined ? undefined : new UsageError(generic, { cause: error });
}

function genericSentence(error: DatabaseError): string | undefined {
  const name = error.constraint ?? 'unnamed';
  const key = conflictingKey(error);
  switch (error.code) {
    case UNIQUE:
      return key
        ? `Another row already has ${key.columns} = ${key.value} (unique constraint ${name}).`
        : `This would duplicate an existing row (unique constraint ${name}).`;
    case EXCLUSION:
      return `This conflicts with an existing row (exclusion constraint ${name}).`;
    case FOREIGN_KEY:
    case RESTRICT: {
      const missing = /is not present in table "([^"]+)"/.exec(error.detail ?? '');
      if (key && missing) return `There is no ${missing[1]} with ${key.columns} = ${key.value} (foreign key ${name}).`;
      const referenced = /is (?:still )?referenced from table "([^"]+)"/.exec(error.detail ?? '');
      if (referenced) return `This row is still referred to from ${referenced[1]} (foreign key ${name}).`;
      return `This refers to a row that does not exist, or removes one still referred to (foreign key ${name}).`;
    }
    case CHECK:
      return `The database refuses this value (check constraint ${name}).`;
    case NOT_NULL:
      return error.column && error.table ? `${error.table}.${error.column} needs a value.` : 'A value the database needs is missing.';
    default:
      return undefined;
  }
}

/** "Key (lower(email::text))=(a@b.sn) already exists." → columns and value. */
function conflictingKey(error: DatabaseError): { columns: string; value: string } | undefined {
  const match = /^Key \((.+?)\)=\((.*?)\) (?:already exists|is not present|is (?:still )?referenced|conflicts)/s.exec(error.detail ?? '');
  return match ? { columns: match[1]!, value: match[2]! } : undefined;
}
