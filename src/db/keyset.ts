import { sql, type Expression, type SelectQueryBuilder } from 'kysely';
import { problem, UsageError } from '../errors.js';
import { isDatabaseError } from './database-error.js';

/** One page of a list and the cursor of the next (null on the last page). */
export interface Page<Row> {
  items: Row[];
  next_after: string | null;
}

export interface KeysetOptions<Row> {
  /**
   * The sort keys, most significant first, ending with a unique one (an id) so that no
   * row is skipped or shown twice: a column name or an expression (a search rank), and
   * how to read its value from a row for the cursor.
   */
  keys: Array<{ key: string | Expression<unknown>; value: (row: Row) => unknown }>;
  /** asc (default) or desc, the same for every key: a row comparison then walks the index. */
  direction?: 'asc' | 'desc';
  limit: number;
  /** The cursor a previous page returned. */
  after?: string;
  /** How the cursor option is called, for the message when one is malformed. */
  cursorName?: string;
}

/**
 * Keyset pagination: `where (k1, k2) > (v1, v2) order by k1, k2 limit n+1`. Stable under
 * inserts and as fast on the last page as on the first, unlike OFFSET.
 */
export async function keysetPage<DB, TB extends keyof DB, Row>(
  query: SelectQueryBuilder<DB, TB, Row>,
  options: KeysetOptions<Row>,
): Promise<Page<Row>> {
  const direction = options.direction ?? 'asc';
  const keys = options.keys.map((k) => (typeof k.key === 'string' ? sql.ref(k.key) : k.key));
  let paged = query;
  if (options.after !== undefined) {
    const values = decodeCursor(options.after, options.keys.length, options.cursorName ?? '--after');
    const comparison = direction === 'asc' ? sql`>` : sql`<`;
    paged = paged.where(sql<boolean>`(${sql.join(keys)}) ${comparison} (${sql.join(values)})`);
  }
  for (const key of keys) paged = paged.orderBy(key, direction);
  let rows: Row[];
  try {
    rows = await paged.limit(options.limit + 1).execute();
  } catch (error) {
    // A cursor of the right shape whose values the keys' types refuse (an id that is
    // not a uuid, a date that is not one): as foreign as a cursor that does not decode.
    if (options.after !== undefined && isDatabaseError(error) && /^22(P02|007|008)$/.test(error.code)) {
      throw foreignCursor(options.after, options.cursorName ?? '--after');
    }
    throw error;
  }
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  const next_after = rows.length > options.limit && last !== undefined ? encodeCursor(options.keys.map((k) => k.value(last))) : null;
  return { items, next_after };
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values.map((v) => (v instanceof Date ? v.toISOString() : v)))).toString('base64url');
}

function decodeCursor(cursor: string, length: number, name: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === length && values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      return values;
    }
  } catch {
    // not base64url JSON: the same answer as a well-formed but foreign cursor
  }
  throw foreignCursor(cursor, name);
}

function foreignCursor(cursor: string, name: string): UsageError {
  return new UsageError(problem('database.cursor_foreign', { flag: name, cursor }));
}
