import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WriteSession } from '../../src/db/session.js';
import { addContact, removeContact, setPrincipal } from '../../src/services/org-contacts.js';
import { findDuplicates, mergeOrgs } from '../../src/services/org-merge.js';
import { addOrg, updateOrg } from '../../src/services/org-writes.js';
import { listOrgs, searchOrgs, showOrg } from '../../src/services/orgs.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

describe.each(BACKENDS)('organisations on the %s back end', (backend) => {
  let t: TestDatabase;
  let session: WriteSession;
  const principals = (organisationId: string) =>
    t.db
      .selectFrom('contact_organisation as c')
      .innerJoin('utilisateur as u', 'u.id', 'c.utilisateur_id')
      .select('u.matricule')
      .where('c.organisation_id', '=', organisationId)
      .where('c.est_contact_principal', '=', true)
      .execute();

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const admin = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Admin Org', matricule: 'ORG-ADM', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    session = { actorId: admin.id, userAgent: 'alumni/test orgs' };
    await t.db
      .insertInto('organisation')
      .values([
        {
          nom_organisation: 'École Polytechnique de Cotonou',
          type_organisation: 'institution_publique',
          ville: 'Cotonou',
          pays: 'Bénin',
          statut: 'active',
          description: 'Formation des ingénieurs et recherche appliquée.',
        },
        {
          nom_organisation: 'Orange Bénin',
          type_organisation: 'entreprise',
          secteur_activite: 'Télécommunications',
          ville: 'Cotonou',
          pays: 'Bénin',
          statut: 'active',
          description: 'Opérateur de télécommunications mobiles.',
        },
        { nom_organisation: 'Sans Description SARL', type_organisation: 'startup', ville: 'Dakar', pays: 'Sénégal', statut: 'en_attente' },
        {
          nom_organisation: 'Association des Développeurs',
          type_organisation: 'association',
          ville: 'Lomé',
          statut: 'inactive',
          description: 'Des développeurs qui développent ensemble.',
        },
      ])
      .execute();
    await t.db
      .insertInto('utilisateur')
      .values(Array.from({ length: 6 }, (_, i) => ({ nom_complet: `Contact ${i}`, matricule: `CT-${i}`, email: `contact${i}@exemple.bj` })))
      .execute();
  });
  afterAll(() => t.close());

  it('lists every status unless filtered; filters ignore case and accents; pages by keyset', async () => {
    const all = await listOrgs(t.db, {}, { limit: 50 });
    const names = ['Association des Développeurs', 'École Polytechnique de Cotonou', 'Orange Bénin', 'Sans Description SARL'];
    // In French alphabetical order on both back ends, whatever the collation (C.UTF-8 here
    // would put É after S): case and accents aside first.
    expect(all.items.map((o) => o.nom_organisation)).toEqual(names);
    expect((await listOrgs(t.db, { statut: 'active' }, { limit: 50 })).items).toHaveLength(2);
    expect((await listOrgs(t.db, { pays: 'BENIN', type: 'entreprise' }, { limit: 50 })).items.map((o) => o.nom_organisation)).toEqual([
      'Orange Bénin',
    ]);
    expect((await listOrgs(t.db, { secteur: 'telecommunications' }, { limit: 50 })).items).toHaveLength(1);
    expect((await listOrgs(t.db, { search: 'ecole' }, { limit: 50 })).items.map((o) => o.nom_organisation)).toEqual([
      'École Polytechnique de Cotonou',
    ]);
    const first = await listOrgs(t.db, {}, { limit: 3 });
    expect(first.next_after).not.toBeNull();
    const second = await listOrgs(t.db, {}, { limit: 3, after: first.next_after! });
    expect(second).toEqual({ items: [expect.objectContaining({ nom_organisation: names[3] })], next_after: null });
    expect([...first.items, ...second.items].map((o) => o.id)).toEqual(all.items.map((o) => o.id));
  });

  it('searches in French: stemmed, accents ignored, found by name without a description, best first', async () => {
    expect((await searchOrgs(t.db, 'ecole', { limit: 10 })).items.map((o) => o.nom_organisation)).toEqual([
      'École Polytechnique de Cotonou',
    ]);
    const developers = await searchOrgs(t.db, 'developpeur', { limit: 10 });
    expect(developers.items.map((o) => o.nom_organisation)).toEqual(['Association des Développeurs']);
    expect(developers.items[0]!.excerpt).toMatch(/«[Dd]éveloppeurs»/);
    expect((await searchOrgs(t.db, 'description sarl', { limit: 10 })).items.map((o) => o.nom_organisation)).toEqual([
      'Sans Description SARL',
    ]);
    // The name weighs more than the description: "télécommunications" is Orange's sector and description.
    const cotonou = await searchOrgs(t.db, 'cotonou', { limit: 10 });
    expect(cotonou.items.map((o) => o.nom_organisation)).toEqual(['École Polytechnique de Cotonou', 'Orange Bénin']);
    expect(cotonou.items[0]!.rank).toBeGreaterThan(cotonou.items[1]!.rank);
    const page = await searchOrgs(t.db, 'cotonou', { limit: 1 });
    expect((await searchOrgs(t.db, 'cotonou', { limit: 1, after: page.next_after! })).items.map((o) => o.nom_organisation)).toEqual([
      'Orange Bénin',
    ]);
  });

  it('adds with checked values, and a refused value writes nothing', async () => {
    const before = await countRows(t.db, 'organisation');
    for (const bad of [
      { site_web: 'ftp://exemple.bj' },
      { site_web: 'pas une adresse' },
      { email_general: 'contact.at.exemple' },
      { telephone_general: '12', country: 'BJ' as const },
    ]) {
      await expect(addOrg(t.db, session, { nom_organisation: 'Refusée', type_organisation: 'entreprise', ...bad })).rejects.toMatchObject({
        exitCode: 2,
      });
    }
    expect(await countRows(t.db, 'organisation')).toBe(before);
    const added = await addOrg(t.db, session, {
      nom_organisation: 'MTN Bénin',
      type_organisation: 'entreprise',
      site_web: 'https://www.mtn.bj',
      email_general: 'Contact@MTN.bj',
      telephone_general: '97 12 34 56',
      country: 'BJ',
      date_creation: '2000-06-01',
    });
    expect(added).toMatchObject({
      statut: 'active',
      email_general: 'contact@mtn.bj',
      telephone_general: '+2290197123456',
      date_creation: '2000-06-01',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['utilisateur_id', 'user_agent'])
      .where('table_name', '=', 'organisation')
      .where('action', '=', 'INSERT')
      .where(sql<boolean>`nouveau_data->>'id' = ${added.id}`)
      .execute();
    expect(audit).toEqual([{ utilisateur_id: session.actorId, user_agent: 'alumni/test orgs' }]);
  });

  it('updates only what is given; an unchanged value writes nothing', async () => {
    const { org, changed } = await updateOrg(t.db, session, 'orange benin', { ville: 'Porto-Novo' });
    expect(changed).toBe(true);
    expect(org).toMatchObject({ ville: 'Porto-Novo', secteur_activite: 'Télécommunications' });
    const version = async () =>
      (await sql<{ xmin: string }>`select xmin::text as xmin from organisation where id = ${org.id}`.execute(t.db)).rows[0]!.xmin;
    const before = await version();
    const audit = await countRows(t.db, 'audit_log');
    expect((await updateOrg(t.db, session, org.id, { ville: 'Porto-Novo', type_organisation: 'entreprise' })).changed).toBe(false);
    expect(await version()).toBe(before);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
    await expect(updateOrg(t.db, session, 'Orange Bénin', { site_web: 'gopher://x' })).rejects.toMatchObject({ exitCode: 2 });
    await expect(updateOrg(t.db, session, 'Nulle Part', { ville: 'X' })).rejects.toMatchObject({ exitCode: 4 });
  });

  it('shows the fields, the contacts and the offers counted', async () => {
    const org = (await listOrgs(t.db, { search: 'Polytechnique' }, { limit: 1 })).items[0]!;
    await t.db
      .insertInto('stage')
      .values([
        { titre: 'Stage A', type_stage: 'professionnel', organisation_id: org.id },
        { titre: 'Stage B', type_stage: 'professionnel', organisation_id: org.id, statut: 'pourvue' },
      ])
      .execute();
    await addContact(t.db, session, org.id, 'CT-0', { role: 'contact_stage', principal: true });
    const shown = await showOrg(t.db, 'ÉCOLE POLYTECHNIQUE DE COTONOU');
    expect(shown.contacts).toEqual([
      expect.objectContaining({ matricule: 'CT-0', role_contact: 'contact_stage', est_contact_principal: true }),
    ]);
    expect(shown.offers).toEqual([
      { kind: 'stage', statut: 'active', count: 1 },
      { kind: 'stage', statut: 'pourvue', count: 1 },
    ]);
  });

  it('keeps exactly one principal contact when six set-principal calls race', async () => {
    const org = await addOrg(t.db, session, { nom_organisation: 'Course au Principal', type_organisation: 'ONG' });
    for (let i = 0; i < 6; i += 1) await addContact(t.db, session, org.id, `CT-${i}`, { role: 'employe', principal: i === 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => setPrincipal(t.db, session, org.id, `contact${i}@exemple.bj`)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await principals(org.id)).toHaveLength(1);
    // add --principal moves it too; removing the principal leaves none.
    await addContact(t.db, session, 'Course au Principal', 'ORG-ADM', { role: 'representant_legal', principal: true });
    expect(await principals(org.id)).toEqual([{ matricule: 'ORG-ADM' }]);
    expect(await removeContact(t.db, session, org.id, 'ORG-ADM')).toEqual({ wasPrincipal: true });
    expect(await principals(org.id)).toEqual([]);
  });

  it('refuses a second contact row for one person, an unknown person (4) and bad contact values (2)', async () => {
    const org = await addOrg(t.db, session, { nom_organisation: 'Contacts Stricts', type_organisation: 'entreprise' });
    await addContact(t.db, session, org.id, 'CT-1', { role: 'contact_rh', principal: false });
    await expect(addContact(t.db, session, org.id, 'CT-1', { role: 'employe', principal: false })).rejects.toMatchObject({ exitCode: 2 });
    await expect(addContact(t.db, session, org.id, 'personne@nulle.part', { role: 'employe', principal: false })).rejects.toMatchObject({
      exitCode: 4,
    });
    await expect(
      addContact(t.db, session, org.id, 'CT-2', { role: 'employe', principal: false, debut: '2025-01-01', fin: '2024-01-01' }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(setPrincipal(t.db, session, org.id, 'CT-3')).rejects.toMatchObject({ exitCode: 4 });
    expect(await countRows(t.db, 'contact_organisation', sql`organisation_id = ${org.id}`)).toBe(1);
  });
});

describe.each(BACKENDS)('duplicate organisations and their merge on the %s back end', (backend) => {
  let t: TestDatabase;
  let session: WriteSession;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const admin = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Admin Fusion', matricule: 'FUS-ADM', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    session = { actorId: admin.id, userAgent: 'alumni/test orgs merge' };
    await t.db
      .insertInto('organisation')
      .values([
        { nom_organisation: 'Orange Bénin', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'ORANGE BENIN S.A.', type_organisation: 'entreprise', statut: 'en_attente' },
        { nom_organisation: 'MTN Bénin', type_organisation: 'entreprise', site_web: 'https://www.mtn.bj', statut: 'active' },
        { nom_organisation: 'Spacetel Bénin', type_organisation: 'entreprise', site_web: 'http://mtn.bj/contact', statut: 'active' },
        {
          nom_organisation: 'Société Béninoise des Eaux',
          type_organisation: 'entreprise',
          email_general: 'info@sbee.bj',
          statut: 'active',
        },
        { nom_organisation: 'SBEE Direction', type_organisation: 'entreprise', email_general: 'direction@SBEE.bj', statut: 'active' },
        { nom_organisation: 'Club Gmail A', type_organisation: 'association', email_general: 'a@gmail.com', statut: 'active' },
        { nom_organisation: 'Bureau Gmail B', type_organisation: 'association', email_general: 'b@gmail.com', statut: 'active' },
        { nom_organisation: 'Ecobank Togo', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'Ecobank Togoo', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'Déjà Fusionnée', type_organisation: 'entreprise', statut: 'inactive' },
        { nom_organisation: 'Acme Group SA', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'ACME', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'S.A.R.L.', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'SA', type_organisation: 'entreprise', statut: 'active' },
        { nom_organisation: 'DEJA FUSIONNEE', type_organisation: 'entreprise', statut: 'active' },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('finds the likely duplicates with their reason, and not unrelated or inactive ones', async () => {
    const pairs = await findDuplicates(t.db);
    const described = pairs.map((p) => [[p.a_nom, p.b_nom].sort().join(' ~ '), p.reasons]).sort();
    expect(described).toEqual([
      ['ACME ~ Acme Group SA', ['same name once normalised']],
      ['Ecobank Togo ~ Ecobank Togoo', [expect.stringMatching(/^similar names \(0\.\d+\)$/)]],
      ['MTN Bénin ~ Spacetel Bénin', ['same website domain']],
      ['ORANGE BENIN S.A. ~ Orange Bénin', ['same name once normalised']],
      ['SBEE Direction ~ Société Béninoise des Eaux', ['same e-mail domain']],
    ]);
  });

  it('merges DROP into KEEP: contacts and offers move exactly once, one principal, DROP inactive, audited; a dry run changes nothing', async () => {
    const org = (name: string) =>
      t.db.selectFrom('organisation').select(['id', 'statut']).where('nom_organisation', '=', name).executeTakeFirstOrThrow();
    const keep = await org('Orange Bénin');
    const drop = await org('ORANGE BENIN S.A.');
    const people = await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Principal Keep', matricule: 'PK' },
        { nom_complet: 'Principal Drop', matricule: 'PD' },
        { nom_complet: 'Les Deux', matricule: 'LD' },
      ])
      .returning(['id', 'matricule'])
      .execute();
    const id = (m: string) => people.find((p) => p.matricule === m)!.id;
    await t.db
      .insertInto('contact_organisation')
      .values([
        { organisation_id: keep.id, utilisateur_id: id('PK'), role_contact: 'contact_rh', est_contact_principal: true },
        { organisation_id: keep.id, utilisateur_id: id('LD'), role_contact: 'employe' },
        { organisation_id: drop.id, utilisateur_id: id('PD'), role_contact: 'representant_legal', est_contact_principal: true },
        { organisation_id: drop.id, utilisateur_id: id('LD'), role_contact: 'employe' },
      ])
      .execute();
    await t.db
      .insertInto('stage')
      .values([{ titre: 'Stage réseau', type_stage: 'professionnel', organisation_id: drop.id }])
      .execute();
    await t.db
      .insertInto('emploi')
      .values([{ titre: 'Ingénieur', type_emploi: 'temps_plein_terrain', organisation_id: drop.id }])
      .execute();

    const state = async () => ({
      contacts: await countRows(t.db, 'contact_organisation', sql`organisation_id = ${keep.id}`),
      left: await countRows(t.db, 'contact_organisation', sql`organisation_id = ${drop.id}`),
      offers:
        (await countRows(t.db, 'stage', sql`organisation_id = ${keep.id}`)) +
        (await countRows(t.db, 'emploi', sql`organisation_id = ${keep.id}`)),
      audit: await countRows(t.db, 'audit_log'),
    });
    const before = await state();
    const dry = await mergeOrgs(t.db, session, 'Orange Bénin', drop.id, true);
    expect(await state()).toEqual(before);
    expect((await org('ORANGE BENIN S.A.')).statut).toBe('en_attente');

    const report = await mergeOrgs(t.db, session, 'Orange Bénin', drop.id, false);
    expect(report).toMatchObject({
      contacts_moved: 1,
      contacts_already_there: 1,
      principal: 'PK',
      offers_moved: { stage: 1, formation: 0, emploi: 1 },
      dry_run: false,
    });
    expect(dry).toEqual({ ...report, dry_run: true });
    expect(await state()).toMatchObject({ contacts: 3, left: 0, offers: 2 });
    const principal = await t.db
      .selectFrom('contact_organisation')
      .select('utilisateur_id')
      .where('organisation_id', '=', keep.id)
      .where('est_contact_principal', '=', true)
      .execute();
    expect(principal).toEqual([{ utilisateur_id: id('PK') }]);
    expect((await org('ORANGE BENIN S.A.')).statut).toBe('inactive');
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['table_name', 'action'])
      .where('user_agent', '=', 'alumni/test orgs merge')
      .execute();
    expect(audited.map((a) => `${a.table_name} ${a.action}`).sort()).toEqual([
      'contact_organisation DELETE',
      'contact_organisation UPDATE',
      'contact_organisation UPDATE',
      'emploi UPDATE',
      'organisation UPDATE',
      'stage UPDATE',
    ]);
    // Merged once: again, nothing is left to move; the pair is no longer a duplicate.
    expect(await mergeOrgs(t.db, session, keep.id, drop.id, false)).toMatchObject({
      contacts_moved: 0,
      offers_moved: { stage: 0, formation: 0, emploi: 0 },
    });
    expect((await findDuplicates(t.db)).some((p) => [p.a_id, p.b_id].includes(drop.id))).toBe(false);
    await expect(mergeOrgs(t.db, session, keep.id, keep.id, false)).rejects.toMatchObject({ exitCode: 2 });
  });

  it("KEEP without a principal takes DROP's, whether or not that person is its contact already; an inactive KEEP is refused", async () => {
    const people = await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Des Deux', matricule: 'P-BOTH' },
        { nom_complet: 'De Drop', matricule: 'P-DROP' },
      ])
      .returning(['id', 'matricule'])
      .execute();
    const person = (m: string) => people.find((p) => p.matricule === m)!.id;
    const pair = async (name: string) =>
      (
        await t.db
          .insertInto('organisation')
          .values([
            { nom_organisation: `${name} Garde`, type_organisation: 'entreprise', statut: 'active' },
            { nom_organisation: `${name} Doublon`, type_organisation: 'entreprise', statut: 'active' },
          ])
          .returning('id')
          .execute()
      ).map((o) => o.id) as [string, string];
    const principalOf = async (organisationId: string) =>
      (
        await t.db
          .selectFrom('contact_organisation')
          .select('utilisateur_id')
          .where('organisation_id', '=', organisationId)
          .where('est_contact_principal', '=', true)
          .execute()
      ).map((c) => c.utilisateur_id);

    const [keepA, dropA] = await pair('Cas A');
    await t.db
      .insertInto('contact_organisation')
      .values([
        { organisation_id: keepA, utilisateur_id: person('P-BOTH'), role_contact: 'employe' },
        { organisation_id: dropA, utilisateur_id: person('P-BOTH'), role_contact: 'employe', est_contact_principal: true },
      ])
      .execute();
    await mergeOrgs(t.db, session, keepA, dropA, false);
    expect(await principalOf(keepA)).toEqual([person('P-BOTH')]);

    const [keepB, dropB] = await pair('Cas B');
    await t.db
      .insertInto('contact_organisation')
      .values({ organisation_id: dropB, utilisateur_id: person('P-DROP'), role_contact: 'employe', est_contact_principal: true })
      .execute();
    await mergeOrgs(t.db, session, keepB, dropB, false);
    expect(await principalOf(keepB)).toEqual([person('P-DROP')]);

    // The other way round, after the first merge: KEEP is the inactive one now.
    await expect(mergeOrgs(t.db, session, dropB, keepB, false)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/inactive/),
    });
  });
});
