import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteSession } from '../../src/db/session.js';
import { resolveActor, type Actor } from '../../src/services/actor.js';
import { listAudit } from '../../src/services/audit.js';
import { addUser, setActive, setRole, updateUser } from '../../src/services/user-writes.js';
import { exportUsers, findUser, listUsers } from '../../src/services/users.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(BACKENDS)('users on the %s back end', (backend) => {
  let t: TestDatabase;
  let root: Actor;
  let admin: Actor;
  const ua = 'alumni/test users';
  const as = (actor: Actor | null): WriteSession => ({ actorId: actor?.id ?? null, actorRole: actor?.role, userAgent: ua });

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2023 }, { annee: 2024 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Génie civil' }, { nom_domaine: 'Gestion' }])
      .execute();
  });
  afterAll(() => t.close());
  /** The super_admin the first test creates; made here when that test did not run (-t). */
  const superAdmin = async (): Promise<Actor> => {
    if (!root) {
      await t.db
        .insertInto('utilisateur')
        .values({ nom_complet: 'Fatou Sall', email: 'fatou@ecole.example', role: 'super_admin' })
        .execute();
      root = await resolveActor(t.db, 'fatou@ecole.example');
    }
    return root;
  };

  it('creates the very first super_admin with no actor, and only while none exists', async () => {
    const first = await addUser(t.db, as(null), { nom_complet: 'Fatou Sall', email: 'Fatou@Ecole.Example', role: 'super_admin' });
    expect(first).toMatchObject({ role: 'super_admin', email: 'fatou@ecole.example' });
    await expect(addUser(t.db, as(null), { nom_complet: 'Intrus', email: 'intrus@x.sn', role: 'super_admin' })).rejects.toMatchObject({
      exitCode: 77,
    });
    await expect(addUser(t.db, as(null), { nom_complet: 'Sans Acteur', email: 'sans@x.sn' })).rejects.toMatchObject({ exitCode: 77 });
    expect(await countRows(t.db, 'utilisateur', sql`role = 'super_admin'`)).toBe(1);
    root = await resolveActor(t.db, 'fatou@ecole.example');
  });

  it('lets a super_admin give roles and an admin add plain users only', async () => {
    await addUser(t.db, as(await superAdmin()), { nom_complet: 'Jérôme Kaboré', matricule: 'ADM-2', role: 'admin' });
    admin = await resolveActor(t.db, 'ADM-2');
    await expect(addUser(t.db, as(admin), { nom_complet: 'Promu', matricule: 'P-1', role: 'admin' })).rejects.toMatchObject({
      exitCode: 77,
    });
    const user = await addUser(t.db, as(admin), {
      nom_complet: '  Aïssatou   Diop ',
      matricule: 'U-1',
      email: 'aissatou@exemple.sn',
      annee_sortie: 2024,
      domaine: 'genie CIVIL',
      telephone: '77 123 45 67',
      country: 'SN',
      travailleur: true,
      mot_de_passe_hash: '$argon2id$fake',
    });
    expect(user).toMatchObject({
      nom_complet: 'Aïssatou Diop',
      domaine: 'Génie civil',
      telephone: '+221771234567',
      travailleur: true,
      role: 'user',
    });
    expect(user).not.toHaveProperty('mot_de_passe_hash');
    expect((await findUser(t.db, 'U-1')).has_password).toBe(true);
  });

  it('refuses bad values and taken identifiers with a sentence, exit 2', async () => {
    await expect(addUser(t.db, as(admin), { nom_complet: 'X', matricule: 'U-2', annee_sortie: 1990 })).rejects.toMatchObject({
      exitCode: 2,
      code: 'users.year_not_listed',
      values: { year: 1990 },
      message: 'Graduation year 1990 is not among the reference years.',
    });
    await expect(addUser(t.db, as(admin), { nom_complet: 'X', matricule: 'U-1' })).rejects.toMatchObject({
      exitCode: 2,
      code: 'users.matricule_taken',
      message: expect.stringMatching(/matricule U-1 belongs to another user/),
    });
    await expect(addUser(t.db, as(admin), { nom_complet: 'X', matricule: 'U-3', email: 'AISSATOU@exemple.sn' })).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(addUser(t.db, as(admin), { nom_complet: 'X' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/matricule or an e-mail/),
    });
  });

  it('finds users by id, e-mail or matricule; exit 4 when absent', async () => {
    const byMatricule = await findUser(t.db, 'U-1');
    expect((await findUser(t.db, 'AISSATOU@EXEMPLE.SN')).id).toBe(byMatricule.id);
    expect((await findUser(t.db, byMatricule.id)).matricule).toBe('U-1');
    await expect(findUser(t.db, 'nobody')).rejects.toMatchObject({ exitCode: 4 });
  });

  it('updates only what is given, and an update that changes nothing writes nothing', async () => {
    const before = await findUser(t.db, 'U-1');
    const audits = await countRows(t.db, 'audit_log');
    const same = await updateUser(t.db, as(admin), { ref: 'U-1', fields: { titre: undefined, travailleur: true } });
    expect(same.changed).toBe(false);
    expect(await countRows(t.db, 'audit_log')).toBe(audits);
    const changed = await updateUser(t.db, as(admin), { ref: 'U-1', fields: { titre: 'Ingénieure' } });
    expect(changed.changed).toBe(true);
    expect(changed.user).toMatchObject({ titre: 'Ingénieure', email: before.email, domaine: 'Génie civil' });
    await expect(updateUser(t.db, as(admin), { ref: 'U-1', fields: { role: 'admin' } })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('deactivates and reactivates, audited as the actor', async () => {
    expect((await setActive(t.db, as(admin), { ref: 'U-1', active: false })).user.est_actif).toBe(false);
    expect((await setActive(t.db, as(admin), { ref: 'U-1', active: false })).changed).toBe(false);
    expect((await setActive(t.db, as(admin), { ref: 'U-1', active: true })).user.est_actif).toBe(true);
    const entries = await listAudit(t.db, { table: 'utilisateur', actor: 'ADM-2', action: 'update' }, 10);
    expect(entries.filter((e) => (e.nouveau_data as { matricule: string }).matricule === 'U-1').length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) expect(JSON.stringify(entry)).not.toContain('argon2');
  });

  it('changes roles as a super_admin only, and keeps the last super_admin', async () => {
    await expect(setRole(t.db, as(admin), { ref: 'U-1', role: 'admin' })).rejects.toMatchObject({ exitCode: 77 });
    expect((await setRole(t.db, as(root), { ref: 'U-1', role: 'admin' })).user.role).toBe('admin');
    await expect(setRole(t.db, as(root), { ref: 'fatou@ecole.example', role: 'user' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/last active super_admin/),
    });
  });

  it('lists with filters and keyset pages that cover every user once', async () => {
    await t.db
      .insertInto('utilisateur')
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          nom_complet: `Élève ${String(i).padStart(2, '0')}`,
          matricule: `L-${i}`,
          annee_sortie: i % 2 ? 2023 : 2024,
          travailleur: i % 3 === 0,
        })),
      )
      .execute();
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listUsers(t.db, { search: 'eleve' }, { limit: 10, after });
      seen.push(...page.items.map((u) => u.matricule!));
      after = page.next_after ?? undefined;
    } while (after);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const filtered = await listUsers(t.db, { annee: 2023, travailleur: true, search: 'ÉLÈVE' }, { limit: 100 });
    expect(filtered.items.map((u) => u.matricule).sort()).toEqual(['L-15', 'L-21', 'L-3', 'L-9']);
    await expect(listUsers(t.db, {}, { limit: 5, after: 'garbage' })).rejects.toMatchObject({ exitCode: 2 });
    const forged = Buffer.from(JSON.stringify(['Élève 01', 'not-an-id'])).toString('base64url');
    await expect(listUsers(t.db, {}, { limit: 5, after: forged })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('reads a page of users list in its order from an index, not by sorting the whole table', async () => {
    // The queries listUsers sends, recorded as Kysely compiles them, are explained with
    // sorting and sequential scans priced out: only an index in (nom_complet, id) order
    // lets the plan drop its Sort.
    await t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: 6 }, (_, i) => ({ nom_complet: `Index ${i}`, matricule: `IDX-${i}` })))
      .execute();
    const sent: RootOperationNode[] = [];
    const recorder: KyselyPlugin = {
      transformQuery: ({ node }) => (sent.push(node), node),
      transformResult: ({ result }) => Promise.resolve(result),
    };
    const recorded = t.db.withPlugin(recorder);
    const first = await listUsers(recorded, {}, { limit: 5 });
    await listUsers(recorded, {}, { limit: 5, after: first.next_after! });
    expect(sent).toHaveLength(2);
    for (const node of sent) {
      const compiled = t.db.getExecutor().compileQuery(node, { queryId: 'explain' });
      const plan = await t.db.transaction().execute(async (trx) => {
        await sql`set local enable_sort = off`.execute(trx);
        await sql`set local enable_seqscan = off`.execute(trx);
        const { rows } = await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: `explain ${compiled.sql}` });
        return rows.map((row) => row['QUERY PLAN']).join('\n');
      });
      expect(plan).toContain('idx_utilisateur_nom_complet_id');
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });

  it('exports every matching user a page at a time', async () => {
    let total = 0;
    for await (const page of exportUsers(t.db, { search: 'Élève' }, 7)) total += page.length;
    expect(total).toBe(25);
  });
});
