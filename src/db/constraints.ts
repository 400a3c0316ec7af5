import { problem, UsageError, type Problem } from '../errors.js';
import { constraintMessages } from '../i18n/en/database.js';
import { isDatabaseError, type DatabaseError } from './database-error.js';

/**
 * Services check what they can before they write (duplicates, dates, a user left with
 * no matricule nor e-mail), but two sessions can both pass a check, and a check may be
 * missed; the database's constraint then refuses the write. That refusal is bad input,
 * not a crash: src/main.ts turns it into one of these messages, exit 2. Its value is the
 * conflicting key as the database reports it (null when it does not).
 */
type ConstraintKey = Extract<keyof typeof constraintMessages, `database.constraint.${string}`>;

/** Also said by users update, which checks it before writing. */
export const LEFT_UNIDENTIFIABLE: Problem = problem('database.constraint.utilisateur_identifiable', { value: null });

/**
 * One message per check, unique and exclusion constraint of migrations/ (and unique
 * index, and constraint a trigger names), by name: the catalog's
 * "database.constraint.<name>" (src/i18n/<language>/database.ts);
 * test/integration/constraint-messages fails when one is missing. Foreign keys and NOT
 * NULL columns get a message naming them (genericProblem).
 */
const PREFIX = 'database.constraint.';
export const CONSTRAINT_SENTENCES: Readonly<Record<string, ConstraintKey>> = Object.fromEntries(
  Object.keys(constraintMessages)
    .filter((key): key is ConstraintKey => key.startsWith(PREFIX))
    .map((key) => [key.slice(PREFIX.length), key]),
);

// The SQLSTATEs of a refused change (class 23, integrity constraint violation).
const UNIQUE = '23505';
const EXCLUSION = '23P01';
const FOREIGN_KEY = '23503';
/** ON DELETE RESTRICT: PostgreSQL 18 (PGlite) reports it so, 15 as a foreign-key violation. */
const RESTRICT = '23001';
const CHECK = '23514';
const NOT_NULL = '23502';

/**
 * The refusal for a constraint violation the database reported, or undefined for any
 * other error. A violation of a constraint not in the map still gets a message naming
 * the constraint (or the column, for NOT NULL).
 */
export function constraintViolation(error: unknown): UsageError | undefined {
  if (!isDatabaseError(error)) return undefined;
  const key = error.constraint ? CONSTRAINT_SENTENCES[error.constraint] : undefined;
  if (key && [UNIQUE, EXCLUSION, FOREIGN_KEY, RESTRICT, CHECK, NOT_NULL].includes(error.code)) {
    return new UsageError(problem(key, { value: conflictingKey(error)?.value ?? null }), { cause: error });
  }
  const generic = genericProblem(error);
  return generic === undefined ? undefined : new UsageError(generic, { cause: error });
}

function genericProblem(error: DatabaseError): Problem | undefined {
  const constraint = error.constraint ?? 'unnamed';
  const key = conflictingKey(error);
  switch (error.code) {
    case UNIQUE:
      return key
        ? problem('database.constraint_generic.unique_key', { columns: key.columns, value: key.value, constraint })
        : problem('database.constraint_generic.unique', { constraint });
    case EXCLUSION:
      return problem('database.constraint_generic.exclusion', { constraint });
    case FOREIGN_KEY:
    case RESTRICT: {
      const missing = /is not present in table "([^"]+)"/.exec(error.detail ?? '');
      if (key && missing)
        return problem('database.constraint_generic.missing_row', {
          table: missing[1]!,
          columns: key.columns,
          value: key.value,
          constraint,
        });
      const referenced = /is (?:still )?referenced from table "([^"]+)"/.exec(error.detail ?? '');
      if (referenced) return problem('database.constraint_generic.still_referenced', { table: referenced[1]!, constraint });
      return problem('database.constraint_generic.foreign_key', { constraint });
    }
    case CHECK:
      return problem('database.constraint_generic.check', { constraint });
    case NOT_NULL:
      return error.column && error.table
        ? problem('database.constraint_generic.not_null_column', { table: error.table, column: error.column })
        : problem('database.constraint_generic.not_null');
    default:
      return undefined;
  }
}

/** "Key (lower(email::text))=(a@b.sn) already exists." → columns and value. */
function conflictingKey(error: DatabaseError): { columns: string; value: string } | undefined {
  const match = /^Key \((.+?)\)=\((.*?)\) (?:already exists|is not present|is (?:still )?referenced|conflicts)/s.exec(error.detail ?? '');
  return match ? { columns: match[1]!, value: match[2]! } : undefined;
}
