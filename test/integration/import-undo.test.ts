import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { writeAs, type WriteSession } from '../../src/db/session.js';
import { resolveActor, type Actor } from '../../src/services/actor.js';
import { erase, planErasure } from '../../src/services/erasure.js';
import { undoImport, type UndoOptions, type UndoResult } from '../../src/services/import-undo.js';
import { importOrgs } from '../../src/services/org-import.js';
import { importRoster, type ImportOptions } from '../../src/services/roster-import.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { HEADER, rosterDir, rosterImportOptions, writeRoster } from '../support/rosters.js';

/** Every platform table's rows, in a stable order: the ledger (alumni_admin) and the audit log aside. */
async function dump(db: Kysely<DB>, options: { withoutUpdatedAt?: boolean } = {}): Promise<Record<string, unknown>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_log' order by 1`.execute(db);
  const dumped: Record<string, unknown> = {};
  for (const { name } of tables) {
    const row = options.withoutUpdatedAt ? sql`to_jsonb(x) - 'updated_at'` : sql`to_jsonb(x)`;
    const { rows } = await sql<{ rows: unknown }>`
      select coalesce(jsonb_agg(${row} order by ${row}::text), '[]') as rows from ${sql.table(name)} x`.execute(db);
    dumped[name] = rows[0]!.rows;
  }
  return dumped;
}

const ROWS = [
  ['Awa Ndiaye', 'U-1', 'awa@alumni.example', '2023', '77 123 45 67', 'Gestion', 'oui'],
  ['Issa Ba', 'U-2', 'issa@alumni.example', '2023', '76 555 12 34', 'Gestion', 'non'],
  ['Fanta Keïta', 'U-3', 'fanta@alumni.example', '2024', '78 111 22 33', 'Génie informatique', 'oui'],
];

describe.each(BACKENDS)('undoing an import on the %s back end', (backend) => {
  let t: TestDatabase;
  let admin: Actor;
  let dir: string;

  beforeEach(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2023 }, { annee: 2024 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Gestion' }, { nom_domaine: 'Génie informatique' }])
      .execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Jérôme Kaboré', matricule: 'ADM-1', role: 'super_admin' }).execute();
    admin = await resolveActor(t.db, 'ADM-1');
    dir = rosterDir();
  });
  afterEach(() => t.close());

  const importer = (): WriteSession => ({ actorId: admin.id, actorRole: admin.role, userAgent: 'alumni/test users import' });
  const undoer = (): WriteSession => ({ actorId: admin.id, actorRole: admin.role, userAgent: 'alumni/test users imports undo' });
  const importRows = async (rows: string[][], options: Partial<ImportOptions> = {}, name = 'promo.csv') => {
    const summary = await importRoster(t.db, importer(), rosterImportOptions(writeRoster(dir, name, [HEADER, ...rows]), dir, options));
    return summary.import_id!;
  };
  const undo = (ref: string, options: Partial<UndoOptions> = {}): Promise<UndoResult> =>
    undoImport(t.db, undoer(), { kind: 'users', ref, dryRun: false, deactivateKept: false, lockWaitMs: 3000, ...options });
  const person = (matricule: string) => t.db.selectFrom('utilisateur').selectAll().where('matricule', '=', matricule).executeTakeFirst();
  const ledger = (id: string) => t.db.selectFrom('alumni_admin.import_run').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditCount = () => countRows(t.db, 'audit_log');

  it('a first load undone gives the tables back as they were, the references it created included', async () => {
    const before = await dump(t.db);
    const id = await importRows([...ROWS, ['Koffi Mensah', 'U-4', '', '2022', '', 'Génie civil', '']], { createMissingReferences: true });
    expect(await countRows(t.db, 'utilisateur')).toBe(5);

    const result = await undo(id);
    expect(result).toMatchObject({ removed: 4, restored: 0, kept: 0, erased: 0, gone: 0, kept_rows: [], kept_fields: [] });
    expect(result.references_removed).toEqual({ fields: ['Génie civil'], years: [2022] });
    expect(await dump(t.db)).toEqual(before);

    // The ledger says it, and each deletion is audited with the administrator and the undo.
    expect(await ledger(id)).toMatchObject({ status: 'undone', undone_by: admin.id, undo: expect.objectContaining({ removed: 4 }) });
    expect((await ledger(id)).undone_at).toBeInstanceOf(Date);
    const deletions = await t.db
      .selectFrom('audit_log')
      .select(['utilisateur_id', 'user_agent', 'table_name'])
      .where('action', '=', 'DELETE')
      .execute();
    expect(deletions.filter((d) => d.table_name === 'utilisateur')).toHaveLength(4);
    expect(new Set(deletions.map((d) => `${d.utilisateur_id} ${d.user_agent}`))).toEqual(
      new Set([`${admin.id} alumni/test users imports undo ${id}`]),
    );
  });

  it('an upsert undone gives back exactly the fields it changed; a field edited since is kept and listed', async () => {
    await importRows(ROWS, {}, 'first.csv');
    const before = await dump(t.db, { withoutUpdatedAt: true });
    const id = await importRows(
      [
        ['Awa Ndiaye', 'U-1', 'awa@alumni.example', '2023', '77 000 00 01', 'Génie informatique', 'oui'],
        ['Issa Ba', 'U-2', 'issa@alumni.example', '2023', '77 000 00 02', 'Gestion', 'non'],
        ROWS[2]!,
        ['Koffi Mensah', 'U-4', 'koffi@alumni.example', '2024', '', 'Gestion', ''],
      ],
      {},
      'second.csv',
    );
    // After the import, an administrator corrects Issa's phone once more.
    const issa = (await person('U-2'))!;
    await writeAs(t.db, { ...undoer(), userAgent: 'alumni/test users update' }, (trx) =>
      trx.updateTable('utilisateur').set({ telephone: '+221779999999' }).where('id', '=', issa.id).execute(),
    );

    const result = await undo(id);
    expect(result).toMatchObject({ removed: 1, restored: 1, restored_fields: 2, kept: 0, kept_changes: 1 });
    expect(result.kept_fields).toEqual([{ id: issa.id, key: 'U-2', field: 'telephone' }]);
    expect(await person('U-1')).toMatchObject({ telephone: '+221771234567', domaine: 'Gestion' });
    expect(await person('U-2')).toMatchObject({ telephone: '+221779999999' });
    expect(await person('U-4')).toBeUndefined();
    // Everything else as before the import, but Issa's phone edited since.
    const after = await dump(t.db, { withoutUpdatedAt: true });
    const withoutIssa = (d: Record<string, unknown>) => ({
      ...d,
      utilisateur: (d.utilisateur as Array<{ matricule: string }>).filter((u) => u.matricule !== 'U-2'),
    });
    expect(withoutIssa(after)).toEqual(withoutIssa(before));
  });

  it('keeps (and lists) an added person who has since joined a group or logged in; --deactivate-kept deactivates them', async () => {
    const id = await importRows(ROWS);
    const awa = (await person('U-1'))!;
    const issa = (await person('U-2'))!;
    await writeAs(t.db, { ...undoer(), userAgent: 'alumni/test groups members add' }, async (trx) => {
      const group = await trx
        .insertInto('groupe')
        .values({ nom_groupe: 'Promo 2023', est_valide: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('membre_groupe').values({ groupe_id: group.id, utilisateur_id: awa.id }).execute();
    });
    await t.db.updateTable('utilisateur').set({ last_login: new Date() }).where('id', '=', issa.id).execute();

    const result = await undo(id, { deactivateKept: true });
    expect(result).toMatchObject({ removed: 1, kept: 2, deactivated: 2 });
    expect(result.kept_rows).toEqual([
      { id: awa.id, key: 'U-1', reasons: ['used:membre_groupe'] },
      { id: issa.id, key: 'U-2', reasons: ['edited', 'logged_in'] },
    ]);
    expect(await person('U-3')).toBeUndefined();
    expect(await person('U-1')).toMatchObject({ est_actif: false });
    expect(await person('U-2')).toMatchObject({ est_actif: false });
    expect(await countRows(t.db, 'membre_groupe')).toBe(1);
  });

  it('leaves a person erased since alone, and counts them', async () => {
    const id = await importRows(ROWS);
    const plan = await planErasure(t.db, undoer(), 'U-3');
    await erase(t.db, undoer(), plan);

    const result = await undo(id);
    expect(result).toMatchObject({ removed: 2, erased: 1, kept: 0 });
    expect(await t.db.selectFrom('utilisateur').select('efface_le').where('id', '=', plan.id).executeTakeFirst()).toMatchObject({
      efface_le: expect.any(Date),
    });
  });

  it('refuses (exit 2) and writes nothing when the audit entries of the import were pruned', async () => {
    const id = await importRows(ROWS);
    await sql`delete from audit_log where id = (select id from audit_log where user_agent like ${`% ${id}`} limit 1)`.execute(t.db);
    const before = await dump(t.db);
    const audited = await auditCount();

    await expect(undo(id)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(`no longer holds 1 of the 3 changes the import ${id} made`),
    });
    expect(await dump(t.db)).toEqual(before);
    expect(await auditCount()).toBe(audited);
    expect(await ledger(id)).toMatchObject({ status: 'completed', undone_at: null });
  });

  it('after an undo, the same file imports again as a new file', async () => {
    const id = await importRows(ROWS);
    await undo(id);
    const again = await importRoster(t.db, importer(), rosterImportOptions(`${dir}/promo.csv`, dir));
    expect(again).toMatchObject({ inserted: 3, updated: 0 });
    expect(await person('U-1')).toMatchObject({ nom_complet: 'Awa Ndiaye' });
  });

  it('a dry run reports what the undo then does, and changes nothing', async () => {
    await importRows(ROWS.slice(0, 2), {}, 'first.csv');
    const id = await importRows([['Awa Ndiaye', 'U-1', 'awa@alumni.example', '2024', '77 000 00 01', 'Gestion', 'oui'], ...ROWS.slice(1)]);
    await t.db.updateTable('utilisateur').set({ last_login: new Date() }).where('matricule', '=', 'U-3').execute();
    const before = await dump(t.db);
    const audited = await auditCount();

    const dry = await undo(id, { dryRun: true });
    expect(await dump(t.db)).toEqual(before);
    expect(await auditCount()).toBe(audited);
    expect(await ledger(id)).toMatchObject({ status: 'completed' });

    const done = await undo(id);
    expect({ ...dry, dry_run: false }).toEqual(done);
    expect(done).toMatchObject({ removed: 0, restored: 1, restored_fields: 2, kept: 1 });
  });

  it('undoing twice: exit 3, nothing written; two undos at once leave it undone once', async () => {
    const id = await importRows(ROWS);
    const outcomes = await Promise.allSettled([undo(id), undo(id.slice(0, 8))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { exitCode: 3, message: expect.stringContaining(`The import ${id} was undone already`) },
    });
    expect(await countRows(t.db, 'audit_log', sql`action = 'DELETE'`)).toBe(3);

    const audited = await auditCount();
    await expect(undo(id)).rejects.toMatchObject({ exitCode: 3 });
    expect(await auditCount()).toBe(audited);
  });

  it('stops with the constraint (exit 2, nothing written) when a value to give back has been taken since', async () => {
    await importRows(ROWS, {}, 'first.csv');
    const id = await importRows([['Awa Ndiaye', 'U-1', 'awa.ndiaye@alumni.example', '', '', '', '']], {}, 'second.csv');
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Awa Diallo', email: 'awa@alumni.example' }).execute();
    const before = await dump(t.db);
    // The unique e-mail's violation, which the CLI says in one sentence, exit 2 (src/db/constraints.ts).
    await expect(undo(id)).rejects.toMatchObject({ code: '23505', constraint: 'idx_utilisateur_email' });
    expect(await dump(t.db)).toEqual(before);
    expect(await ledger(id)).toMatchObject({ status: 'completed' });
  });

  it('names the import by a unique prefix of its id: none is exit 4, several exit 2; a rolled-back import has nothing to undo', async () => {
    await expect(undo('0000')).rejects.toMatchObject({ exitCode: 4 });
    await t.db
      .insertInto('alumni_admin.import_run')
      .values([
        { id: 'abcdef00-0000-4000-8000-000000000001', file_name: 'a.csv', mode: 'upsert', status: 'completed' },
        { id: 'abcdef00-0000-4000-8000-000000000002', file_name: 'b.csv', mode: 'upsert', status: 'rolled_back' },
      ])
      .execute();
    await expect(undo('ABCDEF')).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('several') });
    await expect(undo('abcdef00-0000-4000-8000-000000000002')).rejects.toMatchObject({ exitCode: 3 });
    // Not a roster import: a partner-list undo does not find it.
    await expect(undo('abcdef00-0000-4000-8000-000000000001', { kind: 'orgs' })).rejects.toMatchObject({ exitCode: 4 });
  });

  it('undoes a partner-list import: the organisations it added go, the ones it updated get their values back', async () => {
    await t.db
      .insertInto('organisation')
      .values({ nom_organisation: 'Sonatel', type_organisation: 'entreprise', ville: 'Dakar', site_web: 'https://sonatel.sn' })
      .execute();
    const before = await dump(t.db, { withoutUpdatedAt: true });
    const file = writeRoster(dir, 'partenaires.csv', [
      ['Raison sociale', 'Type', 'Ville', 'Site web'],
      ['Sonatel', 'Entreprise', 'Thiès', 'https://sonatel.sn'],
      ['Orange Bénin', 'Entreprise', 'Cotonou', 'https://www.orange.bj'],
    ]);
    const summary = await importOrgs(
      t.db,
      { ...importer(), userAgent: 'alumni/test orgs import' },
      {
        file,
        mode: 'upsert',
        dryRun: false,
        allOrNothing: false,
        map: {},
        batchSize: 2,
        cwd: dir,
      },
    );
    expect(summary).toMatchObject({ inserted: 1, updated: 1 });
    const result = await undo(summary.import_id!, { kind: 'orgs' });
    expect(result).toMatchObject({ removed: 1, restored: 1, restored_fields: 1, kept: 0 });
    expect(await dump(t.db, { withoutUpdatedAt: true })).toEqual(before);
  });
});
