import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { LockHeldError, problem } from '../errors.js';
import type { LedgerKind } from './ledger.js';

/**
 * The import lock of one kind of import (README, "Undoing an import"): every import
 * holds it shared for as long as it writes, an undo takes it exclusive, so an undo never
 * runs beside an import of the same kind (two imports still run side by side).
 *
 * On a server it is a transaction-scoped advisory lock: held by a transaction the import
 * keeps open on a connection of its own, it dies with the connection (a killed import
 * leaves nothing held), and a pooler in transaction mode keeps that connection to it for
 * as long as the transaction lasts. The embedded database needs none: its data
 * directory lock (src/db/datadir-lock.ts) already keeps it to one process, and PGlite's
 * one session would wait on the open transaction forever.
 */
// Not 'alumni orgs import': that one serialises the batches of partner-list imports (src/import/orgs/write.ts).
const lockKey = (kind: LedgerKind) => sql`hashtext(${`alumni ${kind} import or undo`})`;

/** Runs `work` (the writing of an import) holding the import lock of `kind` shared. */
export async function holdingImportLock<T>(db: Kysely<DB>, kind: LedgerKind, work: () => Promise<T>): Promise<T> {
  if (await isEmbedded(db)) return work();
  let result!: T;
  let failure: { error: unknown } | undefined;
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock_shared(${lockKey(kind)})`.execute(trx);
    // The work's failure is its own, not this transaction's: it ends with a commit.
    try {
      result = await work();
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
  return result;
}

/**
 * Takes the import lock of `kind` exclusive in `trx` (an undo), waiting at most `waitMs`
 * for the imports that hold it: then exit 75.
 */
export async function takeImportLock(trx: Transaction<DB>, kind: LedgerKind, waitMs: number): Promise<void> {
  await sql`select set_config('lock_timeout', ${`${Math.max(1, waitMs)}ms`}, true)`.execute(trx);
  try {
    await sql`select pg_advisory_xact_lock(${lockKey(kind)})`.execute(trx);
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') throw new LockHeldError(problem('undo.import_running', { kind, waitMs }));
    throw error;
  }
  await sql`select set_config('lock_timeout', '0', true)`.execute(trx);
}

const embedded = new WeakMap<Kysely<DB>, Promise<boolean>>();

/** Whether `db` is the embedded database (PGlite says so in its version). */
function isEmbedded(db: Kysely<DB>): Promise<boolean> {
  let known = embedded.get(db);
  if (!known) {
    known = sql<{ pglite: boolean }>`select version() like '%PGlite%' as pglite`.execute(db).then(({ rows }) => rows[0]!.pglite);
    embedded.set(db, known);
  }
  return known;
}
