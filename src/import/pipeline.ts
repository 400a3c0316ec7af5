import type { Stats } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { mapHeaders, type HeaderMapping, type HeaderSpec } from './headers.js';
import { closeLedger, countInLedger, openLedger, type LedgerKind } from './ledger.js';
import { holdingImportLock } from './lock.js';
import { AlumniError, ExitCode, problem } from '../errors.js';
import { t } from '../i18n/messages.js';
import { checkOutputFile, regularFileBehind } from '../files.js';
import { removeFormulaGuard } from '../formula-guard.js';
import { isNamedPipe, openNamedPipe, openRoster, readUnchanged, spoolToFile, type Roster, type SourceRecord } from './read.js';
import { defaultRejectsPath, RejectsFile } from './rejects.js';
import { findRepeatedKeys, RepeatedLines, type KeyRules } from './repeats.js';
import type { BatchCounts, BatchOutcome, CheckedRow, ImportedRow, ImportMode, RejectedRow } from './rows.js';
import { changeCheckMayApply, changeFigure, ChangeTally, LineSet, overLimit, type ChangeFigure } from './changes.js';

/** What every import takes, whatever it imports. */
export interface PipelineOptions {
  /** A path, or "-" for standard input. */
  file: string;
  mode: ImportMode;
  dryRun: boolean;
  allOrNothing: boolean;
  encoding?: string;
  delimiter?: string;
  /** --sheet: the sheet of an Excel workbook to read (default: the first). */
  sheet?: string;
  /** --map 'Header=field' */
  map: Record<string, string>;
  /** --ignore-column Header: columns read as if absent. */
  ignoreColumns?: string[];
  rejectsPath?: string;
  batchSize: number;
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
  /** Aborted to stop the import (a signal): the reading fails with its reason. */
  signal?: AbortSignal;
  /**
   * --max-changes: the most, in percent, of the stored rows the file matches that it may
   * change; over it, nothing is written. Unset: the default (src/import/changes.ts).
   */
  maxChanges?: number;
}

/** The machine-readable summary (SPEC "Machine-readable contracts"). */
export interface ImportSummary extends BatchCounts {
  read: number;
  rejected: number;
  seconds: number;
  rows_per_second: number;
  rejects_file: string | null;
  dry_run: boolean;
  import_id: string | null;
  /** The stored rows the file's valid rows match, updated or left as they are (updated + unchanged). */
  matched: number;
  /**
   * How much of what it matches the file changes, and which columns, with the limit
   * (--max-changes) that applied; null when not counted (a real import with no limit).
   */
  changes: ChangeFigure | null;
  /**
   * Roster imports with --create-missing-references: the fields and years created, or in a
   * dry run those that would be; sorted.
   */
  references_created?: { fields: string[]; years: number[] };
}

export interface ImportDetails {
  encoding: string;
  delimiter: string;
  unknownColumns: string[];
}

export interface ImportHooks {
  /** The import has begun reading `name` (its first pass reads the whole file before any row is written). */
  onReading?(name: string): void;
  /** The rows are about to be read again and written; `totalRows`: the records the first pass found, of which onProgress's `rows` are read. */
  onStart?(details: ImportDetails & { totalBytes: number | null; totalRows: number }): void;
  onProgress?(progress: { rows: number; bytes: number; totalBytes: number | null }): void;
  /** The import is over, done or failed: its progress has nothing more to show. */
  onEnd?(): void;
  /** Lines skipped because they repeat an earlier line of the file exactly. */
  onRepeats?(repeats: Array<{ line: number; sameAs: number }>): void;
}

/**
 * One kind of import (the roster, the partner list): its columns, and once the header is
 * known, its checks, keys and writer. The pipeline does the rest the same way for all.
 */
export interface ImportKind<Field extends string, Row extends ImportedRow> {
  ledger: LedgerKind;
  headers: HeaderSpec<Field>;
  /**
   * Batches written at once, each in its own transaction and connection (PGlite, one
   * session, takes them in turn). More than one only where the order in which batches
   * commit cannot change the outcome.
   */
  writers?: number;
  prepare(db: Kysely<DB>, mapping: HeaderMapping<Field>, headerLength: number): Promise<PreparedImport<Row>>;
}

export interface PreparedImport<Row> extends KeyRules<Row> {
  /** The per-row checks that need no database round trip. */
  check(record: SourceRecord): CheckedRow<Row>;
  /** Writes one batch in the caller's transaction, or for a dry run only counts what would happen. */
  write(trx: Transaction<DB> | Kysely<DB>, rows: Row[], dryRun: boolean): Promise<BatchOutcome>;
  /**
   * Counts what writing these rows would do, leaving the import's own state alone: the
   * change check's pass, before anything is written. Without it, no change check.
   */
  count?(db: Kysely<DB>, rows: Row[]): Promise<BatchOutcome>;
  /** Whether any of these primary keys is stored (none: a first load, nothing to check); assumed when absent. */
  anyStored?(db: Kysely<DB>, keys: string[]): Promise<boolean>;
  /** The transaction that wrote these rows has committed (or, all or nothing, will). */
  committed?(rows: Row[]): void;
  /** What the import adds to the summary once done (references_created). */
  summary?(): Partial<ImportSummary>;
}

const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 6;

/** Thrown inside the all-or-nothing transaction to roll it back. */
class RollBack extends Error {}

/**
 * Imports a CSV file: streams it, checks each row, writes valid rows in batches (each
 * batch its own transaction, or one for all with allOrNothing), writes rejected rows to
 * the rejects file, and records the run in the ledger. `session` is the importing
 * administrator; `hooks` let the presentation show progress.
 */
export async function runImport<Field extends string, Row extends ImportedRow>(
  db: Kysely<DB>,
  session: WriteSession,
  kind: ImportKind<Field, Row>,
  options: PipelineOptions,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  hooks.onReading?.(options.file === '-' ? 'stdin' : options.file);
  try {
    if (options.dryRun) return await importInput(db, session, kind, options, hooks);
    // No undo of this kind of import runs while it writes (src/import/lock.ts).
    return await holdingImportLock(db, kind.ledger, () => importInput(db, session, kind, options, hooks));
  } finally {
    hooks.onEnd?.();
  }
}

async function importInput<Field extends string, Row extends ImportedRow>(
  db: Kysely<DB>,
  session: WriteSession,
  kind: ImportKind<Field, Row>,
  options: PipelineOptions,
  hooks: ImportHooks,
): Promise<ImportSummary> {
  const stdin = options.file === '-';
  if (!stdin && !isNamedPipe(options.file)) return importFile(db, session, kind, options, options.file, hooks);
  // Read once only: copied to a file first.
  const stdinStream = options.stdin ?? process.stdin;
  const name = stdin ? 'stdin' : options.file;
  // Standard input redirected from a file (`- < F`): F is the input the rejects must spare.
  const redirectedFrom = stdin ? regularFileBehind(stdinStream) : undefined;
  const spooled = await spoolToFile(stdin ? stdinStream : openNamedPipe(options.file), name, options.signal);
  try {
    return await importFile(db, session, kind, options, spooled.path, hooks, { name, stats: redirectedFrom });
  } finally {
    spooled.remove();
  }
}

async function importFile<Field extends string, Row extends ImportedRow>(
  db: Kysely<DB>,
  importer: WriteSession,
  kind: ImportKind<Field, Row>,
  options: PipelineOptions,
  path: string,
  hooks: ImportHooks,
  /** Input read from a copy (stdin, a FIFO): its name in messages, and the file stdin was redirected from. */
  spooled?: { name: string; stats: Stats | undefined },
): Promise<ImportSummary> {
  const started = performance.now();
  const readOptions = {
    encoding: options.encoding,
    delimiter: options.delimiter,
    sheet: options.sheet,
    name: spooled?.name,
    signal: options.signal,
  };
  const firstPass = await openRoster(path, { ...readOptions, keysOnly: true });
  // Checked before anything is written: a rejects file that cannot be written would
  // otherwise fail (or overwrite the input) with batches already committed.
  const rejectsPath = checkOutputFile(
    options.rejectsPath ?? defaultRejectsPath(firstPass.name, options.cwd),
    options.cwd ?? process.cwd(),
    {
      what: t('import.rejects.what'),
      flag: '--rejects',
      notSameAs: { stats: spooled?.stats ?? firstPass.stats, what: t('import.rejects.input_what') },
    },
  );
  const mapping = mapHeaders(kind.headers, firstPass.header, { map: options.map, ignore: options.ignoreColumns });
  const prepared = await kind.prepare(db, mapping, firstPass.header.length);
  // Counted as the first pass reads them: the second pass's progress is its rows out of these.
  const counted = { records: 0 };
  // The change check (--max-changes) needs a pass of its own, before anything is written,
  // only when the file matches stored rows: the first pass looks for one as it reads keys.
  const checking = !options.dryRun && prepared.count !== undefined && changeCheckMayApply(options);
  const stored = { any: checking && !prepared.anyStored };
  const probe = checking && prepared.anyStored ? new StoredKeyProbe(db, prepared, options.batchSize, stored) : undefined;
  const repeated = await findRepeatedKeys(
    withoutFormulaGuards(firstPass.records, counted),
    prepared,
    firstPass.estimatedRows,
    probe && ((key) => probe.add(key)),
  );
  await probe?.finish();
  // The second pass reads the file as the first found it: no second look at every byte's encoding.
  const reopen = () => openRoster(path, { ...readOptions, encoding: firstPass.encoding, delimiter: firstPass.delimiter });

  const totals: ImportSummary = {
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejected: 0,
    seconds: 0,
    rows_per_second: 0,
    rejects_file: null,
    dry_run: options.dryRun,
    import_id: null,
    matched: 0,
    changes: null,
  };
  // What the file changes, counted by the dry run as it goes, or by the check's pass.
  const tally = new ChangeTally();
  const countChanges = (outcome: BatchOutcome) => tally.add(outcome);

  /**
   * Reads the whole file, handing each full batch of valid rows to `flush`. While the
   * database writes batches, the next one is read and checked: at most `inFlight` + 1
   * batches are in memory, whatever the size of the file. `pass` says what the reading
   * reports: the import's own pass counts its rows and writes its rejects; the change
   * check's pass only counts what would change.
   */
  const readAll = async (
    input: Roster,
    pass: {
      reported: boolean;
      rejected(rows: RejectedRow[]): Promise<void>;
      progress?(): void;
      /** A line held back for its repeated key. */
      held?(line: number): void;
      /** A line to count as unchanged without checking it (the change check found it so). */
      unchanged?(line: number): boolean;
    },
    flush: (rows: Row[]) => Promise<void>,
    inFlight = 1,
  ) => {
    const repeats = new RepeatedLines(repeated, prepared);
    let batch: Row[] = [];
    const writing = new Set<Promise<void>>();
    let failure: { error: unknown } | undefined;
    const handOver = async (rows: Row[]) => {
      while (writing.size >= inFlight) await Promise.race(writing);
      if (failure) throw failure.error;
      const written: Promise<void> = flush(rows).then(
        () => pass.progress?.(),
        (error: unknown) => void (failure ??= { error }),
      );
      writing.add(written);
      void written.finally(() => writing.delete(written));
    };
    const take = async (row: Row) => {
      batch.push(row);
      if (batch.length >= options.batchSize) {
        await handOver(batch);
        batch = [];
      }
    };
    try {
      for await (const record of withoutFormulaGuards(input.records)) {
        if (pass.reported) totals.read += 1;
        if (pass.unchanged?.(record.line)) {
          totals.unchanged += 1;
          continue;
        }
        const checked = prepared.check(record);
        if (repeats.hold(record, checked)) {
          pass.held?.(record.line);
          continue;
        }
        if (checked.ok) await take(checked.row);
        else await pass.rejected([checked.rejected]);
      }
      // The check's pass has written nothing yet, whatever the import's options.
      if (!readUnchanged(path, firstPass, input)) throw changedDuringImport(input.name, options, !pass.reported);
      // Lines with a repeated key, settled now that the whole file is known.
      const settled = repeats.settle();
      await pass.rejected(settled.rejected);
      if (pass.reported) {
        totals.skipped += settled.repeats.length;
        if (settled.repeats.length > 0) hooks.onRepeats?.(settled.repeats);
      }
      for (const row of settled.rows) await take(row);
      if (batch.length > 0) await handOver(batch);
    } finally {
      // Whatever stopped the reading, no batch is still being written once the import
      // has ended (and its ledger row is closed).
      await Promise.allSettled(writing);
    }
    if (failure) throw failure.error;
    pass.progress?.();
  };

  // The lines the check found unchanged, read once only: the import's pass counts them
  // as such without checking them again (and writes nothing for them, as it would not).
  // Not the lines held for a repeated key: they are settled with the others of their key.
  const unchangedLines = new LineSet();
  const heldLines = new LineSet();
  if (checking && stored.any) {
    // The change check's pass: the file read and counted as a dry run would, nothing written.
    await readAll(
      await reopen(),
      { reported: false, rejected: async () => undefined, held: (line) => heldLines.add(line) },
      async (rows) => {
        const outcome = await prepared.count!(db, rows);
        countChanges(outcome);
        for (const line of outcome.unchangedLines ?? []) unchangedLines.add(line);
      },
      kind.writers ?? 1,
    );
    const figure = changeFigure(tally, options);
    if (figure.over_limit) {
      throw new AlumniError(problem('import.changes.over_limit', overLimit(kind.ledger, tally, figure, false)), ExitCode.usage);
    }
  }

  const input = await reopen();
  const rejects = new RejectsFile(rejectsPath, input.header, input.delimiter);
  hooks.onStart?.({
    encoding: input.encoding,
    delimiter: input.delimiter,
    unknownColumns: mapping.unknown,
    totalBytes: input.totalBytes,
    totalRows: counted.records,
  });

  const importId = options.dryRun ? null : await openLedger(db, kind.ledger, input.name, importer.actorId, options);
  totals.import_id = importId;
  // Every audit entry of this import names the administrator (actor) and the import.
  const session: WriteSession = { ...importer, userAgent: importId ? `${importer.userAgent} ${importId}` : importer.userAgent };

  const addOutcome = async (outcome: BatchOutcome) => {
    totals.inserted += outcome.inserted;
    totals.updated += outcome.updated;
    totals.unchanged += outcome.unchanged;
    totals.skipped += outcome.skipped;
    totals.rejected += outcome.rejected.length;
    await rejects.add(outcome.rejected);
  };

  const reportProgress = () => hooks.onProgress?.({ rows: totals.read, bytes: input.bytesRead(), totalBytes: input.totalBytes });
  const importPass = {
    reported: true,
    rejected: async (rows: RejectedRow[]) => {
      totals.rejected += rows.length;
      await rejects.add(rows);
    },
    progress: reportProgress,
    unchanged: checking && stored.any ? (line: number) => unchangedLines.has(line) && !heldLines.has(line) : undefined,
  };

  let status: 'completed' | 'rolled_back' = 'completed';
  try {
    if (options.dryRun) {
      await readAll(input, importPass, async (rows) => {
        const outcome = await prepared.write(db, rows, true);
        countChanges(outcome);
        await addOutcome(outcome);
      });
    } else if (options.allOrNothing) {
      try {
        await writeAs(db, session, async (trx) => {
          await readAll(input, importPass, async (rows) => {
            await addOutcome(await prepared.write(trx, rows, false));
            prepared.committed?.(rows);
          });
          if (totals.rejected > 0) throw new RollBack();
        });
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        status = 'rolled_back';
        totals.inserted = totals.updated = totals.unchanged = totals.skipped = 0;
      }
    } else {
      await readAll(
        input,
        importPass,
        async (rows) => {
          // Each batch commits with its counts in the ledger: a killed import leaves whole
          // batches, and the ledger says how far it went.
          const outcome = await retrying(() =>
            writeAs(db, session, async (trx) => {
              const result = await prepared.write(trx, rows, false);
              await countInLedger(trx, importId!, result);
              return result;
            }),
          );
          prepared.committed?.(rows);
          await addOutcome(outcome);
        },
        kind.writers ?? 1,
      );
    }
    totals.rejects_file = await rejects.close();
  } catch (error) {
    await rejects.close().catch(() => null);
    // The error the user sees is the one that stopped the import, not a second one
    // from a database that may be what failed.
    if (importId) await closeLedger(db, importId, 'failed', totals, input.checksum(), error).catch(() => undefined);
    throw error;
  }

  // A rolled-back import created nothing.
  if (status === 'completed') Object.assign(totals, prepared.summary?.());
  totals.matched = totals.updated + totals.unchanged;
  // Counted by the dry run, or by the check's pass (none when nothing stored matched); a
  // real import with no limit did not count it.
  if (options.dryRun || checking) totals.changes = changeFigure(tally, options);
  totals.seconds = Math.round((performance.now() - started) / 10) / 100;
  totals.rows_per_second = totals.seconds > 0 ? Math.round(totals.read / totals.seconds) : totals.read;
  if (importId) await closeLedger(db, importId, status, totals, input.checksum());
  return totals;
}

/**
 * The records as the import reads them: each cell without the formula guard of the CSV
 * export (src/formula-guard.ts), so that whatever the export writes reads back as stored.
 */
async function* withoutFormulaGuards(records: AsyncIterable<SourceRecord>, counted?: { records: number }): AsyncGenerator<SourceRecord> {
  for await (const record of records) {
    if (counted) counted.records += 1;
    yield record.cells.some((cell) => cell.startsWith("'")) ? { ...record, cells: record.cells.map(removeFormulaGuard) } : record;
  }
}

/**
 * The first pass's primary keys, looked up in batches until one is found stored
 * (`stored.any`): a first load has none, and no change to check. One set-based look-up
 * a batch, none once a key was found.
 */
class StoredKeyProbe<Row> {
  private keys: string[] = [];

  constructor(
    private readonly db: Kysely<DB>,
    private readonly prepared: PreparedImport<Row>,
    private readonly batchSize: number,
    private readonly stored: { any: boolean },
  ) {}

  add(key: string): Promise<void> | undefined {
    if (this.stored.any) return undefined;
    this.keys.push(key);
    return this.keys.length >= this.batchSize ? this.finish() : undefined;
  }

  async finish(): Promise<void> {
    const keys = this.keys;
    this.keys = [];
    if (!this.stored.any && keys.length > 0) this.stored.any = await this.prepared.anyStored!(this.db, keys);
  }
}

/** The file was being written while it was imported (a copy still under way, an edit). */
function changedDuringImport(name: string, options: PipelineOptions, beforeWriting: boolean): AlumniError {
  return new AlumniError(problem('import.file.changed', { name, nothingWritten: beforeWriting || options.dryRun || options.allOrNothing }));
}

/** Runs a batch again when a concurrent import got in its way (deadlock, unique race). */
async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}
