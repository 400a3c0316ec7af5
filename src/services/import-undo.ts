import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeAs, type WriteSession } from '../db/session.js';
import { AlumniError, ExitCode, NotFoundError, problem, UsageError } from '../errors.js';
import type { LedgerKind } from '../import/ledger.js';
import { takeImportLock } from '../import/lock.js';

/**
 * `users imports undo`, `orgs imports undo` (README, "Undoing an import"): what an import
 * wrote, taken back from what it recorded, the audit entries carrying its id.
 *
 * - A row it inserted is deleted, unless it has been used since: edited by anyone else,
 *   pointed to by any row of any table (a membership, an offer, a message, a contact, a
 *   moderation decision...), its account logged in or acted. Those are kept and listed.
 * - A field it updated gets its value before the import back, where the value stored is
 *   still the one the import wrote; a field changed since is kept and listed.
 * - A row erased since (`users erase`) or deleted since is left alone, and counted.
 * - References the import created (--create-missing-references) go once nothing uses them.
 *
 * All in one transaction under the import lock of its kind (src/import/lock.ts); a dry run
 * does it all and rolls back, so its report is the real one's.
 */

/** Why a row the import inserted is kept: `used:<table>` names the table that points to it. */
export type KeptReason = 'edited' | 'logged_in' | 'acted' | `used:${string}`;

export interface KeptRow {
  id: string;
  /** How a person knows the row: a matricule (else e-mail), an organisation's name. */
  key: string | null;
  reasons: KeptReason[];
}

export interface KeptField {
  id: string;
  key: string | null;
  field: string;
}

export interface UndoResult {
  import_id: string;
  file: string;
  status: string;
  started_at: Date;
  dry_run: boolean;
  /** Rows the import inserted, deleted now. */
  removed: number;
  /** Rows the import updated with at least one field given back its value before. */
  restored: number;
  restored_fields: number;
  /** Rows the import inserted, kept because used since (kept_rows says why). */
  kept: number;
  /** Fields the import updated that were changed since, kept (kept_fields lists them). */
  kept_changes: number;
  /** Rows erased since the import (personal-data erasure), left alone. */
  erased: number;
  /** Rows deleted since the import by other means: nothing left to undo. */
  gone: number;
  /** Kept accounts deactivated (--deactivate-kept). */
  deactivated: number;
  /** References the import created and nothing uses any more, deleted. */
  references_removed: { fields: string[]; years: number[] };
  kept_rows: KeptRow[];
  kept_fields: KeptField[];
}

export interface UndoOptions {
  kind: LedgerKind;
  /** The import's id in the ledger, a unique prefix of it, or `last`. */
  ref: string;
  dryRun: boolean;
  deactivateKept: boolean;
  /** How long to wait for a running import of the same kind (ALUMNI_LOCK_WAIT_MS). */
  lockWaitMs: number;
}

interface UndoTarget {
  table: 'utilisateur' | 'organisation';
  /** How a person knows a row of the table, in SQL over alias t. */
  key: RawBuilder<string | null>;
  /** Accounts: erased ones are left alone, logged-in ones and actors kept. */
  accounts: boolean;
  /** A row erased since (`users erase`), over alias t: left alone. */
  erased: RawBuilder<boolean>;
}

const TARGETS: Record<LedgerKind, UndoTarget> = {
  users: { table: 'utilisateur', key: sql`coalesce(t.matricule, t.email)`, accounts: true, erased: sql`t.efface_le is not null` },
  orgs: { table: 'organisation', key: sql`t.nom_organisation`, accounts: false, erased: sql`false` },
};

/** Tables an import creates rows in besides its own (roster: --create-missing-references), keyed by their primary key. */
const REFERENCE_TABLES = [
  { table: 'annee_reference', pk: 'annee' },
  { table: 'domaine_reference', pk: 'id' },
] as const;

/** Never restored: kept by the database itself. */
const NOT_RESTORED = ['id', 'updated_at', 'created_at', 'date_creation_compte'];

interface LedgerRun {
  id: string;
  file_name: string;
  status: string;
  inserted: number;
  updated: number;
  started_at: Date;
  undone_at: Date | null;
  undone_by: string | null;
}

/** Thrown to roll a dry run back. */
class DryRunDone extends Error {
  constructor(readonly result: UndoResult) {
    super('dry run');
  }
}

export async function undoImport(db: Kysely<DB>, undoer: WriteSession, options: UndoOptions): Promise<UndoResult> {
  const id = await resolveImport(db, options.kind, options.ref);
  // Every change names the administrator and, in its user agent, the undone import.
  const session: WriteSession = { ...undoer, userAgent: `${undoer.userAgent} ${id}` };
  try {
    return await writeAs(db, session, async (trx) => {
      const result = await undoIn(trx, session, id, options);
      if (options.dryRun) throw new DryRunDone(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

/**
 * The import `ref` names: its full id, a unique prefix of it, or `last` (the newest import
 * of the kind). Exit 4 when none, 2 when several.
 */
async function resolveImport(db: Kysely<DB>, kind: LedgerKind, ref: string): Promise<string> {
  const given = ref.trim().toLowerCase();
  const last = given === 'last';
  if (!last && !/^[0-9a-f-]{1,36}$/.test(given)) throw new NotFoundError(problem('undo.no_import', { kind, ref }));
  const runs = await db
    .selectFrom('alumni_admin.import_run')
    .select('id')
    .where('kind', '=', kind)
    .$if(!last, (query) => query.where(sql<boolean>`id::text like ${`${given}%`}`))
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(last ? 1 : 4)
    .execute();
  if (runs.length === 0) throw new NotFoundError(problem('undo.no_import', { kind, ref }));
  if (runs.length > 1) throw new UsageError(problem('undo.ambiguous_import', { ref, ids: runs.map((run) => run.id) }));
  return runs[0]!.id;
}

async function undoIn(trx: Transaction<DB>, session: WriteSession, id: string, options: UndoOptions): Promise<UndoResult> {
  const target = TARGETS[options.kind];
  await takeImportLock(trx, options.kind, options.lockWaitMs);
  const run = await lockLedgerRow(trx, id);
  if (run.status === 'undone') {
    throw new AlumniError(
      problem('undo.already_undone', { id, at: run.undone_at!, by: await actorName(trx, run.undone_by) }),
      ExitCode.rejected,
    );
  }
  if (run.status === 'rolled_back') throw new AlumniError(problem('undo.nothing_written', { id }), ExitCode.rejected);

  const entries = await collectEntries(trx, options.kind, id, target.table);
  const missing = Math.max(0, run.inserted - entries.inserts) + Math.max(0, run.updated - entries.updates);
  if (missing > 0) {
    throw new UsageError(problem('undo.audit_incomplete', { id, missing, expected: run.inserted + run.updated }));
  }

  await lockImportedRows(trx, target);
  const inserted = await classifyInserted(trx, target, run, importPattern(options.kind, id));
  const restoring = await planRestores(trx, target);

  await sql`delete from ${sql.table(target.table)} where id in (select id from undo_removable)`.execute(trx);
  const restored = await restoreFields(trx, target, restoring.columns);
  const referencesRemoved = await removeCreatedReferences(trx);
  let deactivated = 0;
  if (options.deactivateKept && target.accounts) {
    const result = await sql`
      update utilisateur set est_actif = false
       where id in (select id from undo_kept) and est_actif and efface_le is null`.execute(trx);
    deactivated = Number(result.numAffectedRows ?? 0);
  }

  const result: UndoResult = {
    import_id: id,
    file: run.file_name,
    status: run.status,
    started_at: run.started_at,
    dry_run: options.dryRun,
    removed: inserted.removed,
    restored: restored.rows,
    restored_fields: restored.fields,
    kept: inserted.kept.length,
    kept_changes: restoring.kept.length,
    erased: inserted.erased + restoring.erased,
    gone: inserted.gone + restoring.gone,
    deactivated,
    references_removed: referencesRemoved,
    kept_rows: inserted.kept,
    kept_fields: restoring.kept,
  };
  await trx
    .updateTable('alumni_admin.import_run')
    .set({
      status: 'undone',
      undone_at: sql`now()`,
      undone_by: session.actorId,
      undo: JSON.stringify(counts(result)),
    })
    .where('id', '=', id)
    .execute();
  return result;
}

/** What the ledger keeps of an undo: its counts. */
function counts(result: UndoResult) {
  const { removed, restored, restored_fields, kept, kept_changes, erased, gone, deactivated } = result;
  return { removed, restored, restored_fields, kept, kept_changes, erased, gone, deactivated };
}

async function lockLedgerRow(trx: Transaction<DB>, id: string): Promise<LedgerRun> {
  return trx
    .selectFrom('alumni_admin.import_run')
    .select(['id', 'file_name', 'status', 'inserted', 'updated', 'started_at', 'undone_at', 'undone_by'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

async function actorName(trx: Transaction<DB>, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const row = await trx
    .selectFrom('utilisateur')
    .select(sql<string>`coalesce(email, matricule, id::text)`.as('name'))
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? id;
}

/** The user agent of an import's entries ends with its kind's command and its id (src/import/pipeline.ts). */
const importPattern = (kind: LedgerKind, id: string) => `% ${kind} import ${id}`;

/**
 * The import's audit entries on its table and on the references it may create, in
 * undo_entries (one scan of the audit log); counted, to be checked against the ledger.
 */
async function collectEntries(
  trx: Transaction<DB>,
  kind: LedgerKind,
  id: string,
  table: string,
): Promise<{ inserts: number; updates: number }> {
  const tables = [table, ...REFERENCE_TABLES.map((r) => r.table)];
  await sql`
    create temp table undo_entries on commit drop as
    select table_name, action, ancien_data, nouveau_data
      from audit_log
     where user_agent like ${importPattern(kind, id)} and table_name = any(${tables}::text[])`.execute(trx);
  const { rows } = await sql<{ inserts: number; updates: number }>`
    select count(*) filter (where action = 'INSERT')::int as inserts, count(*) filter (where action = 'UPDATE')::int as updates
      from undo_entries where table_name = ${table}`.execute(trx);
  return rows[0]!;
}

/**
 * The rows the import inserted (undo_inserted) and updated (undo_updated), locked: a
 * membership, an offer or an edit made meanwhile waits for the undo, and one made before
 * is seen by it.
 */
async function lockImportedRows(trx: Transaction<DB>, target: UndoTarget): Promise<void> {
  await sql`
    create temp table undo_inserted on commit drop as
    select distinct (nouveau_data->>'id')::uuid as id from undo_entries
     where table_name = ${target.table} and action = 'INSERT'`.execute(trx);
  await sql`
    create temp table undo_updated on commit drop as
    select (nouveau_data->>'id')::uuid as id, ancien_data, nouveau_data from undo_entries
     where table_name = ${target.table} and action = 'UPDATE'`.execute(trx);
  await sql`
    select t.id from ${sql.table(target.table)} t
     where t.id in (select id from undo_inserted union all select id from undo_updated)
     order by t.id for update of t`.execute(trx);
}

/**
 * Sorts the rows the import inserted: removable (undo_removable), kept and why
 * (undo_kept), erased or gone since.
 */
async function classifyInserted(
  trx: Transaction<DB>,
  target: UndoTarget,
  run: LedgerRun,
  pattern: string,
): Promise<{ removed: number; kept: KeptRow[]; erased: number; gone: number }> {
  const table = sql.table(target.table);
  await sql`create temp table undo_reasons (id uuid not null, reason text not null) on commit drop`.execute(trx);

  // Edited since by anyone but the import (another import, an administrator, another program).
  await sql`
    insert into undo_reasons
    select distinct i.id, 'edited' from audit_log a
      join undo_inserted i on i.id = (coalesce(a.nouveau_data, a.ancien_data)->>'id')::uuid
     where a.table_name = ${target.table} and a.created_at >= ${run.started_at}
       and (a.user_agent is null or a.user_agent not like ${pattern})`.execute(trx);
  // Pointed to by any row of any table: found from the catalog, so a table added later counts too.
  for (const reference of (await foreignKeysTo(trx, target.table)).filter((key) => key.referenced === 'id')) {
    await sql`
      insert into undo_reasons
      select distinct i.id, ${`used:${reference.table}`} from undo_inserted i
       where exists (select 1 from ${sql.raw(reference.qualified)} r where r.${sql.ref(reference.column)} = i.id)`.execute(trx);
  }
  if (target.accounts) {
    await sql`
      insert into undo_reasons
      select t.id, 'logged_in' from utilisateur t join undo_inserted i on i.id = t.id where t.last_login is not null`.execute(trx);
    // Acted on the platform (an administrator's writes carry them as actor).
    await sql`
      insert into undo_reasons
      select distinct a.utilisateur_id, 'acted' from audit_log a
       where a.utilisateur_id in (select id from undo_inserted) and a.created_at >= ${run.started_at}`.execute(trx);
  }

  const erased = target.erased;
  const tally = await erasedOrGone(trx, target, 'undo_inserted');
  await sql`
    create temp table undo_kept on commit drop as
    select t.id, ${target.key} as key, array_agg(distinct r.reason order by r.reason) as reasons
      from ${table} t join undo_reasons r on r.id = t.id
     where t.id in (select id from undo_inserted) and not ${erased}
     group by t.id`.execute(trx);
  await sql`
    create temp table undo_removable on commit drop as
    select t.id from ${table} t
     where t.id in (select id from undo_inserted) and not ${erased}
       and t.id not in (select id from undo_kept)`.execute(trx);
  // Its size to the planner (a temporary table has none until analysed): the delete then
  // joins it by hash instead of one index probe per row (~0.5 s at 100,000 rows).
  await sql`analyze undo_removable`.execute(trx);
  const { rows: kept } = await sql<KeptRow>`select id, key, reasons from undo_kept order by key, id`.execute(trx);
  const { rows: removable } = await sql<{ n: number }>`select count(*)::int as n from undo_removable`.execute(trx);
  return { removed: removable[0]!.n, kept, ...tally };
}

/** Of the rows in `rows` (undo_inserted, undo_updated), how many were erased since, and how many deleted. */
async function erasedOrGone(trx: Transaction<DB>, target: UndoTarget, rows: 'undo_inserted' | 'undo_updated') {
  const { rows: tally } = await sql<{ erased: number; gone: number }>`
    select count(*) filter (where t.id is not null and ${target.erased})::int as erased,
           count(*) filter (where t.id is null)::int as gone
      from ${sql.table(rows)} r left join ${sql.table(target.table)} t on t.id = r.id`.execute(trx);
  return tally[0]!;
}

/**
 * The fields the import changed (undo_fields), each still as it wrote it (as_written: to
 * restore) or changed since (kept); rows erased or gone since counted apart.
 */
async function planRestores(
  trx: Transaction<DB>,
  target: UndoTarget,
): Promise<{ columns: string[]; kept: KeptField[]; erased: number; gone: number }> {
  const table = sql.table(target.table);
  const { rows: restorable } = await sql<{ name: string }>`
    select attname as name from pg_attribute
     where attrelid = ${`public.${target.table}`}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
       and not attname = any(${NOT_RESTORED}::text[])
     order by attnum`.execute(trx);
  const columns = restorable.map((c) => c.name);
  const erased = target.erased;
  const tally = await erasedOrGone(trx, target, 'undo_updated');
  // Each field the import changed, and whether the value stored is still the one it wrote.
  await sql`
    create temp table undo_fields on commit drop as
    select u.id, ${target.key} as key, f.field, (to_jsonb(t) -> f.field) = (u.nouveau_data -> f.field) as as_written
      from undo_updated u
      join ${table} t on t.id = u.id
     cross join lateral unnest(${columns}::text[]) f(field)
     where not ${erased} and u.ancien_data ? f.field and u.nouveau_data ? f.field
       and (u.ancien_data -> f.field) is distinct from (u.nouveau_data -> f.field)`.execute(trx);
  const { rows: kept } = await sql<KeptField>`
    select id, key, field from undo_fields where not as_written order by key, id, field`.execute(trx);
  const { rows: changed } = await sql<{ field: string }>`select distinct field from undo_fields where as_written order by field`.execute(
    trx,
  );
  return { columns: changed.map((c) => c.field), kept, ...tally };
}

/** Gives the fields still as the import wrote them their values before it; returns the rows and fields restored. */
async function restoreFields(trx: Transaction<DB>, target: UndoTarget, columns: string[]): Promise<{ rows: number; fields: number }> {
  if (columns.length === 0) return { rows: 0, fields: 0 };
  const { rows } = await sql<{ rows: number; fields: number }>`
    select count(distinct id)::int as rows, count(*)::int as fields from undo_fields where as_written`.execute(trx);
  const table = sql.table(target.table);
  // The values before, typed as the table's columns: the audit entry read back as a row.
  const assignments = columns.map(
    (column) => sql`${sql.ref(column)} = case when x.restore_fields ? ${column} then x.${sql.ref(column)} else t.${sql.ref(column)} end`,
  );
  await sql`
    update ${table} t set ${sql.join(assignments)}
      from (select w.id as undo_id, w.fields as restore_fields, ${sql.join(columns.map((c) => sql`p.${sql.ref(c)}`))}
              from (select f.id, jsonb_object_agg(f.field, true) as fields from undo_fields f where f.as_written group by f.id) w
              join undo_updated u on u.id = w.id
             cross join lateral jsonb_populate_record(null::${table}, u.ancien_data) p) x
     where t.id = x.undo_id`.execute(trx);
  return rows[0]!;
}

/** The references the import created that nothing points to any more, deleted; returns them. */
async function removeCreatedReferences(trx: Transaction<DB>): Promise<{ fields: string[]; years: number[] }> {
  const removed: Record<string, string[]> = {};
  for (const { table, pk } of REFERENCE_TABLES) {
    const unused = (await foreignKeysTo(trx, table)).map(
      (ref) => sql`not exists (select 1 from ${sql.raw(ref.qualified)} r where r.${sql.ref(ref.column)} = x.${sql.ref(ref.referenced)})`,
    );
    const { rows } = await sql<{ key: string }>`
      delete from ${sql.table(table)} x
       where x.${sql.ref(pk)}::text in (select nouveau_data->>${pk} from undo_entries where table_name = ${table} and action = 'INSERT')
         ${unused.length > 0 ? sql`and ${sql.join(unused, sql` and `)}` : sql``}
      returning x.${sql.ref(pk)}::text as key, ${table === 'domaine_reference' ? sql`x.nom_domaine` : sql`null`} as name`.execute(trx);
    removed[table] = rows.map((row) => (row as { key: string; name?: string | null }).name ?? row.key);
  }
  return {
    fields: (removed.domaine_reference ?? []).sort((a, b) => a.localeCompare(b, 'fr')),
    years: (removed.annee_reference ?? []).map(Number).sort((a, b) => a - b),
  };
}

/** Every single-column foreign key pointing to `table` (any schema), with the column it points to. */
async function foreignKeysTo(
  trx: Transaction<DB>,
  table: string,
): Promise<Array<{ table: string; qualified: string; column: string; referenced: string }>> {
  const { rows } = await sql<{ table: string; qualified: string; column: string; referenced: string }>`
    select c.relname as table, format('%I.%I', n.nspname, c.relname) as qualified, a.attname as column, f.attname as referenced
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
      join pg_attribute f on f.attrelid = k.confrelid and f.attnum = k.confkey[1]
     where k.contype = 'f' and k.confrelid = ${`public.${table}`}::regclass and array_length(k.conkey, 1) = 1
     order by 2, 3`.execute(trx);
  return rows;
}
