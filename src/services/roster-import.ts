import type { Kysely, Transaction } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { knownCountry } from '../phone.js';
import { mapHeaders } from '../import/headers.js';
import { openRoster, spoolToFile } from '../import/read.js';
import { defaultRejectsPath, RejectsFile } from '../import/rejects.js';
import { findRepeatedKeys, RepeatedLines } from '../import/repeats.js';
import { closeLedger, countInLedger, openLedger } from '../import/ledger.js';
import { createReferences, readReferences } from '../import/references.js';
import { RowChecker, type ValidRow } from '../import/validate.js';
import { writeBatch, type BatchCounts, type BatchOutcome, type ImportMode } from '../import/write.js';

export interface ImportOptions {
  /** A path, or "-" for standard input. */
  file: string;
  mode: ImportMode;
  dryRun: boolean;
  allOrNothing: boolean;
  encoding?: string;
  delimiter?: string;
  /** --map 'Header=field' */
  map: Record<string, string>;
  country?: CountryCode;
  createMissingReferences: boolean;
  rejectsPath?: string;
  batchSize: number;
  stdin?: NodeJS.ReadableStream;
  cwd?: string;
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
}

export interface ImportDetails {
  encoding: string;
  delimiter: string;
  unknownColumns: string[];
}

export interface ImportHooks {
  onStart?(details: ImportDetails & { totalBytes: number | null }): void;
  onProgress?(progress: { rows: number; bytes: number; totalBytes: number | null }): void;
  /** Lines skipped because they repeat an earlier line of the file exactly. */
  onRepeats?(repeats: Array<{ line: number; sameAs: number }>): void;
}

const RETRYABLE = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 6;

/** Thrown inside the all-or-nothing transaction to roll it back. */
class RollBack extends Error {}

/**
 * Imports a roster: streams the file, checks each row, writes valid rows in batches
 * (each batch its own transaction, or one for all with allOrNothing), writes rejected
 * rows to the rejects file, and records the run in the ledger. `session` is the
 * importing administrator (a super_admin may give roles through the file); `hooks` let
 * the presentation show progress.
 */
export async function importRoster(
  db: Kysely<DB>,
  session: WriteSession,
  options: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportSummary> {
  if (options.file !== '-') return importFile(db, session, options, options.file, hooks);
  const spooled = await spoolToFile(options.stdin ?? process.stdin);
  try {
    return await importFile(db, session, options, spooled.path, hooks, 'stdin');
  } finally {
    spooled.remove();
  }
}

async function importFile(
  db: Kysely<DB>,
  importer: WriteSession,
  options: ImportOptions,
  path: string,
  hooks: ImportHooks,
  name?: string,
): Promise<ImportSummary> {
  if (options.country) knownCountry(options.country);
  const started = performance.now();
  const readOptions = { encoding: options.encoding, delimiter: options.delimiter, name };
  const firstPass = await openRoster(path, readOptions);
  const mapping = mapHeaders(firstPass.header, options.map);
  const checker = new RowChecker(mapping, firstPass.header.length, await readReferences(db), {
    country: options.country,
    createMissingReferences: options.createMissingReferences,
    mayGrantRoles: importer.actorRole === 'super_admin',
  });
  const repeats = new RepeatedLines(await findRepeatedKeys(firstPass.records, checker, firstPass.estimatedRows));
  const roster = await openRoster(path, readOptions);
  const rejects = new RejectsFile(options.rejectsPath ?? defaultRejectsPath(roster.name, options.cwd), roster.header, roster.delimiter);
  hooks.onStart?.({
    encoding: roster.encoding,
    delimiter: roster.delimiter,
    unknownColumns: mapping.unknown,
    totalBytes: roster.totalBytes,
  });

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
  };
  const importId = options.dryRun ? null : await openLedger(db, roster.name, importer.actorId, options);
  totals.import_id = importId;
  // Every audit entry of this import names the administrator (actor) and the import.
  const session: WriteSession = { ...importer, userAgent: importId ? `${importer.userAgent} ${importId}` : importer.userAgent };
  const createdReferences = { years: new Set<number>(), fields: new Set<string>() };

  const addOutcome = async (outcome: BatchOutcome) => {
    totals.inserted += outcome.inserted;
    totals.updated += outcome.updated;
    totals.unchanged += outcome.unchanged;
    totals.skipped += outcome.skipped;
    totals.rejected += outcome.rejected.length;
    await rejects.add(outcome.rejected);
  };

  /**
   * Reads the whole file, handing each full batch of valid rows to `flush`. While the
   * database writes one batch, the next one is read and checked: at most two batches
   * are in memory, whatever the size of the file.
   */
  const readAll = async (flush: (rows: ValidRow[]) => Promise<void>) => {
    let batch: ValidRow[] = [];
    let writing: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    const handOver = async (rows: ValidRow[]) => {
      await writing;
      if (failure) throw failure.error;
      writing = flush(rows).then(
        () => hooks.onProgress?.({ rows: totals.read, bytes: roster.bytesRead(), totalBytes: roster.totalBytes }),
        (error: unknown) => void (failure = { error }),
      );
    };
    const take = async (row: ValidRow) => {
      batch.push(row);
      if (batch.length >= options.batchSize) {
        await handOver(batch);
        batch = [];
      }
    };
    for await (const record of roster.records) {
      totals.read += 1;
      const checked = checker.check(record);
      const keys = repeats.none ? null : checked.ok ? checked.row : checker.keys(record);
      if (keys && repeats.hold(record, checked, keys)) continue;
      if (checked.ok) await take(checked.row);
      else {
        totals.rejected += 1;
        await rejects.add([checked.rejected]);
      }
    }
    // Lines with a repeated matricule or e-mail, settled now that the whole file is known.
    const settled = repeats.settle();
    totals.rejected += settled.rejected.length;
    totals.skipped += settled.repeats.length;
    await rejects.add(settled.rejected);
    if (settled.repeats.length > 0) hooks.onRepeats?.(settled.repeats);
    for (const row of settled.rows) await take(row);
    if (batch.length > 0) await handOver(batch);
    await writing;
    if (failure) throw failure.error;
    hooks.onProgress?.({ rows: totals.read, bytes: roster.bytesRead(), totalBytes: roster.totalBytes });
  };

  // References created by a committed batch need no second insert.
  let createdByBatch: { years: number[]; fields: string[] } = { years: [], fields: [] };
  const markCreated = () => {
    createdByBatch.years.forEach((y) => createdReferences.years.add(y));
    createdByBatch.fields.forEach((f) => createdReferences.fields.add(f));
  };
  const writeInto = async (trx: Transaction<DB>, rows: ValidRow[]) => {
    createdByBatch = await createReferences(trx, rows, { years: checker.newYears, fields: checker.newFields }, createdReferences);
    return writeBatch(trx, rows, options.mode, false);
  };

  let status: 'completed' | 'rolled_back' = 'completed';
  try {
    if (options.dryRun) {
      await readAll(async (rows) => addOutcome(await writeBatch(db, rows, options.mode, true)));
    } else if (options.allOrNothing) {
      try {
        await writeAs(db, session, async (trx) => {
          await readAll(async (rows) => {
            await addOutcome(await writeInto(trx, rows));
            markCreated();
          });
          if (totals.rejected > 0) throw new RollBack();
        });
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
        status = 'rolled_back';
        totals.inserted = totals.updated = totals.unchanged = totals.skipped = 0;
      }
    } else {
      await readAll(async (rows) => {
        // Each batch commits with its counts in the ledger: a killed import leaves whole
        // batches, and the ledger says how far it went.
        const outcome = await retrying(() =>
          writeAs(db, session, async (trx) => {
            const result = await writeInto(trx, rows);
            await countInLedger(trx, importId!, result);
            return result;
          }),
        );
        markCreated();
        await addOutcome(outcome);
      });
    }
    totals.rejects_file = await rejects.close();
  } catch (error) {
    await rejects.close().catch(() => null);
    if (importId) await closeLedger(db, importId, 'failed', totals, roster.checksum(), error);
    throw error;
  }

  totals.seconds = Math.round((performance.now() - started) / 10) / 100;
  totals.rows_per_second = totals.seconds > 0 ? Math.round(totals.read / totals.seconds) : totals.read;
  if (importId) await closeLedger(db, importId, status, totals, roster.checksum());
  return totals;
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
