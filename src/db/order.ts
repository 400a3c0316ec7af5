import { sql, type RawBuilder } from 'kysely';

/**
 * `column` in French alphabetical order: the schema's ordre_francais collation
 * (migration 20261207190000_french_order), the same on both back ends. Accents and case
 * count only after the letters (`ecole`, `École`, `Eric`, `Fanta`), where the test
 * clusters' C order puts `École` after `Z`.
 */
export function inFrenchOrder(column: string): RawBuilder<string> {
  return sql<string>`${sql.ref(column)} collate ordre_francais`;
}
