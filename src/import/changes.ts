import type { LedgerKind } from './ledger.js';
import type { BatchOutcome, ImportMode } from './rows.js';
import { SHOWN_ITEMS } from '../text.js';
import type { MessageArgs } from '../i18n/messages.js';

/**
 * The change check (--max-changes, README "The roster import"): a file that would change
 * more than a share of the stored rows it matches (a shifted column, the wrong file) is
 * refused before anything is written.
 *
 * Without --max-changes the limit is 50 %, and only for a file that matches at least
 * DEFAULT_FROM_MATCHED stored rows: a yearly re-import rarely changes more than half the
 * people it matches, a shifted column changes nearly all of them; a correction file of a
 * few people changes every one of them, and is meant. --max-changes given applies
 * whatever the count; 100 turns the check off.
 */
export const DEFAULT_MAX_CHANGES = 50;
export const DEFAULT_FROM_MATCHED = 100;

/** The most changed columns a message names. */
const COLUMNS_SHOWN = 3;

/** What the summary says of the changes (`changes` in --json). */
export interface ChangeFigure {
  /** Updated rows, in percent of the matched ones (rounded up to a tenth). */
  percent: number;
  /** How many updated rows each column changes, most changed first; columns changed by none left out. */
  columns: Record<string, number>;
  /** The limit that applied to this file, in percent; null when none did. */
  max_changes: number | null;
  /** Over the limit: the import writes nothing (a dry run says it would not). */
  over_limit: boolean;
}

/** Counts, batch by batch, the stored rows matched and those changed, column by column. */
export class ChangeTally {
  matched = 0;
  updated = 0;
  readonly columns = new Map<string, number>();

  add(outcome: BatchOutcome): void {
    this.matched += outcome.updated + outcome.unchanged;
    this.updated += outcome.updated;
    for (const [column, count] of Object.entries(outcome.changedColumns ?? {})) {
      this.columns.set(column, (this.columns.get(column) ?? 0) + count);
    }
  }
}

/** Whether a limit may apply to an import at all: insert never updates, and 100 % is no limit. */
export function changeCheckMayApply(options: { mode: ImportMode; maxChanges?: number }): boolean {
  return options.mode !== 'insert' && (options.maxChanges ?? DEFAULT_MAX_CHANGES) < 100;
}

/** The limit for a file matching `matched` stored rows, or null. */
function limitFor(options: { mode: ImportMode; maxChanges?: number }, matched: number): number | null {
  if (!changeCheckMayApply(options)) return null;
  if (options.maxChanges === undefined) return matched >= DEFAULT_FROM_MATCHED ? DEFAULT_MAX_CHANGES : null;
  return options.maxChanges;
}

export function changeFigure(tally: ChangeTally, options: { mode: ImportMode; maxChanges?: number }): ChangeFigure {
  const limit = limitFor(options, tally.matched);
  const columns = [...tally.columns].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    // Integers divided: exact where it divides, so 980 of 1,000 is 98, not 98.1.
    percent: tally.matched === 0 ? 0 : Math.ceil((tally.updated * 1000) / tally.matched) / 10,
    columns: Object.fromEntries(columns),
    max_changes: limit,
    over_limit: limit !== null && tally.updated * 100 > limit * tally.matched,
  };
}

/** The values of the import.changes.over_limit message. */
export function overLimit(
  kind: LedgerKind,
  counts: { matched: number; updated: number },
  figure: ChangeFigure,
  dryRun: boolean,
): MessageArgs<'import.changes.over_limit'>[0] {
  const columns = Object.entries(figure.columns).map(([name, count]) => ({ name, count }));
  const shown = columns.slice(0, Math.min(COLUMNS_SHOWN, SHOWN_ITEMS));
  return {
    kind,
    dryRun,
    matched: counts.matched,
    updated: counts.updated,
    percent: figure.percent,
    limit: figure.max_changes ?? 100,
    columns: shown,
    columnsMore: columns.length - shown.length,
  };
}

/**
 * A set of line numbers as bits, growing with the highest line: the lines the change
 * check found unchanged, which the import then counts without reading them again
 * (125 KB for a million lines, where a Set of numbers would take tens of MB).
 */
export class LineSet {
  private bits = new Uint8Array(1024);

  add(line: number): void {
    const byte = line >>> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[byte]! |= 1 << (line & 7);
  }

  has(line: number): boolean {
    const byte = line >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (line & 7))) !== 0;
  }
}
