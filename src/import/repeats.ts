import { problem } from '../errors.js';
import { shortened, SHOWN_ITEMS } from '../text.js';
import { LineIndex } from './line-index.js';
import { REASON_SEPARATOR, reasonText } from './reasons.js';
import type { SourceRecord } from './read.js';
import type { CheckedRow, ImportedRow, RejectedRow } from './rows.js';

/**
 * A key on several lines of one file. Each import has a primary key (the roster's
 * matricule, the organisation's matching key) and may have a secondary one (the
 * roster's e-mail). The rule (README, "The roster import"): a primary key on lines with
 * different data → every one of those lines is rejected, each naming the others, since
 * nobody can tell which is right; on lines with identical data (exported twice) → stored
 * once, the repeats skipped. One secondary key under several primary keys → every line
 * carrying it is rejected.
 *
 * A line can only be judged once the whole file has been seen, and valid rows are
 * written while the file is read. So a first pass (findRepeatedKeys) finds the keys that
 * occur more than once; the import then holds back only the lines carrying those keys
 * and settles them at the end of the file (RepeatedLines).
 */
export interface RowKeys {
  primary: string | null;
  secondary: string | null;
}

/** What a key is (a matricule, an e-mail, a website's domain, a name) and its value: a reason names it so. */
export interface KeyDescription {
  kind: 'matricule' | 'email' | 'site-web' | 'nom';
  value: string;
}

/**
 * How an import reads and compares its keys; `describe*` say what a key is, for a
 * reason. A secondary key (the roster's e-mail) stands under primary keys (matricules).
 */
export interface KeyRules<Row> {
  keys(record: SourceRecord): RowKeys;
  rowKeys(row: Row): RowKeys;
  sameData(a: Row, b: Row): boolean;
  describePrimary(key: string): KeyDescription;
  describeSecondary(key: string): KeyDescription;
}

export interface RepeatedKeys {
  primary: Set<string>;
  secondary: Set<string>;
}

/** The first pass: which keys stand on more than one line. */
export async function findRepeatedKeys(
  records: AsyncIterable<SourceRecord>,
  rules: Pick<KeyRules<unknown>, 'keys'>,
  expectedRows?: number,
  /** Each primary key as it is read (the change check's look-up); the reading waits for a promise it returns. */
  onPrimaryKey?: (key: string) => Promise<void> | undefined,
): Promise<RepeatedKeys> {
  // Hashes with their first line, 12 bytes a key; a hash collision only holds a line
  // back needlessly (settled alone, as if never held).
  const primary = new LineIndex(expectedRows);
  const secondary = new LineIndex(expectedRows);
  const repeated: RepeatedKeys = { primary: new Set(), secondary: new Set() };
  for await (const record of records) {
    if (record.malformed) continue;
    const keys = rules.keys(record);
    if (keys.primary !== null && onPrimaryKey) {
      const looking = onPrimaryKey(keys.primary);
      if (looking) await looking;
    }
    if (keys.primary !== null && primary.firstLine(keys.primary, record.line) !== undefined) repeated.primary.add(keys.primary);
    if (keys.secondary !== null && secondary.firstLine(keys.secondary, record.line) !== undefined) repeated.secondary.add(keys.secondary);
  }
  return repeated;
}

interface HeldLine<Row> {
  line: number;
  cells: string[];
  keys: RowKeys;
  checked: CheckedRow<Row>;
  /** Why the repeat rules reject it (set while settling). */
  repeatReasons: string[];
}

export interface SettledLines<Row> {
  /** One row per person or organisation to write. */
  rows: Row[];
  rejected: RejectedRow[];
  /** Lines skipped because they repeat an earlier line exactly. */
  repeats: Array<{ line: number; sameAs: number }>;
}

export class RepeatedLines<Row extends ImportedRow> {
  private readonly held: Array<HeldLine<Row>> = [];

  constructor(
    private readonly repeated: RepeatedKeys,
    private readonly rules: KeyRules<Row>,
  ) {}

  /** Nothing repeats in the file: no line needs holding. */
  get none(): boolean {
    return this.repeated.primary.size === 0 && this.repeated.secondary.size === 0;
  }

  /** Holds the line back when it carries a repeated key; false when it can go on now. */
  hold(record: SourceRecord, checked: CheckedRow<Row>): boolean {
    if (this.none || record.malformed) return false; // a broken line has no keys (its text is its one cell)
    const keys = checked.ok ? this.rules.rowKeys(checked.row) : this.rules.keys(record);
    const repeated =
      (keys.primary !== null && this.repeated.primary.has(keys.primary)) ||
      (keys.secondary !== null && this.repeated.secondary.has(keys.secondary));
    if (repeated) this.held.push({ line: record.line, cells: record.cells, keys, checked, repeatReasons: [] });
    return repeated;
  }

  /** At the end of the file: what the held lines become. */
  settle(): SettledLines<Row> {
    const settled: SettledLines<Row> = { rows: [], rejected: [], repeats: [] };
    for (const [secondary, lines] of groupBy(this.held, (h) => h.keys.secondary)) {
      const primaries = new Set(lines.flatMap((h) => (h.keys.primary === null ? [] : [h.keys.primary])));
      if (primaries.size < 2) continue;
      const shown = [...primaries].slice(0, SHOWN_ITEMS).map((p) => shortened(p));
      const reason = reasonText(
        problem('import.repeats.secondary_key', {
          key: this.describe(this.rules.describeSecondary(secondary)),
          ...lineList(lines),
          others: shown,
          othersMore: primaries.size - shown.length,
        }),
      );
      for (const h of lines) h.repeatReasons.push(reason);
    }
    const repeatOf = new Map<HeldLine<Row>, HeldLine<Row>>();
    for (const [primary, lines] of groupBy(this.held, (h) => h.keys.primary)) {
      if (lines.length < 2) continue;
      const [first, ...others] = lines as [HeldLine<Row>, ...Array<HeldLine<Row>>];
      if (lines.every((h) => h.checked.ok && first.checked.ok && this.rules.sameData(h.checked.row, first.checked.row))) {
        for (const h of others) repeatOf.set(h, first);
      } else if (lines.every((h) => sameCells(h, first))) {
        // The same invalid line twice: each is rejected for its own reason only.
      } else {
        const reason = reasonText(
          problem('import.repeats.different_data', { key: this.describe(this.rules.describePrimary(primary)), ...lineList(lines) }),
        );
        for (const h of lines) h.repeatReasons.push(reason);
      }
    }
    for (const h of this.held) {
      const ownReason = h.checked.ok ? null : h.checked.rejected.reason;
      if (h.repeatReasons.length > 0 || ownReason !== null) {
        const reason = [...h.repeatReasons, ...(ownReason === null ? [] : [ownReason])].join(REASON_SEPARATOR);
        settled.rejected.push({ line: h.line, cells: h.cells, reason });
      } else if (repeatOf.has(h)) {
        settled.repeats.push({ line: h.line, sameAs: repeatOf.get(h)!.line });
      } else if (h.checked.ok) {
        settled.rows.push(h.checked.row);
      }
    }
    return settled;
  }

  private describe(key: KeyDescription): KeyDescription {
    return { kind: key.kind, value: shortened(key.value) };
  }
}

function groupBy<Line>(lines: Line[], key: (h: Line) => string | null): Map<string, Line[]> {
  const groups = new Map<string, Line[]>();
  for (const h of lines) {
    const k = key(h);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(h);
    else groups.set(k, [h]);
  }
  return groups;
}

/**
 * The lines a reason names ("14 and 37", "3, 9 and 12"); past ten lines, the first ten
 * and how many more (each of those lines carries the reason: naming them all would grow
 * the rejects file with the square of their number).
 */
function lineList(lines: Array<{ line: number }>): { lines: number[]; linesMore: number } {
  const shown = lines.slice(0, SHOWN_ITEMS).map((h) => h.line);
  return { lines: shown, linesMore: lines.length - shown.length };
}

/** The same cells, as written (trimmed, NFC): one line exported twice. */
function sameCells(a: { cells: string[] }, b: { cells: string[] }): boolean {
  const cells = (h: { cells: string[] }) => h.cells.map((cell) => cell.normalize('NFC').trim()).join('\u0000');
  return cells(a) === cells(b);
}
