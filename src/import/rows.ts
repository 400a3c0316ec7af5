import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

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
  /**
   * Counted (a dry run, the change check), not written: for each column, how many of the
   * updated rows it changes. Absent from a batch that was written.
   */
  changedColumns?: Record<string, number>;
  /** Counted by the change check: the lines of the rows that would be left as stored (an import that can tell). */
  unchangedLines?: number[];
}

/** What a batch would do to the stored rows it matches: the rows that change, and each column's share of them. */
export interface ChangeCount {
  rows: number;
  columns: Record<string, number>;
  /** The keys (`key` of the staged rows) of the rows left as they are, when asked. */
  unchanged: string[];
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

/**
 * How a batch updates the rows it matches in `table` (aliased `alias`, the batch `s`): a
 * cell given replaces the stored value, an empty one (null) keeps it, and a row that
 * would not change is neither counted nor written (no new row version, no audit entry).
 * `on` pairs each staged row with its stored one.
 */
export function mergedUpdate(table: string, alias: string, columns: readonly string[]) {
  const stored = (c: string) => sql`${sql.ref(alias)}.${sql.ref(c)}`;
  const merged = (c: string) => sql`coalesce(s.${sql.ref(c)}, ${stored(c)})`;
  const changes = sql`(${sql.join(columns.map(stored))}) is distinct from (${sql.join(columns.map(merged))})`;
  const changed = (c: string) => sql`${merged(c)} is distinct from ${stored(c)}`;
  const target = sql`${sql.table(table)} ${sql.ref(alias)}`;
  return {
    /**
     * How many rows the update would change, and how many of them each column changes (a
     * dry run, the change check): one aggregate over the batch joined to its stored rows.
     */
    async count(
      trx: Transaction<DB> | Kysely<DB>,
      staged: RawBuilder<unknown>,
      on: RawBuilder<unknown>,
      key?: string,
    ): Promise<ChangeCount> {
      const perColumn = columns.map((c, i) => sql`count(*) filter (where ${changed(c)}) as ${sql.ref(`c${i}`)}`);
      const unchanged = key ? sql`array_agg(s.${sql.ref(key)}) filter (where not ${changes})` : sql`null`;
      const { rows } = await sql<Record<string, number | string | string[] | null>>`
        select count(*) filter (where ${changes}) as n, ${unchanged} as unchanged, ${sql.join(perColumn)}
          from ${target} join ${staged} on ${on}`.execute(trx);
      const row = rows[0]!;
      const counted: ChangeCount = { rows: Number(row.n), columns: {}, unchanged: (row.unchanged as string[] | null) ?? [] };
      columns.forEach((c, i) => {
        const n = Number(row[`c${i}`]);
        if (n > 0) counted.columns[c] = n;
      });
      return counted;
    },
    /** Updates the rows that change; returns how many. */
    async update(trx: Transaction<DB> | Kysely<DB>, staged: RawBuilder<unknown>, on: RawBuilder<unknown>): Promise<number> {
      const assignments = columns.map((c) => sql`${sql.ref(c)} = ${merged(c)}`);
      const result = await sql`update ${target} set ${sql.join(assignments)} from ${staged} where ${on} and ${changes}`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}
