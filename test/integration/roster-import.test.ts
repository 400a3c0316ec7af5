import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
  writeSync,
  openSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import type { WriteSession } from '../../src/db/session.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { resolveActor, type Actor } from '../../src/services/actor.js';
import { importRoster, type ImportHooks, type ImportOptions } from '../../src/services/roster-import.js';
import { BACKENDS, countRows, createServerDatabase, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { HEADER, rosterDir, writeRoster, rosterImportOptions } from '../support/rosters.js';

describe.each(BACKENDS)('roster import on the %s back end', (backend) => {
  let t: TestDatabase;
  let superAdmin: Actor;
  let admin: Actor;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2015, est_disponible: false }, { annee: 2023 }, { annee: 2024 }, { annee: 2025 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Génie informatique' }, { nom_domaine: 'Gestion' }, { nom_domaine: 'Télécommunications' }])
      .execute();
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Fatou Sall', matricule: 'ADM-1', email: 'fatou@ecole.example', role: 'super_admin' },
        { nom_complet: 'Jérôme Kaboré', matricule: 'ADM-2', email: 'jerome@ecole.example', role: 'admin' },
      ])
      .execute();
    superAdmin = await resolveActor(t.db, 'ADM-1');
    admin = await resolveActor(t.db, 'ADM-2');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    dir = rosterDir();
    await sql`delete from utilisateur where matricule like 'E-%'`.execute(t.db);
  });

  const as = (actor: Actor): WriteSession => ({ actorId: actor.id, actorRole: actor.role, userAgent: 'alumni/test users import' });
  const run = (file: string, options: Partial<ImportOptions> = {}, actor: Actor = admin, hooks: ImportHooks = {}) =>
    importRoster(t.db, as(actor), rosterImportOptions(file, dir, options), hooks);
  const stored = (matricule: string) => t.db.selectFrom('utilisateur').selectAll().where('matricule', '=', matricule).executeTakeFirst();
  const rejectsOf = (path: string): string[][] => parse(readFileSync(path), { bom: true, delimiter: ';' });

  it('reads an Excel ";" file in Windows-1252 with its accents', async () => {
    const file = writeRoster(
      dir,
      'promo.csv',
      [
        HEADER,
        ['Zoé Ndiaye', 'E-1', 'Zoe.Ndiaye@Exemple.SN', '2024', '77 123 45 67', 'genie INFORMATIQUE', 'oui'],
        ['"Koné; Adama"', 'E-2', '', '2025', '+225 07 08 09 10 11', 'Gestion', 'non'],
      ],
      { encoding: 'windows-1252' },
    );
    const summary = await run(file);
    expect(summary).toMatchObject({
      read: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 0,
      rejects_file: null,
      dry_run: false,
    });
    expect(await stored('E-1')).toMatchObject({
      nom_complet: 'Zoé Ndiaye',
      email: 'zoe.ndiaye@exemple.sn',
      telephone: '+221771234567',
      domaine: 'Génie informatique',
      travailleur: true,
      annee_sortie: 2024,
      statut: 'etudiant',
      role: 'user',
      mot_de_passe_hash: null,
    });
    expect(await stored('E-2')).toMatchObject({ nom_complet: 'Koné; Adama', telephone: '+2250708091011', travailleur: false });
  });

  it('reads a UTF-8 file with a BOM, comma-delimited, with English headers', async () => {
    const file = writeRoster(
      dir,
      'bom.csv',
      [
        ['Full name', 'Student ID', 'Email', 'Graduation year', 'Phone', 'Major', 'Employed'],
        ['Adèle Mbaye', 'E-3', 'adele@exemple.sn', '2023', '+33 6 12 34 56 78', 'Télécommunications', 'yes'],
      ],
      { delimiter: ',', encoding: 'utf-8-bom', eol: '\n' },
    );
    expect(await run(file)).toMatchObject({ read: 1, inserted: 1 });
    expect(await stored('E-3')).toMatchObject({
      nom_complet: 'Adèle Mbaye',
      telephone: '+33612345678',
      domaine: 'Télécommunications',
      travailleur: true,
    });
  });

  it.each([['\r\n'], ['\n']])('gives the physical start line of multi-line quoted records in the rejects (eol %j)', async (eol) => {
    const file = writeRoster(
      dir,
      'multi.csv',
      [
        HEADER,
        ['"Awa', 'Diop"', 'E-4', '', '2024', '', '', ''].slice(0, 0).concat(['"Awa' + eol + 'Diop"', 'E-4', '', '2024', '', '', '']),
        ['"Bad', 'mail"'].slice(0, 0).concat(['"Moussa' + eol + 'Ba' + eol + 'Junior"', 'E-5', 'moussa@', '2024', '', '', '']),
        ['', '', '', '', '', '', ''],
        ['Ibrahima Fall', 'E-6', '', '1999', '', '', ''],
      ],
      { eol },
    );
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 3, inserted: 1, rejected: 2 });
    const lines = readFileSync(summary.rejects_file!, 'utf8');
    expect(lines.startsWith('\uFEFFNom complet;Matricule;E-mail;Année de sortie;Téléphone;Filière;Travailleur;line;reason\r\n')).toBe(true);
    // E-4 starts on line 2 and spans 2 lines; E-5 on 4 (3 lines); a blank line 7; E-6 on 8.
    expect(lines).toContain(`"Moussa${eol}Ba${eol}Junior";E-5;moussa@;2024;;;;4;`);
    expect(lines).toMatch(/Ibrahima Fall;E-6;;1999;;;;8;graduation year 1999 is not among the graduation years/);
  });

  it('rejects each bad row with a precise reason and keeps the good ones', async () => {
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Propriétaire', matricule: 'E-OWNER', email: 'pris@exemple.sn' }).execute();
    const file = writeRoster(dir, 'bad.csv', [
      HEADER,
      ['', 'E-10', '', '2024', '', '', ''],
      ['Sans Matricule', '', '', '2024', '', '', ''],
      ['Mauvais Mail', 'E-11', 'paul.at.example', '2024', '', '', ''],
      ['Mauvais Tel', 'E-12', '', '2024', '+221 12', '', ''],
      ['Tel Sans Pays', 'E-13', '', '2024', '77 123 45 67', '', ''],
      ['Annee Fermee', 'E-14', '', '2015', '', '', ''],
      ['Annee Inconnue', 'E-15', '', '2031', '', '', ''],
      ['Annee Texte', 'E-16', '', 'deux mille', '', '', ''],
      ['Filiere Inconnue', 'E-17', '', '2024', '', 'Astrologie', ''],
      ['Travailleur Flou', 'E-18', '', '2024', '', '', 'peut-être'],
      ['Bon', 'E-19', 'bon@exemple.sn', '2024', '', '', ''],
      ['Mail Pris', 'E-21', 'pris@exemple.sn', '2024', '', '', ''],
      ['Trop De Cellules', 'E-22', '', '2024', '', '', '', 'en trop'],
    ]);
    const summary = await run(file, { country: undefined, batchSize: 100 });
    expect(summary).toMatchObject({ read: 13, inserted: 1, rejected: 12 });
    const reasons = Object.fromEntries(
      rejectsOf(summary.rejects_file!)
        .slice(1)
        .map((cells) => [cells[1], cells.at(-1)]),
    );
    expect(reasons).toEqual({
      'E-10': 'the name is empty',
      '': 'the matricule is empty',
      'E-11': 'e-mail "paul.at.example" is not a valid address (it has no @)',
      'E-12': 'phone "+221 12" is not a valid number',
      'E-13': 'phone "77 123 45 67" has no country code; give the default country with --country',
      'E-14': 'graduation year 2015 is closed',
      'E-15': 'graduation year 2031 is not among the graduation years (add it, or use --create-missing-references)',
      'E-16': 'graduation year "deux mille" is not a year',
      'E-17': 'field "Astrologie" is not among the fields (add it, or use --create-missing-references)',
      'E-18':
        'employment situation "peut-être" is neither oui/non (yes/no, 1/0, x) nor a situation such as En emploi, En recherche or Étudiant',
      'E-21': 'e-mail pris@exemple.sn belongs to matricule E-OWNER',
      'E-22': '8 cells where the header has 7',
    });
    expect(await countRows(t.db, 'utilisateur', sql`matricule like 'E-%' and matricule <> 'E-OWNER'`)).toBe(1);
  });

  it('lists every problem of a row in its reason, separated by "; ", so one round of fixes is enough', async () => {
    const file = writeRoster(dir, 'trois.csv', [
      HEADER,
      ['Trois Problèmes', 'E-30', 'issa..diallo@gmail.com', '2031', '+221 12', '', 'peut-être'],
      ['', '', '', '2024', '', 'Astrologie', ''],
      ['Bon', 'E-31', '', '2024', '', '', ''],
    ]);
    const summary = await run(file, { batchSize: 100 });
    expect(summary).toMatchObject({ read: 3, inserted: 1, rejected: 2 });
    expect(rejectsOf(summary.rejects_file!).map((cells) => cells.at(-1))).toEqual([
      'reason',
      [
        'e-mail "issa..diallo@gmail.com" is not a valid address (two dots in a row)',
        'graduation year 2031 is not among the graduation years (add it, or use --create-missing-references)',
        'phone "+221 12" is not a valid number',
        'employment situation "peut-être" is neither oui/non (yes/no, 1/0, x) nor a situation such as En emploi, En recherche or Étudiant',
      ].join('; '),
      'the name is empty; the matricule is empty; field "Astrologie" is not among the fields (add it, or use --create-missing-references)',
    ]);
    expect(await stored('E-30')).toBeUndefined();
  });

  it('lists every problem a row has with the stored accounts in one reason', async () => {
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Propriétaire', matricule: 'E-OWNER', email: 'pris@exemple.sn' }).execute();
    const file = writeRoster(dir, 'update.csv', [HEADER, ['Inconnu', 'E-32', 'pris@exemple.sn', '', '', '', '']]);
    const summary = await run(file, { mode: 'update' });
    expect(summary).toMatchObject({ read: 1, updated: 0, rejected: 1 });
    expect(rejectsOf(summary.rejects_file!)[1]!.at(-1)).toBe(
      'e-mail pris@exemple.sn belongs to matricule E-OWNER; matricule E-32 does not exist (mode update adds nobody)',
    );
  });

  it('reads each national phone with the row’s own country (Pays, Country or Indicatif), --country for the others', async () => {
    for (const header of ['Pays', 'Country', 'Indicatif']) {
      const file = writeRoster(dir, 'pays.csv', [
        ['Nom complet', 'Matricule', 'Téléphone', header],
        ['Béninoise', 'E-50', '0197453659', header === 'Indicatif' ? '+229' : 'Bénin'],
        ['Ivoirien', 'E-51', '07 08 09 10 11', header === 'Indicatif' ? '00225' : "côte d'ivoire"],
        ['Sénégalaise', 'E-52', '77 123 45 67', ''],
        ['Inconnu', 'E-53', '77 123 45 67', 'Wakanda'],
      ]);
      const summary = await run(file, { batchSize: 100 });
      expect(summary, header).toMatchObject({ read: 4, rejected: 1 });
      expect((await stored('E-50'))?.telephone).toBe('+2290197453659');
      expect((await stored('E-51'))?.telephone).toBe('+2250708091011');
      expect((await stored('E-52'))?.telephone).toBe('+221771234567');
      expect(rejectsOf(summary.rejects_file!)[1]!.at(-1)).toBe(
        'the country "Wakanda" is not a country phone numbers can be read for (write an ISO code such as SN, a country name, or a dialling code such as +221)',
      );
    }
    expect(await t.db.selectFrom('utilisateur').select('matricule').where('matricule', 'like', 'E-5%').execute()).toHaveLength(3);
  });

  it('says whose number a phone refused for --country looks like', async () => {
    const file = writeRoster(dir, 'benin.csv', [HEADER, ['Béninoise', 'E-54', '', '', '0803 123 4567', '', '']]);
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 1, rejected: 1 });
    expect(rejectsOf(summary.rejects_file!)[1]!.at(-1)).toBe(
      'phone "0803 123 4567" is not a valid number for SN; it looks like a number from Nigeria: write +234 803 123 4567',
    );
    const benin = writeRoster(dir, 'benin2.csv', [HEADER, ['Béninoise', 'E-54', '', '', '0197453659', '', '']]);
    expect(rejectsOf((await run(benin)).rejects_file!)[1]!.at(-1)).toBe(
      'phone "0197453659" is not a valid number for SN; it looks like a number from Benin (+229 01 97 45 36 59), ' +
        'Côte d’Ivoire (+225 01 97 45 3659) or France (+33 1 97 45 36 59): write it with its country code',
    );
  });

  it('stores an internationalised e-mail domain in its ASCII form: both spellings are one address', async () => {
    const first = writeRoster(dir, 'idn.csv', [HEADER, ['Fatou Diop', 'E-60', 'Fatou@École.SN', '', '', '', '']]);
    expect(await run(first)).toMatchObject({ inserted: 1, rejected: 0 });
    expect((await stored('E-60'))?.email).toBe('fatou@xn--cole-9oa.sn');
    const punycode = writeRoster(dir, 'punycode.csv', [HEADER, ['Fatou Diop', 'E-60', 'fatou@xn--cole-9oa.sn', '', '', '', '']]);
    expect(await run(punycode)).toMatchObject({ read: 1, unchanged: 1, rejected: 0 });
    const other = writeRoster(dir, 'autre.csv', [HEADER, ['Autre Fatou', 'E-61', 'FATOU@e\u0301cole.sn', '', '', '', '']]);
    const summary = await run(other);
    expect(summary).toMatchObject({ read: 1, inserted: 0, rejected: 1 });
    expect(rejectsOf(summary.rejects_file!)[1]!.at(-1)).toBe('e-mail fatou@xn--cole-9oa.sn belongs to matricule E-60');
  });

  describe('a matricule or an e-mail on several lines', () => {
    // batchSize 2: the first line of each pair is read batches before its repeat, so
    // only holding the lines back can reject both.
    const repeated = () =>
      writeRoster(dir, 'repeats.csv', [
        HEADER,
        ['Koffi Mensah', 'E-200', 'koffi@exemple.bj', '2024', '', 'Gestion', 'oui'],
        ['Awa Diop', 'E-201', '', '2024', '', '', ''],
        ['Ibrahim Sow', 'E-202', 'ibrahim@exemple.sn', '2024', '77 123 45 67', '', ''],
        ['Fatou Ba', 'E-203', '', '2024', '', '', ''],
        ['Koffi Mensah', 'E-200', 'koffi@exemple.bj', '2023', '', 'Gestion', 'oui'],
        ['Ibrahim  Sow', 'E-202', 'IBRAHIM@exemple.sn', '2024', '+221771234567', '', ''],
        ['Nadia Kane', 'E-204', 'partage@exemple.sn', '2024', '', '', ''],
        ['Moussa Kane', 'E-205', 'Partage@Exemple.sn', '2024', '', '', ''],
        ['Koffi M.', 'E-200', '', '', 'pas un numéro', '', ''],
        ['Ibrahim Sow', 'E-202', 'ibrahim@exemple.sn', '2024', '77 123 45 67', '', ''],
      ]);

    it('rejects every line of a matricule with different data, each naming the others, and stores identical lines once', async () => {
      const summary = await run(repeated());
      expect(summary).toMatchObject({ read: 10, inserted: 3, skipped: 2, rejected: 5 });
      const rejects = rejectsOf(summary.rejects_file!).slice(1);
      expect(rejects.map((cells) => [cells.at(-2), cells.at(-1)])).toEqual(
        expect.arrayContaining([
          ['2', 'matricule E-200 appears on lines 2, 6 and 10 with different data'],
          ['6', 'matricule E-200 appears on lines 2, 6 and 10 with different data'],
          ['10', 'matricule E-200 appears on lines 2, 6 and 10 with different data; phone "pas un numéro" is not a valid number for SN'],
          ['8', 'e-mail partage@exemple.sn appears on lines 8 and 9 under different matricules (E-204, E-205)'],
          ['9', 'e-mail partage@exemple.sn appears on lines 8 and 9 under different matricules (E-204, E-205)'],
        ]),
      );
      expect(rejects).toHaveLength(5);
      // The rejected lines keep their cells, so the rejects file can be fixed and re-imported.
      expect(rejects[0]!.slice(0, 7)).toEqual(['Koffi Mensah', 'E-200', 'koffi@exemple.bj', '2024', '', 'Gestion', 'oui']);
      expect(await stored('E-200')).toBeUndefined();
      expect(await stored('E-204')).toBeUndefined();
      expect(await stored('E-205')).toBeUndefined();
      // Written two ways, the same phone and e-mail: one person, stored once.
      expect(await stored('E-202')).toMatchObject({ nom_complet: 'Ibrahim Sow', email: 'ibrahim@exemple.sn', telephone: '+221771234567' });
      expect(await countRows(t.db, 'utilisateur', sql`matricule in ('E-201', 'E-202', 'E-203')`)).toBe(3);
      expect(await countRows(t.db, 'audit_log', sql`nouveau_data->>'matricule' = 'E-202'`)).toBe(1);
    });

    it('names ten of the lines at most in each reason, and how many more', async () => {
      const lines = Array.from({ length: 13 }, (_, i) => [`Personne ${i}`, 'E-250', '', '', '', '', '']);
      const summary = await run(writeRoster(dir, 'many.csv', [HEADER, ...lines]));
      expect(summary).toMatchObject({ read: 13, rejected: 13 });
      const reasons = new Set(
        rejectsOf(summary.rejects_file!)
          .slice(1)
          .map((cells) => cells.at(-1)),
      );
      expect([...reasons]).toEqual(['matricule E-250 appears on lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 more with different data']);
    });

    it('rejects one invalid line exported twice for its own reason only', async () => {
      const file = writeRoster(dir, 'twice-invalid.csv', [
        HEADER,
        ['Deux Fois', 'E-210', '', '2024', 'pas un numéro', '', ''],
        ['Deux Fois', 'E-210', '', '2024', 'pas un numéro', '', ''],
      ]);
      const summary = await run(file);
      expect(summary).toMatchObject({ inserted: 0, rejected: 2 });
      expect(
        rejectsOf(summary.rejects_file!)
          .slice(1)
          .map((cells) => cells.at(-1)),
      ).toEqual(['phone "pas un numéro" is not a valid number for SN', 'phone "pas un numéro" is not a valid number for SN']);
    });

    it('reports the repeats it skipped', async () => {
      const repeats: Array<{ line: number; sameAs: number }> = [];
      await run(repeated(), {}, admin, { onRepeats: (r) => repeats.push(...r) });
      expect(repeats).toEqual([
        { line: 7, sameAs: 4 },
        { line: 11, sameAs: 4 },
      ]);
    });

    it('counts the same in a dry run, and in one read from standard input', async () => {
      expect(await run(repeated(), { dryRun: true })).toMatchObject({ read: 10, inserted: 3, skipped: 2, rejected: 5 });
      const stdin = Readable.from([readFileSync(repeated())]);
      expect(await run('-', { stdin })).toMatchObject({ read: 10, inserted: 3, skipped: 2, rejected: 5 });
      expect(await stored('E-200')).toBeUndefined();
    });

    it('rejects them all under --all-or-nothing, writing nothing', async () => {
      expect(await run(repeated(), { allOrNothing: true })).toMatchObject({ inserted: 0, skipped: 0, rejected: 5 });
      expect(await countRows(t.db, 'utilisateur', sql`matricule like 'E-20_'`)).toBe(0);
    });
  });

  it('stores numbers written before the Benin and Ivorian renumberings in their 10-digit form, in every spelling', async () => {
    const file = writeRoster(dir, 'legacy-phones.csv', [
      HEADER,
      ['Bénin Espaces', 'E-300', '', '', '+229 97 12 34 56', '', ''],
      ['Bénin Points', 'E-301', '', '', '+229 97.12.34.56', '', ''],
      ['Bénin Tirets', 'E-302', '', '', '+229-97-12-34-56', '', ''],
      ['Bénin Parenthèses', 'E-303', '', '', '(+229) 97 12 34 56', '', ''],
      ['Bénin 00', 'E-304', '', '', '00229 97 12 34 56', '', ''],
      ['Bénin Collé', 'E-305', '', '', '+22997123456', '', ''],
      ['Bénin Nouveau', 'E-306', '', '', '+229 01 97 12 34 56', '', ''],
      ['Bénin Fixe', 'E-307', '', '', '+229 21 30 12 34', '', ''],
      ['CI Orange', 'E-310', '', '', '+225 07 12 34 56', '', ''],
      ['CI MTN', 'E-311', '', '', '00225 05.12.34.56', '', ''],
      ['CI Moov', 'E-312', '', '', '+225 01-23-45-67', '', ''],
      ['CI Orange 8x', 'E-313', '', '', '+225 88 12 34 56', '', ''],
      ['CI Fixe Orange', 'E-314', '', '', '+225 20 21 23 45', '', ''],
      ['CI Nouveau', 'E-315', '', '', '+225 07 07 12 34 56', '', ''],
    ]);
    const summary = await run(file, { country: undefined });
    expect(summary).toMatchObject({ read: 14, inserted: 14, rejected: 0 });
    const phones = await t.db
      .selectFrom('utilisateur')
      .select(['matricule', 'telephone'])
      .where('matricule', '>=', 'E-300')
      .where('matricule', '<=', 'E-315')
      .orderBy('matricule')
      .execute();
    expect(Object.fromEntries(phones.map((p) => [p.matricule, p.telephone]))).toEqual({
      'E-300': '+2290197123456',
      'E-301': '+2290197123456',
      'E-302': '+2290197123456',
      'E-303': '+2290197123456',
      'E-304': '+2290197123456',
      'E-305': '+2290197123456',
      'E-306': '+2290197123456',
      'E-307': '+2290121301234',
      'E-310': '+2250707123456',
      'E-311': '+2250505123456',
      'E-312': '+2250101234567',
      'E-313': '+2250788123456',
      'E-314': '+2252720212345',
      'E-315': '+2250707123456',
    });
    // National spellings take the region from --country.
    const benin = writeRoster(dir, 'legacy-bj.csv', [
      HEADER,
      ['National BJ', 'E-320', '', '', '66 12 34 56', '', ''],
      ['National BJ Points', 'E-321', '', '', '97.12.34.56', '', ''],
      ['National BJ Tirets', 'E-322', '', '', '51-23-45-67', '', ''],
    ]);
    expect(await run(benin, { country: 'BJ' })).toMatchObject({ inserted: 3, rejected: 0 });
    const ivorian = writeRoster(dir, 'legacy-ci.csv', [
      HEADER,
      ['National CI', 'E-323', '', '', '07 12 34 56', '', ''],
      ['National CI MTN', 'E-324', '', '', '45.67.89.01', '', ''],
    ]);
    expect(await run(ivorian, { country: 'CI' })).toMatchObject({ inserted: 2, rejected: 0 });
    const national = await t.db
      .selectFrom('utilisateur')
      .select(['matricule', 'telephone'])
      .where('matricule', '>=', 'E-320')
      .where('matricule', '<=', 'E-324')
      .orderBy('matricule')
      .execute();
    expect(national.map((p) => p.telephone)).toEqual([
      '+2290166123456',
      '+2290197123456',
      '+2290151234567',
      '+2250707123456',
      '+2250545678901',
    ]);
  });

  it('stores names NFC, and finds a re-export in decomposed form unchanged', async () => {
    const composed = ['Zoé Ndiaye', 'E-400', 'zoé@exemple.sn', '2024', '', 'Génie informatique', 'oui'];
    const decomposed = composed.map((cell) => cell.normalize('NFD'));
    expect(decomposed[0]).not.toBe(composed[0]);
    const nfd = writeRoster(dir, 'nfd.csv', [HEADER, decomposed, ['Chloé Ba'.normalize('NFD'), 'E-401', '', '', '', '', '']]);
    expect(await run(nfd)).toMatchObject({ inserted: 2, rejected: 0 });
    expect(await stored('E-400')).toMatchObject({ nom_complet: 'Zoé Ndiaye', email: 'zoé@exemple.sn', domaine: 'Génie informatique' });
    expect((await stored('E-401'))!.nom_complet).toBe('Chloé Ba'.normalize('NFC'));
    const found = await t.db.selectFrom('utilisateur').select('matricule').where('nom_complet', '=', 'Zoé Ndiaye').execute();
    expect(found).toEqual([{ matricule: 'E-400' }]);

    const version = async () =>
      (await sql<{ xmin: string }>`select xmin::text as xmin from utilisateur where matricule = 'E-400'`.execute(t.db)).rows;
    const before = await version();
    const audit = await countRows(t.db, 'audit_log');
    const nfc = writeRoster(dir, 'nfc.csv', [HEADER, composed]);
    expect(await run(nfc)).toMatchObject({ unchanged: 1, updated: 0 });
    expect(await run(nfd)).toMatchObject({ unchanged: 2, updated: 0, inserted: 0 });
    expect(await version()).toEqual(before);
    expect(await countRows(t.db, 'audit_log')).toBe(audit);
  });

  it('lets a fixed rejects file be imported as it is', async () => {
    const file = writeRoster(dir, 'fixme.csv', [HEADER, ['Aïda Sow', 'E-30', 'aida@', '2024', '', '', '']]);
    const first = await run(file);
    const fixed = readFileSync(first.rejects_file!, 'utf8').replace('aida@;', 'aida@exemple.sn;');
    const fixedPath = join(dir, 'fixed.csv');
    writeFileSync(fixedPath, fixed);
    expect(await run(fixedPath)).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    expect(await stored('E-30')).toMatchObject({ email: 'aida@exemple.sn', nom_complet: 'Aïda Sow' });
  });

  describe('broken lines and bad characters', () => {
    /** Rows enough to push what follows past the first 64 KB, where the encoding and delimiter are judged. */
    const padding = (count: number) => Array.from({ length: count }, (_, i) => [`Rempli ${i}`, `E-P-${i}`, '', '2024', '', '', '']);
    const PAST_64_KB = 3000;
    const csvText = (rows: string[][]) => rows.map((cells) => cells.join(';')).join('\r\n') + '\r\n';

    it.each([
      ['in the first 64 KB', 0],
      ['past the first 64 KB', PAST_64_KB],
    ])(
      'a badly quoted cell %s rejects its line alone, its text in the first column; the rejects file re-imports once fixed',
      async (_where, pad) => {
        const file = writeRoster(dir, 'quotes.csv', [
          HEADER,
          ...padding(pad),
          ['"Awa "Junior" Diop"', 'E-31', '', '2024', '', '', ''],
          ['"Moussa Ba', 'E-32', '', '2024', '', '', ''],
          ['Ibou "Tonton" Ndiaye', 'E-33', '', '2024', '', '', ''],
          ['"Koné; Adama"', 'E-34', '', '2024', '', '', ''],
        ]);
        const summary = await run(file, { batchSize: 1000 });
        // Every record of the file is counted once, and the counts add up.
        expect(summary).toMatchObject({ read: pad + 4, inserted: pad + 2, rejected: 2, skipped: 0 });
        const rejects = rejectsOf(summary.rejects_file!);
        expect(rejects.slice(1).map((cells) => cells.slice(0, 2).concat(cells.slice(-2, -1)))).toEqual([
          ['"Awa "Junior" Diop";E-31;;2024;;;', '', String(pad + 2)],
          ['"Moussa Ba;E-32;;2024;;;', '', String(pad + 3)],
        ]);
        expect(rejects[1]!.at(-1)).toMatch(/^not readable as CSV \(a closing quote is followed by text/);
        expect(rejects[2]!.at(-1)).toMatch(/^not readable as CSV \(a closing quote is followed by text/);
        expect(await stored('E-33')).toMatchObject({ nom_complet: 'Ibou "Tonton" Ndiaye' });
        expect(await stored('E-34')).toMatchObject({ nom_complet: 'Koné; Adama' });

        // The registrar fixes the text in the first column, in a spreadsheet, and saves.
        rejects[1]![0] = '"Awa ""Junior"" Diop";E-31;;2024;;;';
        rejects[2]![0] = '"Moussa Ba";E-32;;2024;;;';
        const fixed = join(dir, 'quotes-fixed.csv');
        writeFileSync(fixed, stringify(rejects, { delimiter: ';', record_delimiter: '\r\n' }));
        expect(await run(fixed)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
        expect(await stored('E-31')).toMatchObject({ nom_complet: 'Awa "Junior" Diop', annee_sortie: 2024 });
        expect(await stored('E-32')).toMatchObject({ nom_complet: 'Moussa Ba', annee_sortie: 2024 });
      },
    );

    it('a quote never closed takes its line alone, past 100 lines or at the end of the file, and the lines after it are read', async () => {
      const file = writeRoster(dir, 'unclosed.csv', [
        HEADER,
        ['"Moussa Ba', 'E-41', '', '2024', '', '', ''],
        ...padding(150),
        ['"Fatou Fall', 'E-42', '', '2024', '', '', ''],
      ]);
      const summary = await run(file, { batchSize: 1000 });
      expect(summary).toMatchObject({ read: 152, inserted: 150, rejected: 2 });
      const rejects = rejectsOf(summary.rejects_file!).slice(1);
      expect(rejects.map((cells) => [cells[0], cells.at(-2), cells.at(-1)])).toEqual([
        ['"Moussa Ba;E-41;;2024;;;', '2', expect.stringContaining('a quote opens a cell that is not closed within 100 lines')],
        ['"Fatou Fall;E-42;;2024;;;', '153', expect.stringContaining('a quote opens a cell that is not closed by the end of the file')],
      ]);
      rejects.unshift([...HEADER, 'line', 'reason']);
      rejects[1]![0] = '"Moussa Ba";E-41;;2024;;;';
      rejects[2]![0] = 'Fatou Fall;E-42;;2024;;;';
      const fixed = join(dir, 'unclosed-fixed.csv');
      writeFileSync(fixed, stringify(rejects, { delimiter: ';' }));
      expect(await run(fixed)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
      expect(await stored('E-42')).toMatchObject({ nom_complet: 'Fatou Fall' });
    });

    it('a NUL past the first 64 KB rejects its row alone, the same in a dry run and a real run, and again on a re-run', async () => {
      const path = join(dir, 'nul.csv');
      writeFileSync(
        path,
        csvText([
          HEADER,
          ...padding(PAST_64_KB),
          ['Awa\0 Diop', 'E-51', '', '2024', '', '', ''],
          ['Ibou Ba', 'E-52', '', '2024', '', '', ''],
        ]),
      );
      const expected = { read: PAST_64_KB + 2, rejected: 1 };
      expect(await run(path, { dryRun: true, batchSize: 1000 })).toMatchObject({ ...expected, inserted: PAST_64_KB + 1 });
      const summary = await run(path, { batchSize: 1000 });
      expect(summary).toMatchObject({ ...expected, inserted: PAST_64_KB + 1 });
      expect(rejectsOf(summary.rejects_file!).slice(1)).toEqual([
        ['Awa\0 Diop', 'E-51', '', '2024', '', '', '', String(PAST_64_KB + 2), 'holds a NUL character'],
      ]);
      expect(await run(path, { batchSize: 1000 })).toMatchObject({ ...expected, unchanged: PAST_64_KB + 1 });
      expect(await stored('E-51')).toBeUndefined();
    });

    it('names U+FFFD for what it is, a character lost upstream', async () => {
      const file = writeRoster(dir, 'fffd.csv', [HEADER, ['Ad\uFFFDle Mbaye', 'E-53', '', '2024', '', '', '']]);
      const summary = await run(file);
      expect(summary).toMatchObject({ read: 1, rejected: 1 });
      const reason = rejectsOf(summary.rejects_file!)[1]!.at(-1);
      expect(reason).toMatch(/U\+FFFD .*lost before this file was written/);
      expect(reason).not.toMatch(/windows-1252/);
    });

    it('reads a mostly UTF-8 file with one Windows-1252 byte as UTF-8, rejecting that row with its line and byte', async () => {
      const names = Array.from({ length: 20 }, (_, i) => [`Adèle ${i}`, `E-6${String(i).padStart(2, '0')}`, '', '2024', '', '', '']);
      const path = join(dir, 'mostly.csv');
      const bad = Buffer.concat([Buffer.from('Ad'), Buffer.from([0xe8]), Buffer.from('le Sow;E-699;;2024;;;\r\n')]);
      writeFileSync(
        path,
        Buffer.concat([Buffer.from(csvText([HEADER, ...names.slice(0, 10)])), bad, Buffer.from(csvText(names.slice(10)))]),
      );
      let encoding: string | undefined;
      const summary = await run(path, { batchSize: 100 }, admin, { onStart: (details) => (encoding = details.encoding) });
      expect(encoding).toBe('utf-8');
      expect(summary).toMatchObject({ read: 21, inserted: 20, rejected: 1 });
      const rejects = rejectsOf(summary.rejects_file!).slice(1);
      expect(rejects.map((cells) => [cells[1], cells.at(-2), cells.at(-1)])).toEqual([
        ['E-699', '12', expect.stringMatching(/not valid UTF-8 \(0xE8\)/)],
      ]);
      expect(await stored('E-600')).toMatchObject({ nom_complet: 'Adèle 0' });
      expect(await stored('E-619')).toMatchObject({ nom_complet: 'Adèle 19' });
    });
  });

  describe('modes', () => {
    beforeEach(async () => {
      await t.db.insertInto('utilisateur').values({ nom_complet: 'Ancien Nom', matricule: 'E-40', annee_sortie: 2023 }).execute();
    });
    const file = () =>
      writeRoster(dir, 'modes.csv', [HEADER, ['Nouveau Nom', 'E-40', '', '', '', '', ''], ['Nouvelle', 'E-41', '', '2024', '', '', '']]);

    it('upsert inserts new matricules and updates known ones', async () => {
      expect(await run(file())).toMatchObject({ inserted: 1, updated: 1, skipped: 0, rejected: 0 });
      expect(await stored('E-40')).toMatchObject({ nom_complet: 'Nouveau Nom', annee_sortie: 2023 });
      expect(await stored('E-41')).toBeDefined();
    });

    it('insert skips known matricules', async () => {
      expect(await run(file(), { mode: 'insert' })).toMatchObject({ inserted: 1, updated: 0, skipped: 1, rejected: 0 });
      expect(await stored('E-40')).toMatchObject({ nom_complet: 'Ancien Nom' });
    });

    it('update rejects unknown matricules', async () => {
      const summary = await run(file(), { mode: 'update' });
      expect(summary).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
      expect(rejectsOf(summary.rejects_file!)[1]).toEqual([
        'Nouvelle',
        'E-41',
        '',
        '2024',
        '',
        '',
        '',
        '3',
        'matricule E-41 does not exist (mode update adds nobody)',
      ]);
      expect(await stored('E-41')).toBeUndefined();
    });
  });

  it('never erases a stored value with an empty cell', async () => {
    await t.db
      .insertInto('utilisateur')
      .values({
        nom_complet: 'Complet',
        matricule: 'E-50',
        email: 'complet@exemple.sn',
        telephone: '+221771112233',
        annee_sortie: 2023,
        domaine: 'Gestion',
        travailleur: true,
        titre: 'Ing.',
        statut: 'enseignant',
      })
      .execute();
    const file = writeRoster(dir, 'empty.csv', [
      [...HEADER, 'Titre', 'Statut'],
      ['Complet Renommé', 'E-50', '', '', '', '', '', '', ''],
    ]);
    expect(await run(file)).toMatchObject({ updated: 1 });
    expect(await stored('E-50')).toMatchObject({
      nom_complet: 'Complet Renommé',
      email: 'complet@exemple.sn',
      telephone: '+221771112233',
      annee_sortie: 2023,
      domaine: 'Gestion',
      travailleur: true,
      titre: 'Ing.',
      statut: 'enseignant',
    });
  });

  it('never erases a stored value with a missing column: a file without the phone, e-mail and field columns keeps them', async () => {
    await t.db
      .insertInto('utilisateur')
      .values({
        nom_complet: 'Sans Colonnes',
        matricule: 'E-55',
        email: 'sans@exemple.sn',
        telephone: '+221771112255',
        annee_sortie: 2023,
        domaine: 'Gestion',
        travailleur: true,
        titre: 'Dr',
        statut: 'enseignant',
      })
      .execute();
    const file = writeRoster(dir, 'fewer-columns.csv', [
      ['Nom complet', 'Matricule', 'Année de sortie', 'Travailleur'],
      ['Sans Colonnes Renommée', 'E-55', '2024', 'non'],
    ]);
    expect(await run(file)).toMatchObject({ updated: 1, rejected: 0 });
    expect(await stored('E-55')).toMatchObject({
      nom_complet: 'Sans Colonnes Renommée',
      annee_sortie: 2024,
      travailleur: false,
      email: 'sans@exemple.sn',
      telephone: '+221771112255',
      domaine: 'Gestion',
      titre: 'Dr',
      statut: 'enseignant',
    });
    // Name and matricule only: the rest of the row stays as stored.
    const bare = writeRoster(dir, 'bare.csv', [
      ['Matricule', 'Nom complet'],
      ['E-55', 'Sans Colonnes'],
    ]);
    expect(await run(bare)).toMatchObject({ updated: 1, rejected: 0 });
    expect(await stored('E-55')).toMatchObject({
      nom_complet: 'Sans Colonnes',
      annee_sortie: 2024,
      travailleur: false,
      email: 'sans@exemple.sn',
      telephone: '+221771112255',
      domaine: 'Gestion',
    });
  });

  it('writes nothing at all for an unchanged re-import: no row version, no audit row, updated_at kept', async () => {
    const file = writeRoster(dir, 'same.csv', [
      HEADER,
      ['Même', 'E-60', 'meme@exemple.sn', '2024', '+221 77 000 00 60', 'Gestion', 'oui'],
      ['Autre', 'E-61', '', '2025', '', '', ''],
    ]);
    await run(file);
    const version = () =>
      sql<{ matricule: string; xmin: string; updated_at: Date }>`
      select matricule, xmin::text as xmin, updated_at from utilisateur where matricule in ('E-60', 'E-61') order by matricule`.execute(
        t.db,
      );
    const before = (await version()).rows;
    const auditBefore = await countRows(t.db, 'audit_log');
    expect(await run(file)).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect((await version()).rows).toEqual(before);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
  });

  it('an unchanged re-import writes no tuple: no row is even offered to the table', async () => {
    const file = writeRoster(dir, 'again.csv', [
      HEADER,
      ['Encore Un', 'E-62', 'encore@exemple.sn', '2024', '', 'Gestion', 'oui'],
      ['Encore Deux', 'E-63', '', '2025', '', '', ''],
    ]);
    await run(file);
    await withOfferedRowCounter(t.db, async (offered) => {
      expect(await run(file, { batchSize: 5000 })).toMatchObject({ read: 2, inserted: 0, unchanged: 2 });
      expect(await offered()).toBe(0);
    });
  });

  it('a batch meeting a stored key after batches of new ones offers the table only its new rows', async () => {
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Déjà Là', matricule: 'E-66' }).execute();
    const file = writeRoster(dir, 'later-batch.csv', [
      HEADER,
      ['Nouveau Un', 'E-64', '', '', '', '', ''],
      ['Nouveau Deux', 'E-65', '', '', '', '', ''],
      ['Déjà Là', 'E-66', '', '', '', '', ''],
      ['Nouveau Trois', 'E-67', '', '', '', '', ''],
    ]);
    await withOfferedRowCounter(t.db, async (offered) => {
      expect(await run(file, { batchSize: 2 })).toMatchObject({ read: 4, inserted: 3, unchanged: 1 });
      // E-64, E-65 and E-67: a plain INSERT of the second batch would offer E-66 too.
      expect(await offered()).toBe(3);
    });
  });

  it('dry run checks everything, database included, counts exactly and writes nothing', async () => {
    await t.db
      .insertInto('utilisateur')
      .values([
        { nom_complet: 'Dry Known', matricule: 'E-70', annee_sortie: 2023 },
        { nom_complet: 'Dry Same', matricule: 'E-71' },
        { nom_complet: 'Dry Owner', matricule: 'E-72', email: 'owner@exemple.sn' },
      ])
      .execute();
    const file = writeRoster(dir, 'dry.csv', [
      HEADER,
      ['Dry Known', 'E-70', '', '2024', '', '', ''],
      ['Dry Same', 'E-71', '', '', '', '', ''],
      ['Dry New', 'E-73', '', '', '', '', ''],
      ['Dry Thief', 'E-74', 'owner@exemple.sn', '', '', '', ''],
      ['', 'E-75', '', '', '', '', ''],
    ]);
    const counts = async () => [
      await countRows(t.db, 'utilisateur'),
      await countRows(t.db, 'audit_log'),
      await countRows(t.db, 'alumni_admin.import_run'),
    ];
    const before = await counts();
    const summary = await run(file, { dryRun: true });
    expect(summary).toMatchObject({ read: 5, inserted: 1, updated: 1, unchanged: 1, rejected: 2, dry_run: true, import_id: null });
    expect(await counts()).toEqual(before);
    expect(await stored('E-70')).toMatchObject({ annee_sortie: 2023 });
  });

  it('all-or-nothing writes nothing when a row is rejected, and everything when none is', async () => {
    const bad = writeRoster(dir, 'aon.csv', [
      HEADER,
      ['Un', 'E-80', '', '', '', '', ''],
      ['Deux', 'E-81', '', '', '', '', ''],
      ['', 'E-82', '', '', '', '', ''],
    ]);
    const summary = await run(bad, { allOrNothing: true });
    expect(summary).toMatchObject({ read: 3, inserted: 0, rejected: 1 });
    expect(await countRows(t.db, 'utilisateur', sql`matricule in ('E-80', 'E-81')`)).toBe(0);
    const ledger = await t.db
      .selectFrom('alumni_admin.import_run')
      .select(['status'])
      .where('id', '=', summary.import_id!)
      .executeTakeFirstOrThrow();
    expect(ledger.status).toBe('rolled_back');

    const good = writeRoster(dir, 'aon-ok.csv', [HEADER, ['Un', 'E-80', '', '', '', '', ''], ['Deux', 'E-81', '', '', '', '', '']]);
    expect(await run(good, { allOrNothing: true })).toMatchObject({ inserted: 2, rejected: 0 });
  });

  it('creates missing years and fields when asked', async () => {
    const file = writeRoster(dir, 'refs.csv', [
      [...HEADER, 'Rôle'],
      ['Nouvelle Filière', 'E-90', '', '2026', '', 'Océanographie', ''],
      ['Même Filière', 'E-91', '', '2026', '', 'oceanographie', ''],
      // Years and fields only rejected lines use are not created.
      ['Conflit Un', 'E-92', '', '2027', '', 'Astronomie', ''],
      ['Conflit Deux', 'E-92', '', '2027', '', 'Astronomie', ''],
      ['Rôle Refusé', 'E-93', '', '2028', '', '', '', 'admin'],
    ]);
    expect(await run(file, { createMissingReferences: true })).toMatchObject({ inserted: 2, rejected: 3 });
    expect(await countRows(t.db, 'annee_reference', sql`annee = 2026`)).toBe(1);
    expect(await countRows(t.db, 'domaine_reference', sql`nom_domaine = 'Océanographie'`)).toBe(1);
    expect(await countRows(t.db, 'annee_reference', sql`annee in (2027, 2028)`)).toBe(0);
    expect(await countRows(t.db, 'domaine_reference', sql`nom_domaine = 'Astronomie'`)).toBe(0);
    expect(await stored('E-91')).toMatchObject({ domaine: 'Océanographie' });
  });

  it('lets only a super_admin give roles through the file', async () => {
    const file = writeRoster(dir, 'roles.csv', [
      ['Nom', 'Matricule', 'Rôle', 'Statut'],
      ['Nouvel Admin', 'E-95', 'admin', 'personnel_admin'],
    ]);
    expect(await run(file)).toMatchObject({ inserted: 0, rejected: 1 });
    expect(await run(file, {}, superAdmin)).toMatchObject({ inserted: 1 });
    expect(await stored('E-95')).toMatchObject({ role: 'admin', statut: 'personnel_admin' });
  });

  it('audits every imported row with the acting administrator and the import, and records the run', async () => {
    const file = writeRoster(dir, 'audit.csv', [
      HEADER,
      ['Audité Un', 'E-100', '', '', '', '', ''],
      ['Audité Deux', 'E-101', '', '', '', '', ''],
    ]);
    const summary = await run(file);
    const entries = await t.db
      .selectFrom('audit_log')
      .select(['utilisateur_id', 'user_agent', 'action'])
      .where(sql<boolean>`nouveau_data->>'matricule' in ('E-100', 'E-101')`)
      .execute();
    expect(entries).toEqual([
      { utilisateur_id: admin.id, user_agent: `alumni/test users import ${summary.import_id}`, action: 'INSERT' },
      { utilisateur_id: admin.id, user_agent: `alumni/test users import ${summary.import_id}`, action: 'INSERT' },
    ]);
    const ledger = await t.db
      .selectFrom('alumni_admin.import_run')
      .selectAll()
      .where('id', '=', summary.import_id!)
      .executeTakeFirstOrThrow();
    expect(ledger).toMatchObject({
      file_name: file,
      acteur_id: admin.id,
      mode: 'upsert',
      status: 'completed',
      read: 2,
      inserted: 2,
      rejected: 0,
    });
    expect(ledger.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(ledger.finished_at).toBeInstanceOf(Date);
  });

  it('accepts a header with no rows: all counts 0', async () => {
    const file = writeRoster(dir, 'header-only.csv', [HEADER]);
    expect(await run(file)).toMatchObject({ read: 0, inserted: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0, rejects_file: null });
  });

  it('reads standard input', async () => {
    const stdin = Readable.from([Buffer.from(`${HEADER.join(';')}\nDepuis Stdin;E-110;;;;;\n`)]);
    const summary = await run('-', { stdin });
    expect(summary).toMatchObject({ read: 1, inserted: 1 });
    expect(await stored('E-110')).toMatchObject({ nom_complet: 'Depuis Stdin' });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /is empty/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x01]), /looks binary/],
    [
      'a damaged workbook (a ZIP file cut short)',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]),
      /cannot be read as an Excel workbook/,
    ],
    ['an old Excel workbook (.xls)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]), /old Excel workbook \(\.xls\)/],
    ['only blank lines', Buffer.from('\r\n\r\n;;\r\n'), /no header/],
    ['no matricule column', Buffer.from('Nom;Ville\r\nAwa;Dakar\r\n'), /no column for the matricule/],
    ['UTF-16', Buffer.from('\uFEFFNom;Matricule\r\n', 'utf16le'), /UTF-16/],
    [
      'a header line with an unclosed quote',
      Buffer.from('"Nom complet;Matricule\r\nAwa Diop;E-1\r\n'),
      /header line .*\(line 1\) is not readable as CSV/,
    ],
  ])('refuses %s with exit 2 and writes nothing, not even the ledger', async (_label, bytes, message) => {
    const path = join(dir, 'unusable.csv');
    writeFileSync(path, bytes);
    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    await expect(run(path)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(message) });
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
    expect(existsSync(join(dir, 'unusable.rejects.csv'))).toBe(false);
  });

  it('refuses an unknown --country with exit 2 before writing anything', async () => {
    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    const file = writeRoster(dir, 'zz.csv', [HEADER, ['Pays Inconnu', 'E-500', '', '', '77 123 45 67', '', '']]);
    await expect(run(file, { country: 'ZZ' as 'SN' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/Country code "ZZ"/),
    });
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
    expect(await stored('E-500')).toBeUndefined();
  });

  it('quotes only the start of a long cell in a reason', async () => {
    const file = writeRoster(dir, 'long-cell.csv', [HEADER, ['Cellule Longue', 'E-700', 'y'.repeat(100_000), '', '', '', '']]);
    expect(await run(file)).toMatchObject({ rejected: 1 });
    expect(rejectsOf(join(dir, 'long-cell.rejects.csv'))[1]!.at(-1)).toBe(
      `e-mail "${'y'.repeat(60)}… (99,940 more characters)" is not a valid address (it has no @)`,
    );
  });

  it('refuses a missing file with exit 2', async () => {
    await expect(run(join(dir, 'absent.csv'))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/no such file/) });
  });

  describe('a rejects file that cannot be written is refused before anything is read or written (exit 2)', () => {
    // Root writes where permission bits say no: a folder no one can create files in.
    const readOnlyFolder = () => {
      if (process.getuid?.() === 0) return '/sys';
      const folder = join(dir, 'read-only');
      mkdirSync(folder);
      chmodSync(folder, 0o555);
      return folder;
    };
    it.each<[string, (input: string) => string, RegExp]>([
      ['an empty path', () => '', /^The path of the rejects file is empty; give a file name with --rejects\.$/],
      ['the input itself', (input) => input, /: it is the file being imported; choose another with --rejects\.$/],
      ['the input as ./name', () => './bad-rows.csv', /: it is the file being imported/],
      [
        'a symbolic link to the input',
        (input) => (symlinkSync(input, join(dir, 'link.csv')), join(dir, 'link.csv')),
        /: it is the file being imported/,
      ],
      [
        'a hard link to the input',
        (input) => (linkSync(input, join(dir, 'hard.csv')), join(dir, 'hard.csv')),
        /: it is the file being imported/,
      ],
      ['a directory', () => dir, /: it is a directory; choose another with --rejects\.$/],
      [
        'a device',
        () => '/dev/full',
        /^Cannot write the rejects file \/dev\/full: it is not a regular file \(a device, a FIFO or a socket\)/,
      ],
      ['a FIFO', () => (execFileSync('mkfifo', [join(dir, 'pipe')]), join(dir, 'pipe')), /pipe: it is not a regular file/],
      [
        'in a folder that does not exist',
        () => join(dir, 'absent', 'r.csv'),
        /: its folder .*absent does not exist; choose another with --rejects\.$/,
      ],
      [
        'in a folder that cannot be written',
        () => join(readOnlyFolder(), 'r.csv'),
        /: permission denied; choose another with --rejects\.$/,
      ],
    ])('%s', async (_label, rejectsPath, message) => {
      const input = writeRoster(dir, 'bad-rows.csv', [
        HEADER,
        ['Awa Valide', 'E-600', '', '', '', '', ''],
        ['', 'E-601', '', '', '', '', ''],
      ]);
      const bytes = readFileSync(input);
      const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
      await expect(run(input, { rejectsPath: rejectsPath(input) })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(message),
      });
      expect(readFileSync(input)).toEqual(bytes);
      expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
      expect(await stored('E-600')).toBeUndefined();
    });

    it('the default rejects path too: never the input under another name', async () => {
      const input = writeRoster(dir, 'promo.csv', [HEADER, ['', 'E-602', '', '', '', '', '']]);
      const elsewhere = join(dir, 'elsewhere');
      mkdirSync(elsewhere);
      linkSync(input, join(elsewhere, 'promo.rejects.csv'));
      const bytes = readFileSync(input);
      await expect(run(input, { cwd: elsewhere })).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringMatching(/it is the file being imported/),
      });
      expect(readFileSync(input)).toEqual(bytes);
    });

    it('a writable path is left alone until a row is rejected', async () => {
      const input = writeRoster(dir, 'clean.csv', [HEADER, ['Awa Valide', 'E-603', '', '', '', '', '']]);
      expect(await run(input, { rejectsPath: 'r.csv' })).toMatchObject({ inserted: 1, rejects_file: null });
      expect(existsSync(join(dir, 'r.csv'))).toBe(false);
    });
  });
});

/**
 * A file that changes while it is imported. Deterministic, whatever the machine's speed:
 * a lock on utilisateur holds the first batches, so the import is known to be inside its
 * second reading (its ledger row is open) and cannot have finished it when the file changes.
 */
describe('a roster file that changes during its import (server)', () => {
  let t: TestDatabase;
  let dir: string;
  let session: WriteSession;
  beforeAll(async () => {
    t = await createServerDatabase();
    const admin = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Fatou Sall', matricule: 'ADM-1', email: 'fatou@ecole.example', role: 'admin' })
      .returning(['id', 'role'])
      .executeTakeFirstOrThrow();
    session = { actorId: admin.id, actorRole: admin.role, userAgent: 'alumni/test users import' };
    dir = rosterDir();
  });
  afterAll(() => t.close());

  // Each test its own matricules: a file whose rows are all stored and unchanged is
  // counted by the change check and not written again, so no batch would wait on the lock.
  const rows = (count: number, prefix = 'CH') =>
    Array.from({ length: count }, (_, i) => [`Diplômé ${i}`, `${prefix}-${i}`, '', '', '', '', '']);
  const ledgerOf = (file: string) =>
    t.db.selectFrom('alumni_admin.import_run').select(['status', 'error', 'read']).where('file_name', '=', file).executeTakeFirst();

  /** Imports `file` with the first batches held until `change` has been done to it. */
  async function importChanging(file: string, change: () => void, options: Partial<ImportOptions> = {}) {
    let importing: Promise<unknown> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await sql`lock table utilisateur in share mode`.execute(trx);
      importing = importRoster(t.db, session, {
        file,
        mode: 'upsert',
        dryRun: false,
        allOrNothing: false,
        map: {},
        createMissingReferences: false,
        batchSize: 1,
        cwd: dir,
        ...options,
      });
      importing.catch(() => undefined);
      await vi.waitFor(async () => expect(await ledgerOf(file)).toMatchObject({ status: 'running' }), { timeout: 30_000, interval: 20 });
      change();
    });
    return importing!;
  }

  it('a file truncated during the import fails with a sentence, and the ledger says it failed and why', async () => {
    const file = writeRoster(dir, 'truncated.csv', [HEADER, ...rows(40)]);
    await expect(importChanging(file, () => truncateSync(file, statSync(file).size / 2))).rejects.toMatchObject({
      exitCode: 1,
      message: `${file} changed while it was being imported: rows written before the change stay; import the file again once it is complete.`,
    });
    expect(await ledgerOf(file)).toMatchObject({ status: 'failed', error: expect.stringMatching(/changed while it was being imported/) });
  });

  it('in French, says so in French, and the ledger keeps its English message (machine data, the same in every language)', async () => {
    const file = writeRoster(dir, 'tronque.csv', [HEADER, ...rows(40, 'CHF')]);
    setLanguage({ language: 'fr', source: '--lang', value: 'fr' });
    try {
      await expect(importChanging(file, () => truncateSync(file, statSync(file).size / 2))).rejects.toMatchObject({
        exitCode: 1,
        code: 'import.file.changed',
        message: `${file} a changé pendant l'import : les lignes enregistrées avant le changement restent ; importez de nouveau le fichier une fois complet.`,
      });
    } finally {
      setLanguage({ language: 'en', source: 'default' });
    }
    expect(await ledgerOf(file)).toMatchObject({
      status: 'failed',
      error: `${file} changed while it was being imported: rows written before the change stay; import the file again once it is complete.`,
    });
  });

  it('a file rewritten in place, its size and modification time kept, fails on its checksum; all or nothing writes nothing', async () => {
    // The change is far beyond what the second reading can have read ahead while held.
    const file = join(dir, 'rewritten.csv');
    const notes = (count: number) => rows(count, 'CHR').map((cells) => [...cells, '']);
    const longNote = 'a'.repeat(6_000_000);
    writeRoster(dir, 'rewritten.csv', [[...HEADER, 'Notes'], ...notes(40), ['Dernier', 'CH-LAST', '', '', '', '', '', longNote]]);
    const before = statSync(file);
    // touch -r keeps the nanoseconds of the modification time, which a Date would lose.
    const times = join(dir, 'times');
    execFileSync('touch', ['-r', file, times]);
    const rewrite = () => {
      const fd = openSync(file, 'r+');
      writeSync(fd, 'b', before.size - '\r\n'.length - 1);
      closeSync(fd);
      execFileSync('touch', ['-r', times, file]);
    };
    const users = await countRows(t.db, 'utilisateur');
    await expect(importChanging(file, rewrite, { allOrNothing: true })).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/rewritten\.csv changed while it was being imported: nothing was written; import the file again/),
    });
    expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
    expect(await countRows(t.db, 'utilisateur')).toBe(users);
    expect(await ledgerOf(file)).toMatchObject({ status: 'failed' });
  });
});

/**
 * Runs `body` with a counter of the rows offered to utilisateur by any INSERT: a row-level
 * BEFORE INSERT trigger fires for each row tried, before the unique index refuses it and
 * leaves a dead tuple, and a sequence keeps counting through the rollback that follows.
 */
async function withOfferedRowCounter(db: Kysely<DB>, body: (offered: () => Promise<number>) => Promise<void>): Promise<void> {
  await sql`create sequence test_offered_rows`.execute(db);
  await sql`create function test_count_offered_row() returns trigger language plpgsql as
    $$ begin perform nextval('test_offered_rows'); return new; end $$`.execute(db);
  await sql`create trigger test_count_offered_rows before insert on utilisateur
    for each row execute function test_count_offered_row()`.execute(db);
  try {
    await body(async () => {
      const { rows } = await sql<{ offered: number }>`select (last_value - 1 + case when is_called then 1 else 0 end)::int as offered
        from test_offered_rows`.execute(db);
      return rows[0]!.offered;
    });
  } finally {
    await sql`drop trigger test_count_offered_rows on utilisateur`.execute(db);
    await sql`drop function test_count_offered_row()`.execute(db);
    await sql`drop sequence test_offered_rows`.execute(db);
  }
}
