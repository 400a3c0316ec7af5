import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constraintViolation } from '../../src/db/constraints.js';
import type { DB } from '../../src/db/schema.js';
import type { WriteSession } from '../../src/db/session.js';
import { runJob } from '../../src/services/jobs.js';
import { addOffer, closeOffers, extendOffer, type OfferInput } from '../../src/services/offer-writes.js';
import { expiringOffers, listOffers, searchOffers, showOffer, type OfferFilters } from '../../src/services/offers.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';

const UA = 'alumni/test offers';

/** An admin who acts, an author who posted the offers, two organisations. */
async function seedPeople(db: Kysely<DB>) {
  const users = await db
    .insertInto('utilisateur')
    .values([
      { nom_complet: 'Admin Offres', matricule: 'OFF-ADM', email: 'admin@ecole.example', role: 'admin' },
      { nom_complet: 'Awa Ndiaye', matricule: 'OFF-AUT', email: 'awa@exemple.sn' },
    ])
    .returning(['id', 'matricule'])
    .execute();
  const orgs = await db
    .insertInto('organisation')
    .values([
      { nom_organisation: 'Sonatel', type_organisation: 'entreprise', ville: 'Dakar' },
      { nom_organisation: 'Orange Bénin', type_organisation: 'entreprise', ville: 'Cotonou' },
    ])
    .returning(['id', 'nom_organisation'])
    .execute();
  const user = (m: string) => users.find((u) => u.matricule === m)!.id;
  const org = (n: string) => orgs.find((o) => o.nom_organisation === n)!.id;
  return { admin: user('OFF-ADM'), author: user('OFF-AUT'), sonatel: org('Sonatel'), orange: org('Orange Bénin') };
}

/** Ids of rows whose titre is given, per table: seeded by SQL, found by title. */
async function idOf(db: Kysely<DB>, table: 'stage' | 'formation' | 'emploi', titre: string): Promise<string> {
  return (await db.selectFrom(table).select('id').where('titre', '=', titre).executeTakeFirstOrThrow()).id;
}

describe.each(BACKENDS)('offers on the %s back end', (backend) => {
  let t: TestDatabase;
  let session: WriteSession;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  const titles = async (filters: OfferFilters) => (await listOffers(t.db, filters, { limit: 100 })).items.map((o) => o.titre).sort();

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    people = await seedPeople(t.db);
    session = { actorId: people.admin, userAgent: UA };
    const { author, sonatel, orange } = people;
    // Dates relative to the database's today: the states they give never depend on the day the test runs.
    await sql`
      insert into stage (titre, type_stage, statut, lieu, organisation_id, createur_id, date_debut, date_fin, description) values
        ('Stage développeur backend', 'professionnel', 'active', 'Dakar, Plateau', ${sonatel}, ${author}, current_date - 10, current_date + 30, 'API et bases de données'),
        ('Stage comptabilité', 'academique', 'expiree', 'Thiès', ${sonatel}, ${author}, current_date - 90, current_date - 30, null),
        ('Stage maintenance', 'ouvrier', 'pourvue', 'Cotonou', ${orange}, ${author}, current_date + 40, current_date + 60, null)`.execute(
      t.db,
    );
    await sql`
      insert into emploi (titre, type_emploi, statut, lieu, organisation_id, createur_id, date_publication, date_expiration, description) values
        ('Ingénieur réseau', 'temps_plein_terrain', 'active', 'Cotonou', ${orange}, ${author}, current_date - 5, current_date + 20,
         'Nous cherchons des développeurs réseau expérimentés'),
        ('Chargé de clientèle', 'temps_partiel_ligne', 'pourvue', 'Dakar', ${sonatel}, ${author}, current_date - 50, null, null)`.execute(
      t.db,
    );
    await sql`
      insert into formation (titre, type_formation, est_valide, lieu, organisation_id, createur_id, date_debut, date_fin) values
        ('Formation Python', 'en_ligne', true, 'En ligne', ${sonatel}, ${author}, current_date + 5, current_date + 15),
        ('Formation Excel', 'presentiel', true, 'Dakar', ${sonatel}, ${author}, current_date - 20, current_date - 1),
        ('Formation en attente', 'hybride', false, 'Lomé', null, ${author}, null, null),
        ('Formation refusée', 'hybride', false, 'Lomé', null, ${author}, null, null)`.execute(t.db);
    await t.db
      .insertInto('validation_formation')
      .values({
        formation_id: await idOf(t.db, 'formation', 'Formation refusée'),
        validateur_id: people.admin,
        est_approuve: false,
        commentaire: 'Doublon',
      })
      .execute();
  });
  afterAll(() => t.close());

  it('lists every kind and every state unless filtered, with type, schema columns and the organisation name', async () => {
    const all = await listOffers(t.db, {}, { limit: 100 });
    expect(all.items).toHaveLength(9);
    expect(all.next_after).toBeNull();
    const stage = all.items.find((o) => o.titre === 'Stage développeur backend')!;
    expect(stage).toMatchObject({ type: 'stage', type_stage: 'professionnel', statut: 'active', nom_organisation: 'Sonatel' });
    expect(stage).not.toHaveProperty('search_vector');
    const emploi = all.items.find((o) => o.type === 'emploi' && o.titre === 'Ingénieur réseau')!;
    expect(emploi).toMatchObject({ type_emploi: 'temps_plein_terrain', nom_organisation: 'Orange Bénin' });
    expect(emploi).toHaveProperty('date_expiration');
    expect(all.items.find((o) => o.titre === 'Formation en attente')).toMatchObject({
      type: 'formation',
      est_valide: false,
      nom_organisation: null,
    });
  });

  it('filters by kind, state (a formation by its derived state), organisation, place, dates and title', async () => {
    expect(await titles({ type: 'emploi' })).toEqual(['Chargé de clientèle', 'Ingénieur réseau']);
    expect(await titles({ statut: 'active' })).toEqual(['Formation Python', 'Ingénieur réseau', 'Stage développeur backend']);
    expect(await titles({ statut: 'expiree' })).toEqual(['Formation Excel', 'Stage comptabilité']);
    expect(await titles({ statut: 'pourvue' })).toEqual(['Chargé de clientèle', 'Stage maintenance']);
    expect(await titles({ statut: 'en_attente' })).toEqual(['Formation en attente']);
    expect(await titles({ statut: 'refusee' })).toEqual(['Formation refusée']);
    expect(await titles({ type: 'formation', statut: 'active' })).toEqual(['Formation Python']);
    expect(await titles({ organisation: 'orange benin' })).toEqual(['Ingénieur réseau', 'Stage maintenance']);
    expect(await titles({ organisation: people.sonatel, type: 'stage' })).toEqual(['Stage comptabilité', 'Stage développeur backend']);
    expect(await titles({ lieu: 'DAKAR' })).toEqual(['Chargé de clientèle', 'Formation Excel', 'Stage développeur backend']);
    expect(await titles({ lieu: 'cotonou', statut: 'active' })).toEqual(['Ingénieur réseau']);
    expect(await titles({ search: 'developpeur' })).toEqual(['Stage développeur backend']);
  });

  it('date filters keep the offers open at some point in the period (no end date: open)', async () => {
    const day = async (offset: number) =>
      (await sql<{ d: string }>`select (current_date + ${offset}::int)::text as d`.execute(t.db)).rows[0]!.d;
    // From 35 days on: what has not ended by then (or never ends, or has no dates).
    expect(await titles({ from: await day(35) })).toEqual([
      'Chargé de clientèle',
      'Formation en attente',
      'Formation refusée',
      'Stage maintenance',
    ]);
    // Up to 25 days ago: what had started by then.
    expect(await titles({ to: await day(-25) })).toEqual([
      'Chargé de clientèle',
      'Formation en attente',
      'Formation refusée',
      'Stage comptabilité',
    ]);
    expect(await titles({ from: await day(-2), to: await day(-1), type: 'formation' })).toEqual([
      'Formation Excel',
      'Formation en attente',
      'Formation refusée',
    ]);
    // A single day is a period; a --from after --to is none, and refused rather than listing nothing.
    expect(await titles({ from: await day(-1), to: await day(-1), type: 'formation' })).toHaveLength(3);
    await expect(listOffers(t.db, { from: '2026-03-01', to: '2026-02-01' }, { limit: 10 })).rejects.toMatchObject({
      exitCode: 2,
      code: 'offers.error.empty_period',
      values: { fromField: 'from', toField: 'to', from: '2026-03-01', to: '2026-02-01' },
    });
  });

  it('pages across kinds by keyset: every offer once, newest first', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listOffers(t.db, {}, { limit: 2, after });
      seen.push(...page.items.map((o) => o.id));
      after = page.next_after ?? undefined;
      pages += 1;
    } while (after);
    const all = (await listOffers(t.db, {}, { limit: 100 })).items;
    expect(pages).toBe(5);
    expect(seen).toEqual(all.map((o) => o.id));
    expect(new Set(seen).size).toBe(all.length);
    const created = all.map((o) => o.created_at.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(all.map((o) => o.type))).toEqual(new Set(['stage', 'formation', 'emploi']));
  });

  it('searches the three kinds in French as one ranking: stemmed, accents ignored, the title first', async () => {
    const hits = await searchOffers(t.db, 'developpeurs', { limit: 20 });
    // Stage: the word in its title; emploi: in its description only.
    expect(hits.items.map((h) => [h.type, h.titre])).toEqual([
      ['stage', 'Stage développeur backend'],
      ['emploi', 'Ingénieur réseau'],
    ]);
    expect(hits.items[0]!.rank).toBeGreaterThan(hits.items[1]!.rank);
    expect(hits.items[0]!.excerpt).toContain('«développeur»');
    expect(hits.items[1]!.excerpt).toContain('«développeurs»');
    expect((await searchOffers(t.db, 'developpeurs', { type: 'emploi', limit: 20 })).items.map((h) => h.titre)).toEqual([
      'Ingénieur réseau',
    ]);
    const formations = await searchOffers(t.db, 'formation', { limit: 20 });
    expect(formations.items.map((h) => h.type)).toEqual(['formation', 'formation', 'formation', 'formation']);
    const first = await searchOffers(t.db, 'formation', { limit: 3 });
    const rest = await searchOffers(t.db, 'formation', { limit: 3, after: first.next_after! });
    expect([...first.items, ...rest.items].map((h) => h.id)).toEqual(formations.items.map((h) => h.id));
  });

  it('shows every field, the organisation, the creator and a formation’s decisions', async () => {
    const refused = await showOffer(t.db, await idOf(t.db, 'formation', 'Formation refusée'));
    expect(refused).toMatchObject({
      type: 'formation',
      statut: 'refusee',
      createur: { nom_complet: 'Awa Ndiaye', email: 'awa@exemple.sn' },
    });
    expect(refused.decisions).toEqual([
      expect.objectContaining({ est_approuve: false, commentaire: 'Doublon', validateur: 'admin@ecole.example' }),
    ]);
    const stage = await showOffer(t.db, (await idOf(t.db, 'stage', 'Stage maintenance')).toUpperCase());
    expect(stage).toMatchObject({ type: 'stage', statut: 'pourvue', nom_organisation: 'Orange Bénin', date_fin: expect.any(String) });
    expect(stage).not.toHaveProperty('decisions');
    await expect(showOffer(t.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ exitCode: 4 });
    await expect(showOffer(t.db, 'pas-un-id')).rejects.toMatchObject({ exitCode: 4 });
  });

  it('add refuses every bad value with exit 2 and writes nothing', async () => {
    const counts = async () => ({
      stage: await countRows(t.db, 'stage'),
      formation: await countRows(t.db, 'formation'),
      emploi: await countRows(t.db, 'emploi'),
      audit: await countRows(t.db, 'audit_log'),
    });
    const before = await counts();
    const stage: OfferInput = { type: 'stage', titre: 'Stage refusé', type_stage: 'ouvrier' };
    const formation: OfferInput = { type: 'formation', titre: 'Formation refusée 2', type_formation: 'en_ligne' };
    // The service's own refusals carry a stable code and the fields they concern (the
    // command shows its flags); the values it checks through values.ts say their reason.
    const refusals: Array<[OfferInput, string | RegExp, object?]> = [
      [{ ...stage, titre: '  ' }, 'offers.error.title_missing', { field: 'titre' }],
      [
        { type: 'stage', titre: 'Sans type' },
        'offers.error.kind_type_missing',
        { kind: 'stage', field: 'type_stage', values: ['ouvrier', 'academique', 'professionnel'] },
      ],
      [{ ...stage, type_emploi: 'hybride' }, 'offers.error.kind_type_wrong', { field: 'type_emploi', fieldKind: 'emploi', kind: 'stage' }],
      [{ ...stage, debut: '2030-05-10', fin: '2030-05-01' }, 'offers.error.end_before_start', { start: '2030-05-10', end: '2030-05-01' }],
      [{ ...stage, fin: '2001-01-01' }, 'offers.error.end_in_past', { end: '2001-01-01' }],
      [{ ...stage, lien: 'ftp://offres.sn' }, /http/],
      [{ ...stage, email_contact: 'rh.at.sonatel' }, /not a valid address/],
      [{ ...stage, telephone_contact: '12', country: 'SN' }, /phone/i],
      [{ ...stage, telephone_contact: '77 123 45 67' }, /country/],
      [{ ...stage, prix: '10' }, 'offers.error.price_not_for_kind', { fields: ['prix'], kind: 'stage' }],
      [{ ...stage, organisation: 'Nulle Part SA' }, /No organisation/],
      [{ ...formation, prix: '15000' }, 'offers.error.price_without_currency', { field: 'devise' }],
      [{ ...formation, est_payante: true }, 'offers.error.paid_without_price', { priceField: 'prix', currencyField: 'devise' }],
      [{ ...formation, devise: 'XOF' }, 'offers.error.currency_without_price', { field: 'devise', priceField: 'prix' }],
    ];
    for (const [input, expected, values] of refusals) {
      const refused = addOffer(t.db, session, input);
      await expect(refused, JSON.stringify(input)).rejects.toMatchObject(
        typeof expected === 'string'
          ? { exitCode: 2, code: expected, values: expect.objectContaining(values) }
          : { exitCode: input.organisation ? 4 : 2, message: expect.stringMatching(expected) },
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('add stores checked, normalised values, created by the acting administrator and audited as them', async () => {
    const stage = await addOffer(t.db, session, {
      type: 'stage',
      titre: ' Stage  réseaux ',
      type_stage: 'professionnel',
      organisation: 'SONATEL',
      email_contact: 'RH@Sonatel.SN',
      telephone_contact: '77 123 45 67',
      country: 'SN',
      lien: 'https://sonatel.sn/stages',
      fin: '2099-12-31',
    });
    expect(stage).toMatchObject({
      type: 'stage',
      titre: 'Stage réseaux',
      statut: 'active',
      organisation_id: people.sonatel,
      nom_organisation: 'Sonatel',
      email_contact: 'rh@sonatel.sn',
      telephone_contact: '+221771234567',
      lien_offre: 'https://sonatel.sn/stages',
      date_fin: '2099-12-31',
      createur_id: people.admin,
    });
    const emploi = await addOffer(t.db, session, { type: 'emploi', titre: 'Comptable', type_emploi: 'hybride', fin: '2099-01-31' });
    const today = (await sql<{ d: string }>`select current_date::text as d`.execute(t.db)).rows[0]!.d;
    expect(emploi).toMatchObject({ date_publication: today, date_expiration: '2099-01-31', statut: 'active' });
    const paid = await addOffer(t.db, session, {
      type: 'formation',
      titre: 'Formation Java',
      type_formation: 'hybride',
      // As the command's options parse them (--prix 12,5 --devise eur).
      prix: '12.50',
      devise: 'EUR',
    });
    expect(paid).toMatchObject({ est_payante: true, prix: '12.50', devise: 'EUR', est_valide: false, statut: 'en_attente' });
    const free = await addOffer(t.db, session, { type: 'formation', titre: 'Formation gratuite', type_formation: 'en_ligne', prix: '0' });
    expect(free).toMatchObject({ est_payante: false, prix: '0.00', devise: null });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['table_name', 'action', 'utilisateur_id', 'user_agent'])
      .where(sql<boolean>`nouveau_data->>'id' = ${stage.id}`)
      .execute();
    expect(audit).toEqual([{ table_name: 'stage', action: 'INSERT', utilisateur_id: people.admin, user_agent: UA }]);
  });

  it('close makes exactly the named stages and emplois pourvue, once, audited with the actor', async () => {
    await sql`
      insert into stage (titre, type_stage, statut) values ('Close A', 'ouvrier', 'active'), ('Close B', 'ouvrier', 'expiree'), ('Close C', 'ouvrier', 'active')`.execute(
      t.db,
    );
    await sql`insert into emploi (titre, type_emploi) values ('Close D', 'hybride')`.execute(t.db);
    const [a, b, c, d] = [
      await idOf(t.db, 'stage', 'Close A'),
      await idOf(t.db, 'stage', 'Close B'),
      await idOf(t.db, 'stage', 'Close C'),
      await idOf(t.db, 'emploi', 'Close D'),
    ];
    const statuts = async () =>
      (
        await sql<{ titre: string; statut: string }>`
        select titre, statut::text from stage where titre like 'Close %' union all select titre, statut::text from emploi where titre like 'Close %'
        order by titre`.execute(t.db)
      ).rows;
    const updates = () => countRows(t.db, 'audit_log', sql`action = 'UPDATE' and nouveau_data->>'titre' like 'Close %'`);

    const first = await closeOffers(t.db, session, [a, b.toUpperCase(), d]);
    expect(first).toMatchObject({ closed: 3, skipped: 0 });
    expect(first.outcomes.map((o) => [o.titre, o.previous_statut, o.changed])).toEqual([
      ['Close A', 'active', true],
      ['Close B', 'expiree', true],
      ['Close D', 'active', true],
    ]);
    expect(await statuts()).toEqual([
      { titre: 'Close A', statut: 'pourvue' },
      { titre: 'Close B', statut: 'pourvue' },
      { titre: 'Close C', statut: 'active' },
      { titre: 'Close D', statut: 'pourvue' },
    ]);
    const audited = await t.db
      .selectFrom('audit_log')
      .select([
        'table_name',
        'utilisateur_id',
        'user_agent',
        sql<string>`ancien_data->>'statut'`.as('before'),
        sql<string>`nouveau_data->>'statut'`.as('after'),
      ])
      .where('action', '=', 'UPDATE')
      .where(sql<boolean>`nouveau_data->>'titre' like 'Close %'`)
      .orderBy(sql`nouveau_data->>'titre'`)
      .execute();
    expect(audited).toEqual([
      { table_name: 'stage', utilisateur_id: people.admin, user_agent: UA, before: 'active', after: 'pourvue' },
      { table_name: 'stage', utilisateur_id: people.admin, user_agent: UA, before: 'expiree', after: 'pourvue' },
      { table_name: 'emploi', utilisateur_id: people.admin, user_agent: UA, before: 'active', after: 'pourvue' },
    ]);

    // Closed already: reported, not written again; the new one is closed.
    const again = await closeOffers(t.db, session, [a, c, a]);
    expect(again).toMatchObject({ closed: 1, skipped: 1 });
    expect(again.outcomes.map((o) => [o.titre, o.changed])).toEqual([
      ['Close A', false],
      ['Close C', true],
    ]);
    expect(await updates()).toBe(4);

    // An unknown id or a formation among them: nothing changes at all.
    await sql`insert into stage (titre, type_stage) values ('Close E', 'ouvrier')`.execute(t.db);
    const e = await idOf(t.db, 'stage', 'Close E');
    await expect(closeOffers(t.db, session, [e, '00000000-0000-4000-8000-000000000000'])).rejects.toMatchObject({ exitCode: 4 });
    await expect(closeOffers(t.db, session, [e, 'n-importe-quoi'])).rejects.toMatchObject({ exitCode: 4 });
    await expect(closeOffers(t.db, session, [e, await idOf(t.db, 'formation', 'Formation Python')])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/is a formation: a training is not filled/),
    });
    expect((await statuts()).find((s) => s.titre === 'Close E')).toEqual({ titre: 'Close E', statut: 'active' });
    expect(await updates()).toBe(4);
  });

  it('extend moves the end date later, reopens an expired offer, audited; refuses past, shorter, filled and formations', async () => {
    await sql`
      insert into stage (titre, type_stage, statut, date_debut, date_fin) values
        ('Extend expired', 'ouvrier', 'expiree', current_date - 20, current_date - 2),
        ('Extend filled', 'ouvrier', 'pourvue', null, current_date + 3)`.execute(t.db);
    await sql`insert into emploi (titre, type_emploi, date_expiration) values ('Extend emploi', 'hybride', current_date + 10)`.execute(
      t.db,
    );
    const day = async (offset: number) =>
      (await sql<{ d: string }>`select (current_date + ${offset}::int)::text as d`.execute(t.db)).rows[0]!.d;
    const expired = await idOf(t.db, 'stage', 'Extend expired');
    const emploi = await idOf(t.db, 'emploi', 'Extend emploi');

    const reopened = await extendOffer(t.db, session, expired, await day(14));
    expect(reopened).toMatchObject({
      changed: true,
      previous: { statut: 'expiree', end: await day(-2) },
      offer: { statut: 'active', date_fin: await day(14) },
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['utilisateur_id', sql<string>`nouveau_data->>'date_fin'`.as('date_fin')])
      .where('action', '=', 'UPDATE')
      .where(sql<boolean>`nouveau_data->>'id' = ${expired}`)
      .execute();
    expect(audit).toEqual([{ utilisateur_id: people.admin, date_fin: await day(14) }]);

    expect(await extendOffer(t.db, session, emploi, await day(40))).toMatchObject({
      changed: true,
      offer: { date_expiration: await day(40) },
    });
    expect(await extendOffer(t.db, session, emploi, await day(40))).toMatchObject({ changed: false });

    const before = await countRows(t.db, 'audit_log');
    await expect(extendOffer(t.db, session, emploi, await day(-1))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/in the past/),
    });
    await expect(extendOffer(t.db, session, emploi, await day(30))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/shorten/),
    });
    await expect(extendOffer(t.db, session, await idOf(t.db, 'stage', 'Extend filled'), await day(30))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/pourvue/),
    });
    await expect(extendOffer(t.db, session, await idOf(t.db, 'formation', 'Formation Python'), await day(30))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/is a formation/),
    });
    await expect(extendOffer(t.db, session, '00000000-0000-4000-8000-000000000000', await day(30))).rejects.toMatchObject({ exitCode: 4 });
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('a write that slips past the checks gets the offer constraints’ sentences', async () => {
    const violation = async (write: () => Promise<unknown>) =>
      write().then(
        () => expect.fail('expected a violation'),
        (error: unknown) => constraintViolation(error)?.message,
      );
    expect(
      await violation(() =>
        sql`insert into stage (titre, type_stage, date_debut, date_fin) values ('X', 'ouvrier', '2030-01-02', '2030-01-01')`.execute(t.db),
      ),
    ).toBe("A stage's end date cannot be before its start date.");
    expect(
      await violation(() =>
        sql`insert into emploi (titre, type_emploi, date_publication, date_expiration) values ('X', 'hybride', '2030-01-02', '2030-01-01')`.execute(
          t.db,
        ),
      ),
    ).toBe("An emploi's expiry date cannot be before its publication date.");
    expect(
      await violation(() => sql`insert into formation (titre, type_formation, est_payante) values ('X', 'hybride', true)`.execute(t.db)),
    ).toBe('A paid formation states its price and currency; a free one has no price (or 0).');
    expect(
      await violation(() =>
        sql`insert into formation (titre, type_formation, est_payante, prix, devise) values ('X', 'hybride', true, -1, 'XOF')`.execute(
          t.db,
        ),
      ),
    ).toBe("A formation's price is 0 or more.");
  });
});

describe.each(BACKENDS)('offers expiring on the %s back end', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t.close());

  /** Active stages and emplois, by id, before and after a job run: what it expired. */
  const activeIds = async () =>
    new Set(
      (
        await sql<{
          id: string;
        }>`select id from stage where statut = 'active' union all select id from emploi where statut = 'active'`.execute(t.db)
      ).rows.map((r) => r.id),
    );

  it('lists exactly what the expire-offers job then expires, now and a week ahead, with creator and contact', async () => {
    const { author, sonatel } = await seedPeople(t.db);
    await sql`
      insert into stage (titre, type_stage, statut, date_fin, createur_id, organisation_id, email_contact) values
        ('S overdue', 'ouvrier', 'active', current_date - 3, ${author}, ${sonatel}, 'rh@sonatel.sn'),
        ('S today', 'ouvrier', 'active', current_date, ${author}, null, null),
        ('S in 6 days', 'ouvrier', 'active', current_date + 6, null, null, null),
        ('S in 7 days', 'ouvrier', 'active', current_date + 7, null, null, null),
        ('S in 10 days', 'ouvrier', 'active', current_date + 10, null, null, null),
        ('S filled, past', 'ouvrier', 'pourvue', current_date - 3, null, null, null),
        ('S expired', 'ouvrier', 'expiree', current_date - 30, null, null, null),
        ('S no end', 'ouvrier', 'active', null, null, null, null)`.execute(t.db);
    await sql`
      insert into emploi (titre, type_emploi, statut, date_publication, date_expiration, createur_id) values
        ('E overdue', 'hybride', 'active', current_date - 30, current_date - 1, ${author}),
        ('E in 2 days', 'hybride', 'active', current_date - 30, current_date + 2, ${author}),
        ('E in 9 days', 'hybride', 'active', current_date - 30, current_date + 9, null)`.execute(t.db);
    // A formation past its end is never expired by the job.
    await sql`insert into formation (titre, type_formation, est_valide, date_fin) values ('F past', 'hybride', true, current_date - 3)`.execute(
      t.db,
    );

    const inAWeek = new Date();
    inAWeek.setDate(inAWeek.getDate() + 7);
    const week = await expiringOffers(t.db, inAWeek);
    expect(week.offers.map((o) => o.titre)).toEqual(['S overdue', 'E overdue', 'S today', 'E in 2 days', 'S in 6 days']);
    expect(week.offers[0]).toEqual({
      type: 'stage',
      id: expect.any(String),
      titre: 'S overdue',
      nom_organisation: 'Sonatel',
      date_fin: expect.any(String),
      statut: 'active',
      email_contact: 'rh@sonatel.sn',
      createur: { id: author, nom_complet: 'Awa Ndiaye', email: 'awa@exemple.sn' },
    });
    expect(week.offers[1]).toHaveProperty('date_expiration');
    expect(week.offers[4]!.createur).toBeNull();

    // Now: the job run today expires what the list says a run today expires.
    const now = await expiringOffers(t.db, new Date());
    expect(now.offers.map((o) => o.titre)).toEqual(['S overdue', 'E overdue']);
    const beforeRun = await activeIds();
    const run = await runJob(t.db, 'expire-offers', `${UA} expire-offers`);
    expect(run).toMatchObject({ status: 'ok', rows: { stage: 1, emploi: 1 } });
    const afterRun = await activeIds();
    expect([...beforeRun].filter((id) => !afterRun.has(id)).sort()).toEqual(now.offers.map((o) => o.id).sort());

    // A week later (every date moved back seven days, as if the week had passed): the job
    // expires exactly the rest of the week's list.
    await sql`update stage set date_fin = date_fin - 7`.execute(t.db);
    await sql`update emploi set date_publication = date_publication - 7, date_expiration = date_expiration - 7`.execute(t.db);
    const beforeWeek = await activeIds();
    const weekRun = await runJob(t.db, 'expire-offers', `${UA} expire-offers`);
    const afterWeek = await activeIds();
    const expiredThisWeek = [...beforeWeek].filter((id) => !afterWeek.has(id)).sort();
    expect(expiredThisWeek).toEqual(
      week.offers
        .filter((o) => !now.offers.some((n) => n.id === o.id))
        .map((o) => o.id)
        .sort(),
    );
    expect(weekRun.rows).toEqual({ stage: 2, emploi: 1 });
  });
});
