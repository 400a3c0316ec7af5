import { sql, type RawBuilder } from 'kysely';

/** What every import's valid row carries: where it came from, for the rejects file and messages. */
export interface ImportedRow {
  line: number;
  cells: string[];
}

export interface RejectedRow {
  line: number;
  cells: string[];
  reason: string;
}

export type CheckedRow<Row> = { ok: true; row: Row } | { ok: false; rejected: RejectedRow };

export type ImportMode = 'upsert' | 'insert' | 'update';

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface BatchOutcome extends BatchCounts {
  rejected: RejectedRow[];
}

export const emptyOutcome = (): BatchOutcome => ({ inserted: 0, updated: 0, unchanged: 0, skipped: 0, rejected: [] });

export const rejectRow = (row: ImportedRow, reason: string): RejectedRow => ({ line: row.line, cells: row.cells, reason });

/**
 * A batch as a set: one array per column, unnested into rows by the database, so a
 * batch is a handful of statements whatever its size, on both back ends. `columns` are
 * [name, SQL type] pairs; the alias is `s`.
 */
export function stagedRows<Row>(
  rows: Row[],
  columns: ReadonlyArray<readonly [string, string]>,
  valueOf: (row: Row, column: string) => unknown,
): RawBuilder<unknown> {
  const arrays = columns.map(([name, type]) => sql`${rows.map((row) => valueOf(row, name))}::${sql.raw(type)}[]`);
  return sql`unnest(${sql.join(arrays)}) as s(${sql.join(columns.map(([name]) => sql.ref(name)))})`;
}
