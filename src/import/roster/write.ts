import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB, RoleUtilisateur } from '../../db/schema.js';
import type { WriteSession } from '../../db/session.js';
import { permissionRefusal, type AccountChange } from '../../services/user-permissions.js';
import { emptyOutcome, mergedUpdate, rejectRow, stagedRows, type BatchOutcome, type ImportMode } from '../rows.js';
import { REASON_SEPARATOR, reasonText } from '../reasons.js';
import { problem } from '../../errors.js';
import { shortened } from '../../text.js';
import type { ValidRow } from './validate.js';

// The columns a roster writes, with their types for unnest(). nom_complet is never
// empty in a valid row; every other value may be null, meaning "keep what is stored".
const COLUMNS = [
  ['matricule', 'text'],
  ['nom_complet', 'text'],
  ['email', 'text'],
  ['annee_sortie', 'smallint'],
  ['telephone', 'text'],
  ['domaine', 'text'],
  ['travailleur', 'boolean'],
  ['titre', 'text'],
  ['statut', 'statut_utilisateur'],
  ['role', 'role_utilisateur'],
] as const;
type Column = (typeof COLUMNS)[number][0];
const UPDATABLE = COLUMNS.map(([name]) => name).filter((name) => name !== 'matricule');

const staged = (rows: ValidRow[]): RawBuilder<unknown> => stagedRows(rows, COLUMNS, (row, column) => row[column as Column]);

const accounts = mergedUpdate('utilisateur', 'u', UPDATABLE);

/**
 * Writes one batch of valid rows in the caller's transaction (or, for a dry run, only
 * counts what would happen). Rows whose stored version would not change are not
 * touched: no new row version, no audit entry, updated_at kept.
 */
export async function writeBatch(
  trx: Transaction<DB> | Kysely<DB>,
  rows: ValidRow[],
  mode: ImportMode,
  dryRun: boolean,
  importer: WriteSession,
): Promise<BatchOutcome> {
  if (rows.length === 0) return emptyOutcome();
  const stored = await storedAccounts(trx, rows);
  if (dryRun || mode === 'update' || stored.length > 0) return writeLookedUp(trx, rows, stored, mode, dryRun, importer);
  // None of the batch's keys is stored (a first load): insert plainly, with no conflict
  // handling. Only a concurrent import can make it fail now; its insert is then undone
  // and the batch looked up again. A stored key is never offered to a plain INSERT, which
  // would leave a row version behind before the unique index refuses it.
  await sql`savepoint insert_first`.execute(trx);
  try {
    const inserted = await insertAll(trx, rows);
    await sql`release savepoint insert_first`.execute(trx);
    return { ...emptyOutcome(), inserted };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await sql`rollback to savepoint insert_first`.execute(trx);
    return writeLookedUp(trx, rows, await storedAccounts(trx, rows), mode, false, importer);
  }
}

/** Whether any of these matricules is stored: one index probe per key, as storedAccounts. */
export async function anyAccountStored(db: Kysely<DB>, matricules: string[]): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select from unnest(${matricules}::text[]) k(matricule)
                     cross join lateral (select from utilisateur where matricule = k.matricule limit 1) u) as found`.execute(db);
  return rows[0]!.found;
}

interface StoredAccount {
  id: string;
  matricule: string | null;
  email: string | null;
  role: RoleUtilisateur;
}

/** The accounts stored under the batch's matricules and e-mails. */
async function storedAccounts(trx: Transaction<DB> | Kysely<DB>, rows: ValidRow[]): Promise<StoredAccount[]> {
  const matricules = rows.map((r) => r.matricule);
  const emails = rows.flatMap((r) => (r.email ? [r.email] : []));
  // One index probe per key, whatever the planner thinks of the table's size: with
  // "= any(array)" or a join it picks a full scan once the table is large, at every batch.
  const { rows: stored } = await sql<StoredAccount>`
    select u.* from unnest(${matricules}::text[]) k(matricule)
      cross join lateral (select id, matricule, lower(email) as email, role from utilisateur
                           where matricule = k.matricule limit 1) u
    union
    select u.* from unnest(${emails}::text[]) k(email)
      cross join lateral (select id, matricule, lower(email) as email, role from utilisateur
                           where lower(email) = k.email limit 1) u`.execute(trx);
  return stored;
}

async function writeLookedUp(
  trx: Transaction<DB> | Kysely<DB>,
  rows: ValidRow[],
  stored: StoredAccount[],
  mode: ImportMode,
  dryRun: boolean,
  importer: WriteSession,
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  const existing = new Map(stored.filter((s) => s.matricule !== null).map((s) => [s.matricule!, s]));
  const emailOwner = new Map(stored.filter((s) => s.email).map((s) => [s.email!, s.matricule]));

  const toUpdate: ValidRow[] = [];
  const toInsert: ValidRow[] = [];
  for (const row of rows) {
    const account = existing.get(row.matricule);
    const exists = account !== undefined;
    // Who may change whom (services/user-permissions.ts): a plain admin's roster leaves
    // other administrators' accounts alone, as users update does.
    const changes: AccountChange[] = row.role === null || row.role === account?.role ? ['identity'] : ['identity', 'role'];
    if (mode === 'insert' && exists) {
      outcome.skipped += 1;
      continue;
    }
    // All of the row's problems with what is stored, in one reason.
    const reasons: string[] = [];
    if (account && permissionRefusal(importer, account, changes) !== undefined) {
      reasons.push(
        reasonText(problem('import.roster.account_needs_super_admin', { matricule: shortened(row.matricule), role: account.role })),
      );
    }
    const owner = row.email ? emailOwner.get(row.email) : undefined;
    if (owner !== undefined && owner !== row.matricule) {
      reasons.push(
        reasonText(problem('import.roster.email_taken', { email: shortened(row.email!), owner: owner === null ? null : shortened(owner) })),
      );
    }
    if (mode === 'update' && !exists)
      reasons.push(reasonText(problem('import.roster.unknown_in_update', { matricule: shortened(row.matricule) })));
    if (reasons.length > 0) {
      outcome.rejected.push(rejectRow(row, reasons.join(REASON_SEPARATOR)));
      continue;
    }
    (exists ? toUpdate : toInsert).push(row);
  }

  if (dryRun) {
    outcome.inserted = toInsert.length;
    const counted =
      toUpdate.length === 0
        ? { rows: 0, columns: {}, unchanged: [] }
        : await accounts.count(trx, staged(toUpdate), storedMatching(toUpdate), 'matricule');
    outcome.updated = counted.rows;
    outcome.unchanged = toUpdate.length - counted.rows;
    outcome.changedColumns = counted.columns;
    const unchanged = new Set(counted.unchanged);
    outcome.unchangedLines = toUpdate.filter((row) => unchanged.has(row.matricule)).map((row) => row.line);
    return outcome;
  }

  let pendingUpdate = toUpdate;
  let pendingInsert = toInsert;
  // A concurrent import may insert one of our new matricules between our look-up and
  // our insert: that row is then updated instead. Each turn shrinks the set.
  while (pendingUpdate.length > 0 || pendingInsert.length > 0) {
    if (pendingUpdate.length > 0) {
      const changed = await accounts.update(trx, staged(pendingUpdate), storedMatching(pendingUpdate));
      outcome.updated += changed;
      outcome.unchanged += pendingUpdate.length - changed;
    }
    pendingUpdate = [];
    if (pendingInsert.length > 0) {
      const inserted = new Set(await insertNew(trx, pendingInsert));
      outcome.inserted += inserted.size;
      const lost = pendingInsert.filter((row) => !inserted.has(row.matricule));
      if (mode === 'insert') outcome.skipped += lost.length;
      else pendingUpdate = lost;
    }
    pendingInsert = [];
  }
  return outcome;
}

// "u.matricule = any(...)" lets the planner reach the stored rows through the index;
// the join alone makes it hash the whole table at every batch.
const storedMatching = (rows: ValidRow[]) => sql`u.matricule = s.matricule and u.matricule = any(${rows.map((r) => r.matricule)}::text[])`;

/**
 * New accounts from a roster: former students with role user unless the file says
 * otherwise; no password is set.
 */
const insertRows = (rows: ValidRow[]) => sql`
  insert into utilisateur (matricule, nom_complet, email, annee_sortie, telephone, domaine, travailleur, titre, statut, role)
  select s.matricule, s.nom_complet, s.email, s.annee_sortie, s.telephone, s.domaine, s.travailleur, s.titre,
         coalesce(s.statut, 'etudiant'), coalesce(s.role, 'user')
    from ${staged(rows)}`;

/** Inserts every row, with no conflict handling: a first load's batch. */
async function insertAll(trx: Transaction<DB> | Kysely<DB>, rows: ValidRow[]): Promise<number> {
  const result = await insertRows(rows).execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Inserts the rows whose matricule is not stored (a concurrent import may have added some); returns those inserted. */
async function insertNew(trx: Transaction<DB> | Kysely<DB>, rows: ValidRow[]): Promise<string[]> {
  const { rows: inserted } = await sql<{
    matricule: string;
  }>`${insertRows(rows)} on conflict (matricule) do nothing returning matricule`.execute(trx);
  return inserted.map((r) => r.matricule);
}
