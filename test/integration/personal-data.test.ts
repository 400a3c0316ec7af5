import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAs, type WriteSession } from '../../src/db/session.js';
import { ERASED_ACTOR, listAudit, showAudit } from '../../src/services/audit.js';
import { erase, ERASED_NAME, planErasure } from '../../src/services/erasure.js';
import { runJob } from '../../src/services/jobs.js';
import { exportPersonalData } from '../../src/services/personal-data.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { findValues, seedPerson } from '../support/personal.js';

describe.each(BACKENDS)('personal data on the %s back end', (backend) => {
  let t: TestDatabase;
  let root: { id: string };
  const session = (): WriteSession => ({ actorId: root.id, actorRole: 'super_admin', userAgent: 'alumni/test users erase' });

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2019 }, { annee: 2020 }, { annee: 2021 }])
      .execute();
    await t.db.insertInto('domaine_reference').values({ nom_domaine: 'Informatique' }).execute();
    root = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Direction', email: 'direction@ecole.example', role: 'super_admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  it('an export holds each kind of row held about the person, never the password hash', async () => {
    const person = await seedPerson(t.db, root, 'EXP', 2019);
    const data = await exportPersonalData(t.db, person.matricule);
    expect(data.account).toMatchObject({ id: person.id, email: person.email, matricule: person.matricule, has_password: true });
    expect(data.account).not.toHaveProperty('mot_de_passe_hash');
    expect(JSON.stringify(data)).not.toContain('$argon2id');
    expect(data.contacts).toEqual([
      expect.objectContaining({ nom_organisation: 'Sonatel EXP', email_professionnel: person.email_professionnel }),
    ]);
    expect(data.group_memberships).toEqual([expect.objectContaining({ nom_groupe: 'Promo EXP', role_membre: 'admin' })]);
    expect(data.messages.map((m) => m.texte)).toEqual(expect.arrayContaining(person.message_texts));
    expect(data.offers_created.map((o) => `${o.type} ${o.titre}`).sort()).toEqual([
      'emploi Emploi EXP',
      'formation Formation EXP',
      'stage Stage EXP',
    ]);
    expect(data.offers_created[0]).not.toHaveProperty('search_vector');
    expect(data.groups_created).toEqual([expect.objectContaining({ nom_groupe: 'Promo EXP' })]);
    expect(data.moderation_decisions).toEqual([expect.objectContaining({ queue: 'formations', est_approuve: true })]);
    expect(data.imports).toEqual([
      expect.objectContaining({ id: person.importId, file_name: 'promo-EXP.csv', touched_them: true, run_by_them: false }),
      expect.objectContaining({ id: person.ownImportId, file_name: 'promo-EXP-suite.csv', touched_them: false, run_by_them: true }),
    ]);
    // Created, e-mail changed, the import's change and its undoing; their contact, membership, two messages.
    expect(data.audit_about.filter((a) => a.table_name === 'utilisateur')).toHaveLength(4);
    expect(data.audit_about.map((a) => a.table_name)).toEqual(expect.arrayContaining(['contact_organisation', 'membre_groupe', 'message']));
    expect([...new Set(data.audit_by.map((a) => a.table_name))].sort()).toEqual(
      [
        'contact_organisation',
        'emploi',
        'formation',
        'groupe',
        'membre_groupe',
        'message',
        'organisation',
        'stage',
        'validation_formation',
      ].sort(),
    );
    expect(data.audit_by.every((a) => a.utilisateur_id === person.id)).toBe(true);
  });

  it('erase leaves none of their values in any column of any table, keeps the statistics, and is audited with the actor', async () => {
    const person = await seedPerson(t.db, root, 'ERA', 2020);
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Promo 2020 A', matricule: 'P20-A', annee_sortie: 2020, travailleur: false },
        { nom_complet: 'Promo 2020 B', matricule: 'P20-B', annee_sortie: 2020, travailleur: true },
      ])
      .execute();
    await runJob(t.db, 'refresh-stats', 'alumni/test jobs run refresh-stats');
    const stats = () => sql`select * from stats_emploi_par_annee order by annee_sortie`.execute(t.db).then((r) => r.rows);
    const before = await stats();
    expect(await findValues(t.db, person.values)).not.toEqual([]);

    const plan = await planErasure(t.db, session(), person.matricule);
    expect(plan.nothing_to_do).toBe(false);
    expect(plan.account).toEqual(
      expect.arrayContaining(['nom_complet', 'email', 'matricule', 'telephone', 'mot_de_passe_hash', 'role', 'est_actif']),
    );
    expect(plan.rows).toMatchObject({ contact_organisation: 1, message: 2, stage: 1 });
    expect(await countRows(t.db, 'utilisateur', sql`efface_le is not null`)).toBe(0);
    const done = await erase(t.db, session(), plan);
    expect(done).toEqual(plan);

    expect(await findValues(t.db, person.values)).toEqual([]);
    const account = await t.db.selectFrom('utilisateur').selectAll().where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({
      nom_complet: ERASED_NAME,
      email: null,
      matricule: null,
      telephone: null,
      photo_profil_url: null,
      mot_de_passe_hash: null,
      est_actif: false,
      role: 'user',
      statut: 'etudiant',
      annee_sortie: 2020,
      domaine: 'Informatique',
      travailleur: true,
    });
    expect(account.efface_le).toBeInstanceOf(Date);
    const messages = await t.db.selectFrom('message').select(['texte', 'fichier_url']).where('utilisateur_id', '=', person.id).execute();
    expect(messages).toEqual([
      { texte: '(message effacé)', fichier_url: null },
      { texte: '(message effacé)', fichier_url: null },
    ]);

    await runJob(t.db, 'refresh-stats', 'alumni/test jobs run refresh-stats');
    expect(await stats()).toEqual(before);

    const [entry] = await listAudit(t.db, { table: 'utilisateur', actor: root.id }, 1);
    expect(entry).toMatchObject({
      action: 'UPDATE',
      utilisateur_id: root.id,
      user_agent: 'alumni/test users erase',
      acteur: 'direction@ecole.example',
    });
    expect(entry!.nouveau_data).toMatchObject({ id: person.id, est_actif: false, role: 'user', statut: 'etudiant', annee_sortie: 2020 });
    expect((entry!.nouveau_data as { efface_le: string }).efface_le).toEqual(expect.any(String));
    expect(entry!.ancien_data).toMatchObject({ est_actif: true, role: 'admin', efface_le: null, nom_complet: '(effacé)' });
    // Old entries keep who, when, the table and the action.
    const created = await t.db
      .selectFrom('audit_log')
      .select(['utilisateur_id', 'action', 'user_agent'])
      .where('table_name', '=', 'utilisateur')
      .where(sql<boolean>`nouveau_data->>'id' = ${person.id}`)
      .where('action', '=', 'INSERT')
      .executeTakeFirstOrThrow();
    expect(created).toEqual({ utilisateur_id: root.id, action: 'INSERT', user_agent: 'alumni/test users add' });

    // Twice: nothing to do, nothing written.
    const audit = await countRows(t.db, 'audit_log');
    const again = await planErasure(t.db, session(), person.id);
    expect(again).toEqual({ id: person.id, account: [], rows: {}, nothing_to_do: true });
    await erase(t.db, session(), again);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('an admin may not erase an administrator, the last super_admin included (77); the last active super_admin cannot be erased (2); nobody erases themselves', async () => {
    const admin = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Admin simple', email: 'simple@ecole.example', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const asAdmin: WriteSession = { actorId: admin.id, actorRole: 'admin', userAgent: 'alumni/test users erase' };
    // Permission first: an admin is told they may not, not what a super_admin would be told.
    await expect(planErasure(t.db, asAdmin, 'direction@ecole.example')).rejects.toMatchObject({
      exitCode: 77,
      message: 'This account has role super_admin; only a super_admin may erase it.',
    });
    // A super_admin (here one whose account was deactivated since) erasing the last active one.
    const former = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Ancienne direction', email: 'ancienne.direction@ecole.example', role: 'super_admin', est_actif: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const asFormer: WriteSession = { actorId: former.id, actorRole: 'super_admin', userAgent: 'alumni/test users erase' };
    await expect(planErasure(t.db, asFormer, 'direction@ecole.example')).rejects.toMatchObject({
      exitCode: 2,
      message: 'This is the last active super_admin; make another one first.',
    });
    await expect(planErasure(t.db, session(), 'simple@ecole.example')).resolves.toMatchObject({ nothing_to_do: false });
    const other = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Autre admin', email: 'autre@ecole.example', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(planErasure(t.db, asAdmin, other.id)).rejects.toMatchObject({ exitCode: 77 });
    await expect(planErasure(t.db, asAdmin, admin.id)).rejects.toMatchObject({ exitCode: 2 });
  });

  it('a digits-only matricule inside numbers, uuids and timestamps of other entries leaves them byte-identical, and the erase succeeds', async () => {
    const matricule = '12500';
    const person = await writeAs(t.db, session(), (trx) =>
      trx
        .insertInto('utilisateur')
        .values({ nom_complet: 'Moussa Diop', matricule, email: 'moussa.diop@perso.example' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    // Other rows whose entries hold 12500 as a number, inside a uuid, inside a timestamp,
    // and inside a longer string: none of them is the person's value.
    const formation = 'a1250000-0000-4000-8000-000000000001';
    const organisation = 'b0000000-0000-4000-8000-000000125000';
    await writeAs(t.db, session(), async (trx) => {
      await trx
        .insertInto('formation')
        .values({
          id: formation,
          titre: 'Formation chiffrée',
          type_formation: 'en_ligne',
          est_payante: true,
          prix: '12500.00',
          devise: 'XOF',
          created_at: sql<Date>`'2030-01-01 10:00:00.125004+00'::timestamptz`,
        })
        .execute();
      await trx
        .insertInto('organisation')
        .values({ id: organisation, nom_organisation: 'Cabinet 12500 Conseil', type_organisation: 'entreprise' })
        .execute();
    });
    const run = await t.db
      .insertInto('alumni_admin.import_run')
      .values({
        file_name: 'promo.csv',
        mode: 'insert',
        status: 'failed',
        error: 'ligne 4: matricule 12500 (MOUSSA.DIOP@PERSO.EXAMPLE) déjà pris; ligne 125001 ignorée',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const others = () =>
      sql<{ id: string; ancien: string | null; nouveau: string | null }>`
        select id, ancien_data::text as ancien, nouveau_data::text as nouveau from audit_log
         where coalesce(nouveau_data, ancien_data)->>'id' in (${formation}, ${organisation}) order by id`
        .execute(t.db)
        .then((r) => r.rows);
    const before = await others();
    expect(before).toHaveLength(2);
    expect(before.map((e) => e.nouveau).join()).toMatch(/"prix": 12500\.00.*12500/);

    const plan = await planErasure(t.db, session(), matricule);
    await expect(erase(t.db, session(), plan)).resolves.toMatchObject({ nothing_to_do: false });
    expect(await others()).toEqual(before);
    // Free text: the value where it stands alone, case ignored, not inside a longer number.
    expect(await t.db.selectFrom('alumni_admin.import_run').select('error').where('id', '=', run.id).executeTakeFirstOrThrow()).toEqual({
      error: 'ligne 4: matricule (effacé) ((effacé)) déjà pris; ligne 125001 ignorée',
    });
    expect(await findValues(t.db, ['moussa.diop@perso.example', 'Moussa Diop'])).toEqual([]);
    const account = await t.db
      .selectFrom('utilisateur')
      .select(['matricule', 'efface_le'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(account.matricule).toBeNull();
    expect(account.efface_le).toBeInstanceOf(Date);
  });

  it("only the offers they created lose a contact that is theirs (e-mails matched ignoring case, in the audit too); others' offers and organisations keep it", async () => {
    const person = await seedPerson(t.db, root, 'SHR', 2021);
    const shared = person.email_professionnel.toUpperCase();
    const ids = await writeAs(t.db, session(), async (trx) => {
      const theirs = await trx
        .insertInto('emploi')
        .values({ titre: 'Emploi à elle', type_emploi: 'hybride', createur_id: person.id, email_contact: person.email.toUpperCase() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const others = await trx
        .insertInto('stage')
        .values({
          titre: 'Stage de la direction',
          type_stage: 'professionnel',
          createur_id: root.id,
          email_contact: shared,
          telephone_contact: person.telephone_professionnel,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const org = await trx
        .insertInto('organisation')
        .values({ nom_organisation: 'Sonatel SHR siège', type_organisation: 'entreprise', email_general: person.email_professionnel })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Their personal e-mail, in another case and with spaces, once on an offer of the direction's, since changed.
      const changed = await trx
        .insertInto('emploi')
        .values({ titre: 'Emploi corrigé', type_emploi: 'hybride', createur_id: root.id, email_contact: ` ${person.email.toUpperCase()} ` })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { theirs: theirs.id, others: others.id, org: org.id, changed: changed.id };
    });
    await writeAs(t.db, session(), (trx) =>
      trx.updateTable('emploi').set({ email_contact: 'rh@ecole.example' }).where('id', '=', ids.changed).execute(),
    );

    const plan = await planErasure(t.db, session(), person.id);
    expect(plan.rows).toMatchObject({ stage: 1, emploi: 1 });
    await erase(t.db, session(), plan);

    const contact = (table: 'stage' | 'emploi', id: string) =>
      t.db.selectFrom(table).select(['email_contact', 'telephone_contact']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await contact('emploi', ids.theirs)).toEqual({ email_contact: null, telephone_contact: null });
    expect(await contact('stage', ids.others)).toEqual({ email_contact: shared, telephone_contact: person.telephone_professionnel });
    expect(await t.db.selectFrom('organisation').select('email_general').where('id', '=', ids.org).executeTakeFirstOrThrow()).toEqual({
      email_general: person.email_professionnel,
    });
    const created = await t.db
      .selectFrom('audit_log')
      .select(sql<string>`nouveau_data->>'email_contact'`.as('email_contact'))
      .where('table_name', '=', 'emploi')
      .where('action', '=', 'INSERT')
      .where(sql<boolean>`nouveau_data->>'id' = ${ids.changed}`)
      .executeTakeFirstOrThrow();
    expect(created.email_contact).toBe('(effacé)');
    // What stays is the shared address, on the rows that keep it, and nowhere else.
    expect(await findValues(t.db, [person.email, person.nom_complet, person.matricule])).toEqual([]);
    expect(await findValues(t.db, [person.email_professionnel])).toEqual([
      'public.organisation.email_general: ' + person.email_professionnel,
      'public.stage.email_contact: ' + person.email_professionnel,
    ]);
  });

  it('a plan made before someone else erased the person writes nothing, not even a new version of the account row', async () => {
    const person = await seedPerson(t.db, root, 'STL', 2021);
    const plan = await planErasure(t.db, session(), person.id);
    await erase(t.db, session(), await planErasure(t.db, session(), person.id));
    const audit = await countRows(t.db, 'audit_log');
    const version = () =>
      sql<{ xmin: string }>`select xmin::text as xmin from utilisateur where id = ${person.id}`.execute(t.db).then((r) => r.rows[0]!.xmin);
    const erasedVersion = await version();
    await expect(erase(t.db, session(), plan)).resolves.toMatchObject({ nothing_to_do: true, account: [], rows: {} });
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    expect(await version()).toBe(erasedVersion);
  });

  it('the audit keeps actor ids after an account is deleted, and shows an erased actor as erased', async () => {
    const gone = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Partie', email: 'partie@ecole.example', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const erased = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Effacée', email: 'effacee@ecole.example', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const actor of [gone, erased]) {
      await writeAsActor(actor.id);
    }
    await t.db.deleteFrom('utilisateur').where('id', '=', gone.id).execute();
    await erase(t.db, session(), await planErasure(t.db, session(), erased.id));
    const byGone = await listAudit(t.db, { table: 'annee_reference', actor: undefined }, 10);
    const entryOf = (id: string) => byGone.find((e) => e.utilisateur_id === id);
    expect(entryOf(gone.id)).toMatchObject({ utilisateur_id: gone.id, acteur: null });
    expect(entryOf(erased.id)).toMatchObject({ utilisateur_id: erased.id, acteur: ERASED_ACTOR });
    expect(await showAudit(t.db, entryOf(gone.id)!.id)).toMatchObject({ utilisateur_id: gone.id });
    expect(await countRows(t.db, 'audit_log', sql`utilisateur_id = ${gone.id}`)).toBeGreaterThan(0);
  });

  async function writeAsActor(actorId: string): Promise<void> {
    const year = 2100 + (await countRows(t.db, 'annee_reference'));
    await writeAs(t.db, { actorId, userAgent: 'alumni/test' }, (trx) =>
      trx.insertInto('annee_reference').values({ annee: year }).execute(),
    );
  }
});
