import { LineIndex } from './line-index.js';
import type { SourceRecord } from './read.js';
import type { CheckedRow, RejectedRow, RowChecker, RowKeys, ValidRow } from './validate.js';

/**
 * A matricule or an e-mail on several lines of one file. The rule (README, "The roster
 * import"): a matricule on lines with different data → every one of those lines is
 * rejected, each naming the others, since nobody can tell which is right; on lines with
 * identical data (the same person exported twice) → stored once, the repeats skipped.
 * One e-mail under several matricules → every line carrying it is rejected.
 *
 * A line can only be judged once the whole file has been seen, and valid rows are
 * written while the file is read. So a first pass (findRepeatedKeys) finds the keys that
 * occur more than once; the import then holds back only the lines carrying those keys
 * and settles them at the end of the file (RepeatedLines).
 */
export interface RepeatedKeys {
  matricules: Set<string>;
  emails: Set<string>;
}

/** The first pass: which matricules and e-mails stand on more than one line. */
export async function findRepeatedKeys(
  records: AsyncIterable<SourceRecord>,
  checker: RowChecker,
  expectedRows?: number,
): Promise<RepeatedKeys> {
  // Hashes with their first line, 12 bytes a key; a hash collision only holds a line
  // back needlessly (settled alone, as if never held).
  const matricules = new LineIndex(expectedRows);
  const emails = new LineIndex(expectedRows);
  const repeated: RepeatedKeys = { matricules: new Set(), emails: new Set() };
  for await (const record of records) {
    if (record.malformed) continue;
    const keys = checker.keys(record);
    if (keys.matricule !== null && matricules.firstLine(keys.matricule, record.line) !== undefined) repeated.matricules.add(keys.matricule);
    if (keys.email !== null && emails.firstLine(keys.email, record.line) !== undefined) repeated.emails.add(keys.email);
  }
  return repeated;
}

interface HeldLine {
  line: number;
  cells: string[];
  keys: RowKeys;
  checked: CheckedRow;
  /** Why the repeat rules reject it (set while settling). */
  repeatReasons: string[];
}

export interface SettledLines {
  /** One row per person to write. */
  rows: ValidRow[];
  rejected: RejectedRow[];
  /** Lines skipped because they repeat an earlier line exactly. */
  repeats: Array<{ line: number; sameAs: number }>;
}

export class RepeatedLines {
  private readonly held: HeldLine[] = [];

  constructor(private readonly repeated: RepeatedKeys) {}

  /** Nothing repeats in the file: no line needs holding. */
  get none(): boolean {
    return this.repeated.matricules.size === 0 && this.repeated.emails.size === 0;
  }

  /** Holds the line back when it carries a repeated key; false when it can go on now. */
  hold(record: SourceRecord, checked: CheckedRow, keys: RowKeys): boolean {
    const repeated =
      (keys.matricule !== null && this.repeated.matricules.has(keys.matricule)) ||
      (keys.email !== null && this.repeated.emails.has(keys.email));
    if (repeated) this.held.push({ line: record.line, cells: record.cells, keys, checked, repeatReasons: [] });
    return repeated;
  }

  /** At the end of the file: what the held lines become. */
  settle(): SettledLines {
    const settled: SettledLines = { rows: [], rejected: [], repeats: [] };
    for (const [email, lines] of groupBy(this.held, (h) => h.keys.email)) {
      const matricules = new Set(lines.flatMap((h) => (h.keys.matricule === null ? [] : [h.keys.matricule])));
      if (matricules.size < 2) continue;
      const reason = `e-mail ${email} appears on lines ${lineList(lines)} under different matricules (${[...matricules].join(', ')})`;
      for (const h of lines) h.repeatReasons.push(reason);
    }
    const repeatOf = new Map<HeldLine, HeldLine>();
    for (const [matricule, lines] of groupBy(this.held, (h) => h.keys.matricule)) {
      if (lines.length < 2) continue;
      const [first, ...others] = lines as [HeldLine, ...HeldLine[]];
      if (lines.every((h) => h.checked.ok && sameData(h, first))) {
        for (const h of others) repeatOf.set(h, first);
      } else if (lines.every((h) => sameCells(h, first))) {
        // The same invalid line twice: each is rejected for its own reason only.
      } else {
        const reason = `matricule ${matricule} appears on lines ${lineList(lines)} with different data`;
        for (const h of lines) h.repeatReasons.push(reason);
      }
    }
    for (const h of this.held) {
      const ownReason = h.checked.ok ? null : h.checked.rejected.reason;
      if (h.repeatReasons.length > 0 || ownReason !== null) {
        const reason = [...h.repeatReasons, ...(ownReason === null ? [] : [ownReason])].join('; ');
        settled.rejected.push({ line: h.line, cells: h.cells, reason });
      } else if (repeatOf.has(h)) {
        settled.repeats.push({ line: h.line, sameAs: repeatOf.get(h)!.line });
      } else if (h.checked.ok) {
        settled.rows.push(h.checked.row);
      }
    }
    return settled;
  }
}

function groupBy(lines: HeldLine[], key: (h: HeldLine) => string | null): Map<string, HeldLine[]> {
  const groups = new Map<string, HeldLine[]>();
  for (const h of lines) {
    const k = key(h);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(h);
    else groups.set(k, [h]);
  }
  return groups;
}

/** "14 and 37", "3, 9 and 12". */
function lineList(lines: HeldLine[]): string {
  const numbers = lines.map((h) => String(h.line));
  return numbers.length === 1 ? numbers[0]! : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

const DATA_FIELDS = ['nom_complet', 'email', 'annee_sortie', 'telephone', 'domaine', 'travailleur', 'titre', 'statut', 'role'] as const;

/** The same cells, as written (trimmed, NFC): one line exported twice. */
function sameCells(a: HeldLine, b: HeldLine): boolean {
  const cells = (h: HeldLine) => h.cells.map((cell) => cell.normalize('NFC').trim()).join('\u0000');
  return cells(a) === cells(b);
}

/** The same values once normalised (a phone written two ways is the same phone). */
function sameData(a: HeldLine, b: HeldLine): boolean {
  if (!a.checked.ok || !b.checked.ok) return false;
  const rowA = a.checked.row;
  const rowB = b.checked.row;
  return DATA_FIELDS.every((field) => rowA[field] === rowB[field]);
}
