import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { ORG_FIELDS } from '../../src/import/orgs/headers.js';
import { ROSTER_FIELDS } from '../../src/import/roster/headers.js';
import { resolveActor, type Actor } from '../../src/services/actor.js';
import { importRoster, type ImportOptions } from '../../src/services/roster-import.js';
import { BACKENDS, countRows, createServerDatabase, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { runMain } from '../support/main.js';
import { rosterDir, writeRoster, rosterImportOptions } from '../support/rosters.js';

const FIELDS_LISTED = `--map accepts ${ROSTER_FIELDS.join(', ')}`;

/** The layout most French registrars export: family name in capitals, then the given names. */
const FRENCH_LAYOUT = [
  ['NOM', 'Prénom(s)', 'Matricule', 'Promotion'],
  ['DIOP', 'Awa', 'E-1', '2024'],
  ['FALL', 'Moussa Ibrahima', 'E-2', '2025'],
];

describe.each(BACKENDS)('roster headers as registrars write them, on the %s back end', (backend) => {
  let t: TestDatabase;
  let admin: Actor;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2019 }, { annee: 2024 }, { annee: 2025 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Gestion' }])
      .execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Fatou Sall', matricule: 'ADM-1', role: 'admin' }).execute();
    admin = await resolveActor(t.db, 'ADM-1');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    dir = rosterDir();
    await sql`delete from utilisateur where matricule like 'E-%'`.execute(t.db);
  });

  const run = (file: string, options: Partial<ImportOptions> = {}) =>
    importRoster(
      t.db,
      { actorId: admin.id, actorRole: admin.role, userAgent: 'alumni/test users import' },
      rosterImportOptions(file, dir, { batchSize: 100, ...options }),
    );
  const names = async () =>
    (
      await t.db
        .selectFrom('utilisateur')
        .select(['matricule', 'nom_complet'])
        .where('matricule', 'like', 'E-%')
        .orderBy('matricule')
        .execute()
    ).map((u) => [u.matricule, u.nom_complet]);
  /** What a refused file leaves: no user, no ledger entry, and the sentence. */
  const refusal = async (file: string, options: Partial<ImportOptions> = {}) => {
    const ledger = await countRows(t.db, 'alumni_admin.import_run');
    const error = (await run(file, options).then(
      () => undefined,
      (e: unknown) => e,
    )) as { exitCode: number; message: string } | undefined;
    expect(error?.exitCode).toBe(ExitCode.usage);
    expect(await names()).toEqual([]);
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledger);
    return error!.message;
  };

  it('joins NOM and Prénom(s) into nom_complet, given names first, as written', async () => {
    const file = writeRoster(dir, 'promo.csv', FRENCH_LAYOUT);
    expect(await run(file)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
    expect(await names()).toEqual([
      ['E-1', 'Awa DIOP'],
      ['E-2', 'Moussa Ibrahima FALL'],
    ]);
  });

  it('--name-order family-first puts the family name first', async () => {
    const file = writeRoster(dir, 'promo.csv', FRENCH_LAYOUT);
    await run(file, { nameOrder: 'family-first' });
    expect(await names()).toEqual([
      ['E-1', 'DIOP Awa'],
      ['E-2', 'FALL Moussa Ibrahima'],
    ]);
  });

  it('recognises every name-part header, and takes one part alone as the name', async () => {
    const layouts: Array<[string, string]> = [
      ['Nom de famille', 'Prénom'],
      ['Last name', 'First name'],
      ['Surname', 'Given names'],
      ['Nom', 'Prénoms'],
    ];
    for (const [family, given] of layouts) {
      await sql`delete from utilisateur where matricule like 'E-%'`.execute(t.db);
      const file = writeRoster(dir, 'parts.csv', [
        [given, family, 'Matricule'],
        ['Awa', 'DIOP', 'E-1'],
        ['', 'NDIAYE', 'E-2'],
      ]);
      expect(await run(file)).toMatchObject({ inserted: 2, rejected: 0 });
      expect(await names()).toEqual([
        ['E-1', 'Awa DIOP'],
        ['E-2', 'NDIAYE'],
      ]);
    }
  });

  it('still reads a lone Nom column as the full name', async () => {
    const file = writeRoster(dir, 'nom.csv', [
      ['Nom', 'Matricule'],
      ['Awa Diop', 'E-1'],
    ]);
    await run(file);
    expect(await names()).toEqual([['E-1', 'Awa Diop']]);
  });

  it('refuses a family name without given names, naming the missing column', async () => {
    const file = writeRoster(dir, 'surname.csv', [
      ['Nom de famille', 'Matricule'],
      ['DIOP', 'E-1'],
    ]);
    expect(await refusal(file)).toContain(
      "The file has no column for the given name (its columns: Nom de famille, Matricule); name one with --map 'Header=prenom'.",
    );
  });

  it('recognises the French headers registrars write', async () => {
    const file = writeRoster(dir, 'fr.csv', [
      ['NOM & Prénoms', 'N° Mle', 'Promo', 'Cel.', 'En poste ?', 'Parcours'],
      ['Awa DIOP', 'E-1', 'Promo 2019', '77 123 45 67', 'Salariée', 'gestion'],
    ]);
    expect(await run(file)).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await t.db.selectFrom('utilisateur').selectAll().where('matricule', '=', 'E-1').executeTakeFirst()).toMatchObject({
      nom_complet: 'Awa DIOP',
      annee_sortie: 2019,
      telephone: '+221771234567',
      travailleur: true,
      domaine: 'Gestion',
    });
    const headers: Array<[string, string, string, string, string, string]> = [
      ['Nom et prénom(s)', 'N° matricule', 'Année d\u2019obtention', 'Tél.', 'Situation', 'Option'],
      ['Noms et prénoms', 'Matricule', 'Promotion', 'Portable', 'Situation professionnelle', 'Spécialité'],
      ['Nom complet', 'Matricule', 'Promo', 'Contact', 'En poste ?', 'Filière'],
    ];
    for (const header of headers) {
      await sql`delete from utilisateur where matricule like 'E-%'`.execute(t.db);
      const other = writeRoster(dir, 'fr2.csv', [header, ['Awa DIOP', 'E-1', '2018-2019', '77 123 45 67', 'En recherche', 'Gestion']]);
      expect(await run(other)).toMatchObject({ inserted: 1, rejected: 0 });
      expect(await t.db.selectFrom('utilisateur').selectAll().where('matricule', '=', 'E-1').executeTakeFirst()).toMatchObject({
        nom_complet: 'Awa DIOP',
        annee_sortie: 2019,
        telephone: '+221771234567',
        travailleur: false,
        domaine: 'Gestion',
      });
    }
  });

  it('reads the years and employment situations registrars write, and rejects what is neither', async () => {
    const situations: Array<[string, boolean | null]> = [
      ['En emploi', true],
      ['En poste', true],
      ['Salarié', true],
      ['Indépendant', true],
      ['À son compte', true],
      ['oui', true],
      ['En recherche', false],
      ['Sans emploi', false],
      ['Chômeur', false],
      ['non', false],
      ["En poursuite d'études", null],
      ['Étudiant', null],
    ];
    const years = ['2019', 'Promo 2019', 'promotion 2019', '2018-2019', '2018/2019', '2018-19'];
    const rows = situations.map(([situation], i) => [`Awa ${i}`, `E-${i}`, years[i % years.length]!, situation]);
    const file = writeRoster(dir, 'values.csv', [
      ['Nom', 'Matricule', 'Promo', 'En poste ?'],
      ...rows,
      ['Bad Year', 'E-90', '2018-2020', 'oui'],
      ['Bad Situation', 'E-91', '2019', 'Peut-être'],
    ]);
    expect(await run(file)).toMatchObject({ inserted: situations.length, rejected: 2 });
    const stored = await t.db
      .selectFrom('utilisateur')
      .select(['matricule', 'annee_sortie', 'travailleur'])
      .where('matricule', 'like', 'E-%')
      .execute();
    for (const [i, [, travailleur]] of situations.entries()) {
      expect(stored.find((u) => u.matricule === `E-${i}`)).toEqual({ matricule: `E-${i}`, annee_sortie: 2019, travailleur });
    }
    const rejects = readFileSync(join(dir, 'values.rejects.csv'), 'utf8');
    expect(rejects).toContain('graduation year ""2018-2020"" is not a school year (two years in a row, as 2018-2019)');
    expect(rejects).toContain(
      'employment situation ""Peut-être"" is neither oui/non (yes/no, 1/0, x) nor a situation such as En emploi, En recherche or Étudiant',
    );
  });

  describe('no silent loss: a column that looks like a field but would not be read refuses the file', () => {
    it('a header one edit away from an alias', async () => {
      const file = writeRoster(dir, 'typo.csv', [
        ['NOM', 'Prénon', 'Matricule'],
        ['DIOP', 'Awa', 'E-1'],
      ]);
      expect(await refusal(file)).toBe(
        `Column "Prénon" (looks like the given name) would not be read: read it with --map 'Prénon=prenom', or leave it out with --ignore-column 'Prénon' (${FIELDS_LISTED}).`,
      );
      expect(await run(file, { map: { Prénon: 'prenom' } })).toMatchObject({ inserted: 1 });
      expect(await names()).toEqual([['E-1', 'Awa DIOP']]);
    });

    it('a second column for a field, until one is left out with --ignore-column', async () => {
      const file = writeRoster(dir, 'twice.csv', [
        ['Nom complet', 'Matricule', 'Travailleur', 'En poste ?'],
        ['Awa Diop', 'E-1', 'oui', 'En recherche'],
      ]);
      expect(await refusal(file)).toBe(
        `Column "En poste ?" (the employment situation comes from "Travailleur") would not be read: read it with --map 'En poste ?=<field>', or leave it out with --ignore-column 'En poste ?' (${FIELDS_LISTED}).`,
      );
      expect(await run(file, { ignoreColumns: ['Travailleur'] })).toMatchObject({ inserted: 1 });
      expect(await t.db.selectFrom('utilisateur').select('travailleur').where('matricule', '=', 'E-1').executeTakeFirst()).toEqual({
        travailleur: false,
      });
    });

    it('name parts beside a full name, each named, with a header holding a quote quoted for the shell', async () => {
      const file = writeRoster(dir, 'both.csv', [
        ['Promo', "Année d'obtention", 'Nom complet', 'Prénom', 'NOM', 'Matricule'],
        ['2024', '2024', 'Awa Diop', 'Awa', 'DIOP', 'E-1'],
      ]);
      const message = await refusal(file);
      expect(message).toBe(
        `Columns "Année d'obtention" (the graduation year comes from "Promo"), "Prénom" (the given name comes from "Nom complet"), "NOM" (the family name comes from "Nom complet") would not be read: for each, as for the first, read it with --map 'Année d'\\''obtention=<field>', or leave it out with --ignore-column 'Année d'\\''obtention' (${FIELDS_LISTED}).`,
      );
      expect(await run(file, { ignoreColumns: ["Année d'obtention", 'Prénom', 'NOM'] })).toMatchObject({ inserted: 1 });
      expect(await names()).toEqual([['E-1', 'Awa Diop']]);
    });

    it('--ignore-column and --map name columns the file has, and not the same one', async () => {
      const file = writeRoster(dir, 'promo.csv', FRENCH_LAYOUT);
      expect(await refusal(file, { ignoreColumns: ['Ville'] })).toBe('--ignore-column names a column "Ville" that the file does not have.');
      expect(await refusal(file, { ignoreColumns: ['Promotion'], map: { Promotion: 'annee_sortie' } })).toBe(
        'Column "Promotion" is given both to --map and to --ignore-column; keep one.',
      );
    });
  });
});

describe('users import of names in parts, in process', () => {
  let t: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2024 }, { annee: 2025 }])
      .execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Fatou Sall', matricule: 'ADM-1', role: 'admin' }).execute();
    env = { ...t.env, ALUMNI_ACTOR: 'ADM-1' };
  });
  afterAll(() => t.close());

  it('the dry run shows the joined names; the import then stores them with no warning', async () => {
    const dir = rosterDir();
    const file = writeRoster(dir, 'promo.csv', FRENCH_LAYOUT);
    const dry = await runMain(['users', 'import', file, '--dry-run', '--json'], { env });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe(
      'Names are joined from the given names and the family name, given names first (--name-order family-first for the other way): line 2 "Awa DIOP", line 3 "Moussa Ibrahima FALL".\n',
    );
    const other = await runMain(['users', 'import', file, '--dry-run', '--name-order', 'family-first'], { env });
    expect(other.stderr).toContain(
      'family name first (--name-order given-first for the other way): line 2 "DIOP Awa", line 3 "FALL Moussa Ibrahima".',
    );
    const real = await runMain(['users', 'import', file, '--json'], { env });
    expect(real.code).toBe(0);
    expect(real.stderr).toBe('');
    expect(await t.db.selectFrom('utilisateur').select('nom_complet').where('matricule', '=', 'E-1').executeTakeFirst()).toEqual({
      nom_complet: 'Awa DIOP',
    });
  });

  it('a known-looking unused column: exit 2 naming it and both ways out; --ignore-column lets the file through', async () => {
    const dir = rosterDir();
    const file = writeRoster(dir, 'typo.csv', [
      ['Nom complet', 'Matricule', 'Promotoin'],
      ['Awa Diop', 'E-9', '2024'],
    ]);
    const refused = await runMain(['users', 'import', file], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `error: Column "Promotoin" (looks like the graduation year) would not be read: read it with --map 'Promotoin=annee_sortie', or leave it out with --ignore-column 'Promotoin' (${FIELDS_LISTED}).\n`,
    );
    expect(await countRows(t.db, 'utilisateur', sql`matricule = 'E-9'`)).toBe(0);
    const through = await runMain(['users', 'import', file, '--ignore-column', 'Promotoin'], { env });
    expect(through.code).toBe(0);
    expect(through.stderr).toBe('');
    expect(await countRows(t.db, 'utilisateur', sql`matricule = 'E-9'`)).toBe(1);
  });

  it('users import --help (and orgs import --help) list every field --map accepts, and the new flags', async () => {
    const help = await runMain(['users', 'import', '--help'], { env });
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`fields: ${ROSTER_FIELDS.join(', ')}`);
    expect(text).toContain('--ignore-column <Header>');
    expect(text).toContain('--name-order <order>');
    const orgs = await runMain(['orgs', 'import', '--help'], { env });
    expect(orgs.stdout.replace(/\s+/g, ' ')).toContain(`fields: ${ORG_FIELDS.join(', ')}`);
  });
});
