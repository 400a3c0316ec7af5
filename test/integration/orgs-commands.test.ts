import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createServerDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { localToday } from '../../src/values.js';

/** `alumni orgs`, in process through main(argv, io): exit codes, JSON, what lands in the database. */
describe('orgs commands', () => {
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
        { nom_complet: 'Ama Koffi', matricule: 'AK-1', email: 'ama@exemple.bj' },
      ])
      .execute();
  });
  afterAll(() => t.close());
  const json = async (args: string[]) => {
    const result = await runMain([...args, '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('add, list (paged JSON envelope), search, show, update, set-status', async () => {
    const added = await json([
      'orgs',
      'add',
      '--nom',
      'Orange Bénin',
      '--type',
      'Entreprise',
      '--ville',
      'Cotonou',
      '--site-web',
      'https://orange.bj',
      '--description',
      'Opérateur de télécommunications',
    ]);
    expect(added).toMatchObject({ nom_organisation: 'Orange Bénin', type_organisation: 'entreprise', statut: 'active' });
    await json(['orgs', 'add', '--nom', 'Sonatel', '--type', 'entreprise', '--statut', 'en_attente']);

    expect(await json(['orgs', 'list', '--limit', '1'])).toEqual({
      items: [expect.objectContaining({ nom_organisation: 'Orange Bénin' })],
      next_after: expect.any(String),
    });
    const listed = await runMain(['orgs', 'list', '--limit', '1'], { env });
    expect(listed.stderr).toMatch(/More: alumni orgs list --after \S+/);
    expect(
      (await json(['orgs', 'list', '--statut', 'EN_ATTENTE'])).items.map((o: { nom_organisation: string }) => o.nom_organisation),
    ).toEqual(['Sonatel']);

    const hits = await json(['orgs', 'search', 'telecommunication']);
    expect(hits.items).toEqual([expect.objectContaining({ nom_organisation: 'Orange Bénin', rank: expect.any(Number) })]);
    const onTerminal = await runMain(['orgs', 'search', 'telecommunication'], { env, stdoutTTY: true });
    expect(onTerminal.stdout).toContain('Orange Bénin');

    expect(await json(['orgs', 'show', 'orange benin'])).toMatchObject({ id: added.id, contacts: [], offers: [] });
    expect(await json(['orgs', 'update', 'Orange Bénin', '--ville', 'Porto-Novo'])).toMatchObject({
      ville: 'Porto-Novo',
      site_web: 'https://orange.bj',
    });
    expect(await json(['orgs', 'set-status', 'Sonatel', 'Active'])).toMatchObject({ statut: 'active', changed: true });
  });

  it('refuses bad values with exit 2, one sentence, nothing written; unknown ORG is 4; no actor is 77', async () => {
    const before = await countRows(t.db, 'organisation');
    for (const args of [
      ['orgs', 'add', '--nom', 'X', '--type', 'multinationale'],
      ['orgs', 'add', '--nom', 'X', '--type', 'entreprise', '--site-web', 'ftp://x.bj'],
      ['orgs', 'add', '--nom', 'X', '--type', 'entreprise', '--email', 'x.at.bj'],
    ]) {
      const refused = await runMain(args, { env });
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    }
    // A name and a type are required options of add (makeOptionMandatory): Commander's refusal.
    expect(await runMain(['orgs', 'add', '--type', 'entreprise'], { env })).toMatchObject({
      code: 2,
      stderr: "error: required option '--nom <name>' not specified\n(run with --help for usage)\n",
    });
    // An empty name is the service's refusal, naming nothing but the name.
    expect(await runMain(['orgs', 'add', '--nom', ' ', '--type', 'entreprise'], { env })).toMatchObject({
      code: 2,
      stderr: 'error: The name is empty; nothing was written.\n',
    });
    expect(await countRows(t.db, 'organisation')).toBe(before);
    expect((await runMain(['orgs', 'show', 'Nulle Part SA'], { env })).code).toBe(4);
    expect((await runMain(['orgs', 'set-status', 'Nulle Part SA', 'active'], { env })).code).toBe(4);
    expect((await runMain(['orgs', 'set-status', 'Sonatel', 'fermee'], { env })).code).toBe(2);
    expect((await runMain(['orgs', 'add', '--nom', 'Y', '--type', 'ONG'], { env: t.env })).code).toBe(77);
  });

  it('--date-creation: an impossible or future day is refused naming the flag and the value (exit 2, nothing written); today is taken, and an empty value clears it', async () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const today = localToday();
    const before = await countRows(t.db, 'organisation');
    const refusals: Array<[string, RegExp]> = [
      ['2026-02-30', /^error: --date-creation "2026-02-30" is not a date \(YYYY-MM-DD\)\.$/],
      ['9999-12-31', /^error: --date-creation "9999-12-31" is in the future \(today is \d{4}-\d\d-\d\d\)\.$/],
      [localToday(tomorrow), /^error: --date-creation "\d{4}-\d\d-\d\d" is in the future/],
    ];
    for (const [day, message] of refusals) {
      const added = await runMain(['orgs', 'add', '--nom', 'Datée', '--type', 'ONG', '--date-creation', day], { env });
      expect(added.code, day).toBe(2);
      expect(added.stderr.trim(), day).toMatch(message);
      const updated = await runMain(['orgs', 'update', 'Sonatel', '--date-creation', day], { env });
      expect(updated.code, day).toBe(2);
      expect(updated.stderr.trim(), day).toMatch(message);
    }
    expect(await countRows(t.db, 'organisation')).toBe(before);
    expect(await countRows(t.db, 'organisation', sql`date_creation is not null`)).toBe(0);

    expect(await json(['orgs', 'update', 'Sonatel', '--date-creation', today])).toMatchObject({ date_creation: today });
    expect(await json(['orgs', 'update', 'Sonatel', '--date-creation', ''])).toMatchObject({ date_creation: null });
  });

  it('names the candidates when an ORG names several (exit 2)', async () => {
    await t.db
      .insertInto('organisation')
      .values([
        { nom_organisation: 'Homonyme', type_organisation: 'ONG', ville: 'Dakar' },
        { nom_organisation: 'HOMONYME', type_organisation: 'ONG', ville: 'Lomé' },
      ])
      .execute();
    const ambiguous = await runMain(['orgs', 'show', 'homonyme'], { env });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"homonyme" names several organisations: .*\. Give the id\./);
    expect(ambiguous.stderr).toMatch(/HOMONYME \(Lomé\) \[[0-9a-f-]{36}\]/);
    expect(ambiguous.stderr).toMatch(/Homonyme \(Dakar\) \[[0-9a-f-]{36}\]/);
  });

  it('contacts: add, set-principal, list; remove needs --yes off a terminal', async () => {
    const org = 'Contacts et Fils';
    await json(['orgs', 'add', '--nom', org, '--type', 'entreprise']);
    await json(['orgs', 'contacts', 'add', org, 'koffi@exemple.bj', '--role', 'contact_rh', '--principal']);
    const contacts = await json([
      'orgs',
      'contacts',
      'add',
      org,
      'AK-1',
      '--role',
      'Contact Stage',
      '--telephone',
      '97123456',
      '--country',
      'BJ',
    ]);
    expect(contacts).toEqual([
      expect.objectContaining({ matricule: 'KM-1', est_contact_principal: true }),
      expect.objectContaining({ matricule: 'AK-1', est_contact_principal: false, telephone_professionnel: '+2290197123456' }),
    ]);
    expect(await json(['orgs', 'contacts', 'set-principal', org, 'AK-1'])).toEqual([
      expect.objectContaining({ matricule: 'AK-1', est_contact_principal: true }),
      expect.objectContaining({ matricule: 'KM-1', est_contact_principal: false }),
    ]);
    const missingRole = await runMain(['orgs', 'contacts', 'add', org, 'admin@ecole.example'], { env });
    expect(missingRole.code).toBe(2);
    expect(missingRole.stderr).toContain("required option '--role <role>' not specified");

    const unasked = await runMain(['orgs', 'contacts', 'remove', org, 'KM-1'], { env });
    expect(unasked.code).toBe(2);
    expect(unasked.stderr).toContain('--yes');
    expect(await countRows(t.db, 'contact_organisation', sql`utilisateur_id = (select id from utilisateur where matricule = 'KM-1')`)).toBe(
      1,
    );
    expect(await json(['orgs', 'contacts', 'remove', org, 'KM-1', '--yes'])).toEqual({ removed: true, was_principal: false });
    expect((await json(['orgs', 'contacts', 'list', org])).map((c: { matricule: string }) => c.matricule)).toEqual(['AK-1']);
    expect((await runMain(['orgs', 'contacts', 'remove', org, 'KM-1', '--yes'], { env })).code).toBe(4);
  });
});
