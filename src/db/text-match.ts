import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * How the tool compares what a person types with stored text: without regard to case or
 * accents ("ecole" matches "École"), through the schema's immutable_unaccent.
 */

/** `column` equals `value`, case and accents ignored. */
export function sameText(column: string, value: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(immutable_unaccent(${sql.ref(column)})) = lower(immutable_unaccent(${value.trim()}))`;
}

/** An ILIKE pattern for "contains `text`", its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains `text`, case and accents ignored. */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`immutable_unaccent(${sql.ref(column)}) ilike immutable_unaccent(${containsPattern(text)})`;
}
