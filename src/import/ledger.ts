import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { AlumniError } from '../errors.js';
import { renderIn } from '../i18n/messages.js';
import type { ImportSummary, PipelineOptions } from './pipeline.js';
import type { BatchOutcome } from './rows.js';

/** What was imported: `users imports` and `orgs imports` list their own runs. */
export type LedgerKind = 'users' | 'orgs';

/**
 * The import ledger (alumni_admin.import_run): a run is opened
 * before the first batch, counted by each committed batch in that batch's transaction
 * (a killed import says how far it went), and closed with its totals and status.
 */
export async function openLedger(
  db: Kysely<DB>,
  kind: LedgerKind,
  fileName: string,
  actorId: string | null,
  options: Pick<PipelineOptions, 'mode' | 'allOrNothing'>,
): Promise<string> {
  const row = await db
    .insertInto('alumni_admin.import_run')
    .values({ kind, file_name: fileName, acteur_id: actorId, mode: options.mode, all_or_nothing: options.allOrNothing })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countInLedger(trx: Transaction<DB>, importId: string, batch: BatchOutcome): Promise<void> {
  await sql`
    update alumni_admin.import_run
       set inserted = inserted + ${batch.inserted}, updated = updated + ${batch.updated},
           unchanged = unchanged + ${batch.unchanged}, skipped = skipped + ${batch.skipped}
     where id = ${importId}`.execute(trx);
}

export async function closeLedger(
  db: Kysely<DB>,
  importId: string,
  status: 'completed' | 'rolled_back' | 'failed',
  totals: ImportSummary,
  checksum: string,
  error?: unknown,
): Promise<void> {
  await db
    .updateTable('alumni_admin.import_run')
    .set({
      status,
      checksum,
      read: totals.read,
      rejected: totals.rejected,
      inserted: totals.inserted,
      updated: totals.updated,
      unchanged: totals.unchanged,
      skipped: totals.skipped,
      rejects_file: totals.rejects_file,
      error: error === undefined ? null : ledgerError(error),
      finished_at: sql`now()`,
    })
    .where('id', '=', importId)
    .execute();
}

/**
 * What the ledger keeps of the error that stopped an import: machine data, the same
 * whatever the language the import ran in. An error with a code is stored as its
 * English message (as before the catalogs), so that `users imports --json` reads the
 * same under every language; any other error by its message.
 */
function ledgerError(error: unknown): string {
  if (error instanceof AlumniError && error.code) return renderIn('en', error.code, error.values);
  return error instanceof Error ? error.message : String(error);
}
