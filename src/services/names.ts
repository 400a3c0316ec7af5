import { sql, type Kysely } from 'kysely';
import { inFrenchOrder } from '../db/order.js';
import type { DB } from '../db/schema.js';

/** What shell completion offers for a GROUP or an ORG argument: names, as `resolveRef` accepts them (src/services/refs.ts). */
export type NamedKind = 'group' | 'organisation';

const TABLES = {
  group: { table: 'groupe', column: 'nom_groupe' },
  organisation: { table: 'organisation', column: 'nom_organisation' },
} as const;

/** An ILIKE pattern for "starts with `text`", its own % and _ taken literally. */
function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The names starting with `prefix`, case and accents ignored (`dev` → `Développeurs du
 * Sahel`), each once, in French alphabetical order, at most `limit`.
 */
export async function namesStartingWith(db: Kysely<DB>, kind: NamedKind, prefix: string, limit = 100): Promise<string[]> {
  const { table, column } = TABLES[kind];
  const { rows } = await sql<{ name: string }>`
    select ${sql.ref(column)} as name from ${sql.table(table)}
     where immutable_unaccent(${sql.ref(column)}) ilike immutable_unaccent(${prefixPattern(prefix)})
     group by ${sql.ref(column)}
     order by ${inFrenchOrder(column)}
     limit ${limit}`.execute(db);
  return rows.map((row) => row.name);
}
