import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';

/** `alumni offers`, in process through main(argv, io): exit codes, JSON, CSV, what lands in the database. */
describe('offers commands', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    env = { ...t.env, ALUMNI_ACTOR: 'admin@ecole.example' };
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Admin', email: 'admin@ecole.example', role: 'admin' },
        { nom_complet: 'Koffi Mensah', matricule: 'KM-1', email: 'koffi@exemple.bj' },
      ])
      .execute();
    await t.db.insertInto('organisation').values({ nom_organisation: 'Orange Bénin', type_organisation: 'entreprise' }).execute();
  });
  afterAll(() => t.close());
  const json = async (args: string[]) => {
    const result = await runMain([...args, '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };
  const offerCounts = async () => [await countRows(t.db, 'stage'), await countRows(t.db, 'formation'), await countRows(t.db, 'emploi')];

  it('add, list (paged JSON envelope, CSV), search (rank in JSON, marks on a terminal), show', async () => {
    const stage = await json([
      'offers',
      'add',
      '--type',
      'Stage',
      '--titre',
      'Développeur mobile',
      '--type-stage',
      'professionnel',
      '--org',
      'orange benin',
      '--lieu',
      'Cotonou',
      '--fin',
      '2099-06-30',
    ]);
    expect(stage).toMatchObject({ type: 'stage', statut: 'active', nom_organisation: 'Orange Bénin', date_fin: '2099-06-30' });
    const formation = await json([
      'offers',
      'add',
      '--type',
      'formation',
      '--titre',
      'Formation Kotlin',
      '--type-formation',
      'en ligne',
      '--prix',
      '25000',
      '--devise',
      'XOF',
      '--description',
      'Pour développeurs Android',
    ]);
    expect(formation).toMatchObject({ type: 'formation', statut: 'en_attente', est_payante: true, prix: '25000.00', devise: 'XOF' });
    const emploi = await json([
      'offers',
      'add',
      '--type',
      'emploi',
      '--titre',
      'Comptable',
      '--type-emploi',
      'hybride',
      '--expiration',
      '2099-01-31',
    ]);
    expect(emploi).toMatchObject({ type: 'emploi', date_expiration: '2099-01-31' });

    expect(await json(['offers', 'list', '--limit', '2'])).toEqual({
      items: [expect.objectContaining({ titre: 'Comptable' }), expect.objectContaining({ titre: 'Formation Kotlin' })],
      next_after: expect.any(String),
    });
    const paged = await runMain(['offers', 'list', '--limit', '2'], { env });
    expect(paged.stderr).toMatch(/More: alumni offers list --after \S+/);
    expect((await json(['offers', 'list', '--statut', 'EN ATTENTE'])).items.map((o: { titre: string }) => o.titre)).toEqual([
      'Formation Kotlin',
    ]);
    expect((await json(['offers', 'list', '--type', 'stage', '--lieu', 'coto'])).items).toHaveLength(1);
    const csv = await runMain(['offers', 'list', '--csv', '--type', 'emploi'], { env });
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe('type,titre,nom_organisation,lieu,statut,debut,fin,id');
    expect(csv.stdout).toContain('emploi,Comptable,');

    const hits = await json(['offers', 'search', 'developpeur']);
    expect(hits.items.map((h: { type: string }) => h.type)).toEqual(['stage', 'formation']);
    expect(hits.items[0]).toMatchObject({ rank: expect.any(Number), excerpt: expect.stringContaining('«Développeur»') });
    const onTerminal = await runMain(['offers', 'search', 'developpeur'], { env, stdoutTTY: true, columns: 200 });
    expect(onTerminal.stdout).toContain('\u001b[1mDéveloppeur\u001b[22m');
    const none = await runMain(['offers', 'search', 'astronaute'], { env, stdoutTTY: true });
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No offer matches "astronaute".\n' });
    expect(await runMain(['offers', 'search', 'astronaute'], { env })).toMatchObject({ code: 0, stdout: '', stderr: '' });

    const shown = await json(['offers', 'show', formation.id]);
    expect(shown).toMatchObject({ id: formation.id, createur: { nom_complet: 'Admin', email: 'admin@ecole.example' }, decisions: [] });
    const onScreen = await runMain(['offers', 'show', stage.id], { env });
    expect(onScreen.stdout).toMatch(/^Posted by: +Admin <admin@ecole.example>$/m);
  });

  it('refuses bad values with exit 2, one sentence, nothing written; unknown ORG is 4; no actor is 77', async () => {
    const before = await offerCounts();
    const audits = await countRows(t.db, 'audit_log');
    for (const args of [
      ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'stagiaire'],
      ['offers', 'add', '--type', 'annonce', '--titre', 'X'],
      ['offers', 'add', '--type', 'stage', '--titre', 'X'],
      ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier', '--fin', '31/12/2099'],
      ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier', '--debut', '2099-02-01', '--fin', '2099-01-01'],
      ['offers', 'add', '--type', 'formation', '--titre', 'X', '--type-formation', 'hybride', '--prix', '10', '--devise', 'EURO'],
      ['offers', 'add', '--type', 'formation', '--titre', 'X', '--type-formation', 'hybride', '--prix', '-1', '--devise', 'EUR'],
      ['offers', 'add', '--type', 'emploi', '--titre', 'X', '--type-emploi', 'hybride', '--email', 'pas-une-adresse'],
      ['offers', 'add', '--type', 'emploi', '--titre', 'X', '--type-emploi', 'hybride', '--lien', 'www.sans-schema'],
      ['offers', 'list', '--statut', 'fermee'],
      ['offers', 'list', '--from', 'hier'],
      ['offers', 'list', '--from', '2026-03-01', '--to', '2026-02-01'],
      ['offers', 'expiring', '--within', '7m'],
    ]) {
      const refused = await runMain(args, { env });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stdout).toBe('');
      // One sentence on one line, nothing else.
      expect(refused.stderr, args.join(' ')).toMatch(/^error: [^\n]+\.\n?$/);
    }
    const twoEnds = await runMain(
      [
        'offers',
        'add',
        '--type',
        'emploi',
        '--titre',
        'X',
        '--type-emploi',
        'hybride',
        '--fin',
        '2099-01-01',
        '--expiration',
        '2099-02-01',
      ],
      { env },
    );
    // Two end dates are Commander's refusal (.conflicts()): its sentence, then the help hint.
    expect(twoEnds).toMatchObject({
      code: 2,
      stderr: "error: option '--fin <date>' cannot be used with option '--expiration <date>'\n(run with --help for usage)\n",
    });
    const emptyPeriod = await runMain(['offers', 'list', '--from', '2026-03-01', '--to', '2026-02-01'], { env });
    expect(emptyPeriod.stderr).toBe('error: --from 2026-03-01 is after --to 2026-02-01; give a --from on or before --to.\n');
    // A missing mandatory option is Commander's refusal: its sentence, then the help hint every parse error gets.
    const noUntil = await runMain(['offers', 'extend', '00000000-0000-4000-8000-000000000000'], { env });
    expect(noUntil).toMatchObject({
      code: 2,
      stdout: '',
      stderr: "error: required option '--until <date>' not specified\n(run with --help for usage)\n",
    });
    expect(await offerCounts()).toEqual(before);
    expect(await countRows(t.db, 'audit_log')).toBe(audits);
    const unknownOrg = await runMain(
      ['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier', '--org', 'Nulle Part'],
      { env },
    );
    expect(unknownOrg.code).toBe(4);
    expect((await runMain(['offers', 'show', '00000000-0000-4000-8000-000000000000'], { env })).code).toBe(4);
    const noActor = await runMain(['offers', 'add', '--type', 'stage', '--titre', 'X', '--type-stage', 'ouvrier'], { env: t.env });
    expect(noActor.code).toBe(77);
    expect(await offerCounts()).toEqual(before);
  });

  it('close: 0 when all closed, 3 when some were closed already, 2 for a formation, 4 for an unknown id', async () => {
    await sql`insert into stage (titre, type_stage) values ('Cmd close 1', 'ouvrier'), ('Cmd close 2', 'ouvrier')`.execute(t.db);
    await sql`insert into formation (titre, type_formation) values ('Cmd formation', 'hybride')`.execute(t.db);
    const id = async (table: 'stage' | 'formation', titre: string) =>
      (await t.db.selectFrom(table).select('id').where('titre', '=', titre).executeTakeFirstOrThrow()).id;
    const [one, two, formation] = [
      await id('stage', 'Cmd close 1'),
      await id('stage', 'Cmd close 2'),
      await id('formation', 'Cmd formation'),
    ];

    const closed = await runMain(['offers', 'close', one], { env });
    expect(closed).toMatchObject({ code: 0, stdout: '' });
    expect(closed.stderr).toContain('Cmd close 1');
    const partly = await runMain(['offers', 'close', one, two, '--json'], { env });
    expect(partly.code).toBe(3);
    expect(JSON.parse(partly.stdout)).toMatchObject({
      closed: 1,
      skipped: 1,
      outcomes: [
        { id: one, changed: false, statut: 'pourvue' },
        { id: two, changed: true, previous_statut: 'active', statut: 'pourvue' },
      ],
    });
    const refused = await runMain(['offers', 'close', formation], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is a formation: a training is not filled/);
    await sql`insert into stage (titre, type_stage) values ('Cmd close 3', 'ouvrier')`.execute(t.db);
    const three = await id('stage', 'Cmd close 3');
    // An id that is no id is refused as the arguments are parsed (2), before anything is looked up.
    const malformed = await runMain(['offers', 'close', three, 'abc'], { env });
    expect(malformed).toMatchObject({
      code: 2,
      stderr: `error: ID "abc" is not an offer's id (give the id offers list prints, such as 5f0c…-…).\n`,
    });
    expect((await runMain(['offers', 'close', three, '00000000-0000-4000-8000-000000000000'], { env })).code).toBe(4);
    expect((await t.db.selectFrom('stage').select('statut').where('id', '=', three).executeTakeFirstOrThrow()).statut).toBe('active');
  });

  it('expiring (JSON, CSV, a summary on stderr) and extend (JSON; a past date is 2)', async () => {
    await sql`
      insert into emploi (titre, type_emploi, date_publication, date_expiration, email_contact, createur_id)
      select 'Cmd expiring', 'hybride', current_date - 10, current_date + 2, 'rh@orange.bj', id from utilisateur where matricule = 'KM-1'`.execute(
      t.db,
    );
    const listed = await json(['offers', 'expiring', '--within', '1w']);
    expect(listed).toEqual([
      expect.objectContaining({
        type: 'emploi',
        titre: 'Cmd expiring',
        email_contact: 'rh@orange.bj',
        date_expiration: expect.any(String),
        createur: expect.objectContaining({ nom_complet: 'Koffi Mensah', email: 'koffi@exemple.bj' }),
      }),
    ]);
    expect(await json(['offers', 'expiring', '--within', '1d'])).toEqual([]);
    // Without --within, the window is 7 days: an offer ending in 9 days waits for --within 2w.
    await sql`insert into stage (titre, type_stage, date_fin) values ('Cmd in nine days', 'ouvrier', current_date + 9)`.execute(t.db);
    expect((await json(['offers', 'expiring'])).map((o: { titre: string }) => o.titre)).toEqual(['Cmd expiring']);
    expect((await json(['offers', 'expiring', '--within', '2w'])).map((o: { titre: string }) => o.titre)).toEqual([
      'Cmd expiring',
      'Cmd in nine days',
    ]);
    const csv = await runMain(['offers', 'expiring', '--csv'], { env });
    expect(csv.stdout.split('\n')[0]).toBe('type,titre,nom_organisation,fin,email_contact,createur,createur_email,id');
    expect(csv.stdout).toContain('koffi@exemple.bj');
    expect((await runMain(['offers', 'expiring'], { env })).stderr).toMatch(
      /^1 offer\(s\) the expire-offers job will expire by \d{1,2} [A-Z][a-z]{2} \d{4} /,
    );

    const { id } = listed[0];
    const extended = await json(['offers', 'extend', id, '--until', '2099-12-31']);
    expect(extended).toMatchObject({ id, date_expiration: '2099-12-31', statut: 'active', changed: true, previous: { statut: 'active' } });
    expect(await json(['offers', 'expiring', '--within', '1w'])).toEqual([]);
    const past = await runMain(['offers', 'extend', id, '--until', '2001-01-01'], { env });
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/in the past/);
    expect((await runMain(['offers', 'extend', id, '--until', '2099-02-30'], { env })).code).toBe(2);
  });
});
