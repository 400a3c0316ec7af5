import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WriteSession } from '../../src/db/session.js';
import type { ImportHooks } from '../../src/import/pipeline.js';
import { webDomain } from '../../src/import/orgs/validate.js';
import { importOrgs, type OrgImportOptions } from '../../src/services/org-import.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';
import ExcelJS from 'exceljs';
import { rosterDir, writeRoster } from '../support/rosters.js';

const FR_HEADER = ['Raison sociale', 'Type', "Secteur d'activité", 'Ville', 'Pays', 'Site web', 'E-mail', 'Téléphone', 'Date de création'];

describe.each(BACKENDS)('partner-list import (orgs import) on the %s back end', (backend) => {
  let t: TestDatabase;
  let session: WriteSession;
  let adminId: string;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    const admin = await t.db
      .insertInto('utilisateur')
      .values({ nom_complet: 'Awa Diop', matricule: 'IMP-ADM', email: 'awa@ecole.example', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    adminId = admin.id;
    session = { actorId: admin.id, actorRole: 'admin', userAgent: 'alumni/test orgs import' };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    dir = rosterDir();
    await sql`delete from organisation`.execute(t.db);
  });

  const run = (file: string, options: Partial<OrgImportOptions> = {}, hooks: ImportHooks = {}) =>
    importOrgs(
      t.db,
      session,
      { file, mode: 'upsert', dryRun: false, allOrNothing: false, map: {}, batchSize: 2, cwd: dir, country: 'BJ', ...options },
      hooks,
    );
  const org = (name: string) => t.db.selectFrom('organisation').selectAll().where('nom_organisation', '=', name).executeTakeFirst();
  const orgCount = () => countRows(t.db, 'organisation');
  const auditCount = () => countRows(t.db, 'audit_log', sql`table_name = 'organisation'`);
  const rejectsOf = (path: string): string[][] => parse(readFileSync(path), { bom: true, delimiter: ';' });
  const seed = (values: Array<{ nom_organisation: string; site_web?: string; email_general?: string; statut?: 'active' | 'inactive' }>) =>
    t.db
      .insertInto('organisation')
      .values(values.map((v) => ({ type_organisation: 'entreprise' as const, statut: 'active' as const, ...v })))
      .returning(['id', 'nom_organisation'])
      .execute();

  it('reads a partner list kept as an Excel workbook: a date cell for the creation date, rejects with the sheet row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Partenaires');
    sheet.addRow(FR_HEADER);
    sheet.addRow([
      'Orange Bénin',
      'Entreprise',
      'Télécommunications',
      'Cotonou',
      'Bénin',
      'https://www.orange.bj',
      '',
      '',
      new Date(Date.UTC(1998, 2, 15)),
    ]);
    sheet.addRow([]);
    sheet.addRow(['Kaba', 'startup', 'Numérique', 'Lomé', 'Togo', 'ftp://kaba.tg', '', '', '']);
    const file = `${dir}/partenaires.xlsx`;
    await workbook.xlsx.writeFile(file);
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 2, inserted: 1, rejected: 1, rejects_file: `${dir}/partenaires.rejects.csv` });
    expect(await countRows(t.db, 'organisation', sql`nom_organisation = 'Orange Bénin' and date_creation = '1998-03-15'`)).toBe(1);
    const rejects = rejectsOf(summary.rejects_file!);
    expect(rejects[1]!.slice(0, 1).concat(rejects[1]!.slice(-2, -1))).toEqual(['Kaba', '4']);
  });

  it('reads a Windows-1252 ";" partner list with French headers, normalises values and rejects bad rows with reasons', async () => {
    const file = writeRoster(
      dir,
      'partenaires.csv',
      [
        FR_HEADER,
        [
          'Orange Bénin',
          'Entreprise',
          'Télécommunications',
          'Cotonou',
          'Bénin',
          'https://www.orange.bj',
          'Contact@Orange.BJ',
          '01 21 31 31 31',
          '15/03/1998',
        ],
        ["Agence Béninoise de l'Électricité", 'Institution publique', 'Énergie', 'Cotonou', 'Bénin', '', '', '', '2004-01-01'],
        ['Cabinet Ndiaye', 'cabinet', 'Conseil', 'Dakar', 'Sénégal', '', '', '', ''],
        ['Kaba', 'startup', 'Numérique', 'Lomé', 'Togo', 'ftp://kaba.tg', '', '', ''],
        ['Eau Vive', 'ONG', '', '', '', '', 'pas-une-adresse', '', ''],
        ['Banque Atlantique', 'Entreprise', '', '', '', '', '', '', '31/02/2020'],
        ['', 'Entreprise', 'Banque', 'Abidjan', '', '', '', '', ''],
        ['Société du Futur', 'Entreprise', '', '', '', '', '', '', '31/12/9999'],
      ],
      { encoding: 'windows-1252' },
    );
    const startedAt = new Date();
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 8, inserted: 2, updated: 0, unchanged: 0, skipped: 0, rejected: 6, dry_run: false });
    expect(await org('Orange Bénin')).toMatchObject({
      type_organisation: 'entreprise',
      secteur_activite: 'Télécommunications',
      site_web: 'https://www.orange.bj',
      email_general: 'contact@orange.bj',
      telephone_general: '+2290121313131',
      statut: 'active',
    });
    expect(String((await org('Orange Bénin'))!.date_creation)).toMatch(/1998/);
    expect(await org("Agence Béninoise de l'Électricité")).toMatchObject({ type_organisation: 'institution_publique', ville: 'Cotonou' });
    expect(await orgCount()).toBe(2);
    // Audited with the importing administrator and the import's id.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['utilisateur_id', 'user_agent'])
      .where('table_name', '=', 'organisation')
      // Earlier tests of this file audited their own imports' organisations.
      .where('created_at', '>=', startedAt)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.utilisateur_id === adminId && a.user_agent === `alumni/test orgs import ${summary.import_id}`)).toBe(true);

    const rejects = rejectsOf(summary.rejects_file!);
    expect(rejects[0]).toEqual([...FR_HEADER, 'line', 'reason']);
    const reasons = new Map(rejects.slice(1).map((r) => [r.at(-2), r.at(-1)]));
    expect(reasons.get('4')).toMatch(/the organisation's type "cabinet" is not one of entreprise, ONG/);
    expect(reasons.get('5')).toMatch(/the website/);
    expect(reasons.get('6')).toMatch(/e-mail "pas-une-adresse" is not a valid address/);
    expect(reasons.get('7')).toMatch(/the founding date "31\/02\/2020" is not a date/);
    expect(reasons.get('8')).toBe("the organisation's name is empty");
    // A creation date in the future is a typo, not a plan: the row is rejected, as a registrar would.
    expect(reasons.get('9')).toMatch(/^the founding date "9999-12-31" is in the future \(today is \d{4}-\d\d-\d\d\)$/);
  });

  it('lists every problem of a row in its reason, separated by "; "', async () => {
    const file = writeRoster(dir, 'partenaires.csv', [
      FR_HEADER,
      ['Orange Bénin', 'cabinet', '', '', '', 'orange.bj', 'contact..orange@orange.bj', '12', '31/02/2020'],
      ['SBEE', 'entreprise', '', '', '', '', '', '', ''],
    ]);
    const summary = await run(file, { match: 'email' });
    expect(summary).toMatchObject({ read: 2, inserted: 0, rejected: 2 });
    expect(rejectsOf(summary.rejects_file!).map((cells) => cells.at(-1))).toEqual([
      'reason',
      [
        'the organisation\'s type "cabinet" is not one of entreprise, ONG, institution_publique, startup, association',
        'the website "orange.bj" is not a web address (write it as https://…)',
        'e-mail "contact..orange@orange.bj" is not a valid address (two dots in a row)',
        'phone "12" is not a valid number for BJ',
        'the founding date "31/02/2020" is not a date (DD/MM/YYYY or YYYY-MM-DD)',
      ].join('; '),
      'no e-mail to match on (--match email)',
    ]);
    expect(await orgCount()).toBe(0);
  });

  it("reads a national phone with the row's Pays when it names a country, --country otherwise", async () => {
    const file = writeRoster(dir, 'partenaires.csv', [
      FR_HEADER,
      ['Sonatel', 'entreprise', '', 'Dakar', 'Sénégal', '', '', '33 839 12 00', ''],
      ['SBEE', 'entreprise', '', 'Cotonou', 'Pays inconnu', '', '', '0121313400', ''],
      ['Orange CI', 'entreprise', '', 'Abidjan', '+225', '', '', '07 08 09 10 11', ''],
    ]);
    expect(await run(file)).toMatchObject({ read: 3, inserted: 3, rejected: 0 });
    expect(await org('Sonatel')).toMatchObject({ pays: 'Sénégal', telephone_general: '+221338391200' });
    expect(await org('SBEE')).toMatchObject({ pays: 'Pays inconnu', telephone_general: '+2290121313400' });
    expect(await org('Orange CI')).toMatchObject({ pays: '+225', telephone_general: '+2250708091011' });
  });

  it('refuses a rejects path that is the input itself with exit 2, the file untouched and nothing written (the shared pipeline)', async () => {
    const file = writeRoster(dir, 'partenaires.csv', [FR_HEADER, ['Orange Bénin', 'entreprise', '', '', '', '', '', '', '31/02/2020']]);
    const bytes = readFileSync(file);
    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    await expect(run(file, { rejectsPath: './partenaires.csv' })).rejects.toMatchObject({
      exitCode: 2,
      message: `Cannot write the rejects file ${file}: it is the file being imported; choose another with --rejects.`,
    });
    expect(readFileSync(file)).toEqual(bytes);
    expect(await orgCount()).toBe(0);
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
  });

  it('refuses a column one typing slip from a known header (the shared rule): exit 2 naming it, nothing written; --ignore-column lets it through', async () => {
    const file = writeRoster(dir, 'partenaires.csv', [
      ['Raison sociale', 'Type', 'Site wbe'],
      ['Orange Bénin', 'entreprise', 'https://www.orange.bj'],
    ]);
    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    await expect(run(file)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining(
        `Column "Site wbe" (looks like the website) would not be read: read it with --map 'Site wbe=site_web', or leave it out with --ignore-column 'Site wbe' (--map accepts nom_organisation, type_organisation,`,
      ) as string,
    });
    expect(await orgCount()).toBe(0);
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
    expect(await run(file, { ignoreColumns: ['Site wbe'] })).toMatchObject({ inserted: 1 });
    expect(await org('Orange Bénin')).toMatchObject({ site_web: null });
  });

  it('a line with a quote never closed is rejected alone with its text, and the fixed rejects file imports (the shared reader)', async () => {
    const file = writeRoster(dir, 'partenaires.csv', [
      FR_HEADER,
      ['"Orange Bénin', 'entreprise', '', 'Cotonou', '', '', '', '', ''],
      ['MTN Bénin', 'entreprise', '', 'Cotonou', '', '', '', '', ''],
    ]);
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 2, inserted: 1, rejected: 1 });
    const rejects = rejectsOf(summary.rejects_file!);
    expect(rejects[1]!.slice(0, 2)).toEqual(['"Orange Bénin;entreprise;;Cotonou;;;;;', '']);
    expect(rejects[1]!.at(-1)).toMatch(/^not readable as CSV \(a quote opens a cell that is not closed by the end of the file\)/);
    rejects[1]![0] = 'Orange Bénin;entreprise;;Cotonou;;;;;';
    const fixed = join(dir, 'fixed.csv');
    writeFileSync(fixed, stringify(rejects, { delimiter: ';' }));
    expect(await run(fixed)).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    expect(await org('Orange Bénin')).toMatchObject({ ville: 'Cotonou', type_organisation: 'entreprise' });
  });

  it('reads English headers, reports unknown columns, and records the run in the ledger as an orgs import', async () => {
    const file = writeRoster(
      dir,
      'partners.csv',
      [
        ['Company', 'Category', 'Industry', 'City', 'Website', 'Account manager'],
        ['Wave Mobile Money', 'company', 'Fintech', 'Dakar', 'https://www.wave.com/fr', 'Moussa'],
      ],
      { delimiter: ',', encoding: 'utf-8-bom', eol: '\n' },
    );
    let unknown: string[] = [];
    const summary = await run(file, {}, { onStart: (details) => (unknown = details.unknownColumns) });
    expect(summary).toMatchObject({ read: 1, inserted: 1, rejected: 0 });
    expect(unknown).toEqual(['Account manager']);
    expect(await org('Wave Mobile Money')).toMatchObject({ type_organisation: 'entreprise', secteur_activite: 'Fintech', ville: 'Dakar' });
    const ledger = await t.db
      .selectFrom('alumni_admin.import_run')
      .selectAll()
      .where('id', '=', summary.import_id!)
      .executeTakeFirstOrThrow();
    expect(ledger).toMatchObject({ kind: 'orgs', status: 'completed', read: 1, inserted: 1, file_name: file, acteur_id: adminId });
  });

  it('matches by website domain, else general e-mail, else normalised name, and updates only what differs', async () => {
    const [orange, sg, ecole, other] = await seed([
      { nom_organisation: 'Orange Bénin', site_web: 'https://www.orange.bj' },
      { nom_organisation: 'Société Générale Sénégal', email_general: 'info@sgsenegal.sn' },
      { nom_organisation: 'École Supérieure Multinationale des Télécommunications' },
      { nom_organisation: 'Unrelated SA', site_web: 'https://unrelated.example' },
    ]);
    const file = writeRoster(dir, 'match.csv', [
      ['Entreprise', 'Site web', 'E-mail', 'Ville'],
      ['ORANGE BENIN S.A.', 'http://orange.bj/fr', '', 'Cotonou'],
      ['SG Sénégal', '', 'INFO@sgsenegal.sn', 'Dakar'],
      ['ecole superieure  multinationale des telecommunications', '', '', 'Dakar'],
    ]);
    const summary = await run(file);
    expect(summary).toMatchObject({ read: 3, inserted: 0, updated: 3, unchanged: 0, rejected: 0 });
    expect(await orgCount()).toBe(4);
    const byId = async (id: string) => t.db.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await byId(orange!.id)).toMatchObject({
      nom_organisation: 'ORANGE BENIN S.A.',
      ville: 'Cotonou',
      site_web: 'http://orange.bj/fr',
    });
    expect(await byId(sg!.id)).toMatchObject({ nom_organisation: 'SG Sénégal', ville: 'Dakar' });
    // An empty cell keeps what is stored; the name matched without case, accents or extra spaces.
    expect(await byId(ecole!.id)).toMatchObject({ ville: 'Dakar' });
    expect(await byId(other!.id)).toMatchObject({ nom_organisation: 'Unrelated SA', ville: null });
  });

  it('--match nom and --match site-web use that key only; a row without it is rejected', async () => {
    const [a, b] = await seed([
      { nom_organisation: 'Alpha Conseil', site_web: 'https://alpha.example' },
      { nom_organisation: 'Beta Conseil', site_web: 'https://beta.example' },
    ]);
    const ville = async (id: string) =>
      (await t.db.selectFrom('organisation').select('ville').where('id', '=', id).executeTakeFirstOrThrow()).ville;
    const bySite = await run(
      writeRoster(dir, 'by-site.csv', [
        ['Nom', 'Site web', 'Ville'],
        ['Alpha Conseil Group', 'https://www.alpha.example', 'Porto-Novo'],
        ['Gamma Conseil', '', 'Parakou'],
      ]),
      { match: 'site-web', defaultType: 'entreprise' },
    );
    expect(bySite).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
    expect(await ville(a!.id)).toBe('Porto-Novo');
    expect(rejectsOf(bySite.rejects_file!)[1]!.at(-1)).toBe('no website to match on (--match site-web)');

    const byName = await run(
      writeRoster(dir, 'by-name.csv', [
        ['Nom', 'Site web', 'Ville'],
        ['Beta Conseil', 'https://alpha.example', 'Ouidah'],
      ]),
      {
        match: 'nom',
      },
    );
    expect(byName).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
    expect(await ville(b!.id)).toBe('Ouidah');
    expect(await ville(a!.id)).toBe('Porto-Novo');
  });

  it('a re-run of the same file writes nothing: every row unchanged, no audit entry, no new row version', async () => {
    const file = writeRoster(dir, 'again.csv', [
      ['Raison sociale', 'Type', 'Site web', 'Téléphone'],
      ['Moov Africa Bénin', 'entreprise', 'https://www.moov-africa.bj', '+229 01 64 00 00 00'],
      ['Sonatel', 'entreprise', 'https://sonatel.sn', ''],
      ['Ecobank Bénin', 'entreprise', '', ''],
    ]);
    expect(await run(file)).toMatchObject({ inserted: 3 });
    const versions = async () =>
      (await sql<{ v: string }>`select string_agg(xmin::text || updated_at::text, ',' order by id) as v from organisation`.execute(t.db))
        .rows[0]!.v;
    const before = { versions: await versions(), audit: await auditCount() };
    expect(await run(file)).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await versions()).toBe(before.versions);
    expect(await auditCount()).toBe(before.audit);
  });

  it('a dry run reports exactly what the import then does, and writes nothing, not even the ledger', async () => {
    await seed([{ nom_organisation: 'Bolloré Transport', site_web: 'https://bollore.example' }]);
    const file = writeRoster(dir, 'dry.csv', [
      ['Raison sociale', 'Type', 'Site web', 'Ville'],
      ['Bolloré Transport & Logistics', 'entreprise', 'https://www.bollore.example', 'Cotonou'],
      ['Dangote Cement', 'entreprise', '', 'Lagos'],
      ['Sans Type', '', '', ''],
      ['Bad', 'entreprise', 'notaurl', ''],
    ]);
    const ledgerRows = () => countRows(t.db, 'alumni_admin.import_run');
    const before = { orgs: await orgCount(), audit: await auditCount(), ledger: await ledgerRows() };
    const dry = await run(file, { dryRun: true });
    expect(dry).toMatchObject({ read: 4, inserted: 1, updated: 1, unchanged: 0, rejected: 2, dry_run: true, import_id: null });
    expect({ orgs: await orgCount(), audit: await auditCount(), ledger: await ledgerRows() }).toEqual(before);
    const real = await run(file);
    expect({ ...real, seconds: 0, rows_per_second: 0, import_id: null, dry_run: true }).toEqual({
      ...dry,
      seconds: 0,
      rows_per_second: 0,
    });
    expect(rejectsOf(real.rejects_file!).map((r) => r.at(-1))).toContain(
      "the organisation's type is empty, and a new organisation needs one (a Type column, or --type)",
    );
  });

  it('stops a list changing more than --max-changes of the organisations it matches before writing anything (the shared pipeline)', async () => {
    await seed(['a', 'b', 'c', 'd'].map((x) => ({ nom_organisation: `Partenaire ${x}`, site_web: `https://${x}.example` })));
    const file = writeRoster(dir, 'moved.csv', [
      ['Raison sociale', 'Site web', 'Ville'],
      ...['a', 'b', 'c'].map((x) => [`Partenaire ${x}`, `https://${x}.example`, 'Parakou']),
      ['Partenaire d', 'https://d.example', ''],
    ]);
    const ledgerRows = () => countRows(t.db, 'alumni_admin.import_run');
    const before = { orgs: await orgCount(), audit: await auditCount(), ledger: await ledgerRows() };
    await expect(run(file, { maxChanges: 50 })).rejects.toMatchObject({
      exitCode: 2,
      message:
        'The file would change 3 of the 4 stored organisations it matches (75%, more than --max-changes 50%); most changed: ville (3). ' +
        "Nothing was written; check the file's columns, or give --max-changes 100 if this is meant.",
    });
    expect({ orgs: await orgCount(), audit: await auditCount(), ledger: await ledgerRows() }).toEqual(before);
    expect(await run(file, { maxChanges: 75 })).toMatchObject({
      updated: 3,
      matched: 4,
      changes: { percent: 75, columns: { ville: 3 }, max_changes: 75, over_limit: false },
    });
  });

  it('lines with one key: different data → all rejected naming each other; identical → stored once, the repeat skipped', async () => {
    const file = writeRoster(dir, 'repeats.csv', [
      ['Raison sociale', 'Type', 'Site web', 'Ville'],
      ['Canal+ Afrique', 'entreprise', 'https://canalplus-afrique.com', 'Dakar'],
      ['Canal Plus Afrique', 'entreprise', 'https://www.canalplus-afrique.com/sn', 'Abidjan'],
      ['Total Energies', 'entreprise', 'https://totalenergies.example', 'Cotonou'],
      ['Total Energies', 'entreprise', 'https://totalenergies.example', 'Cotonou'],
    ]);
    const repeats: Array<{ line: number; sameAs: number }> = [];
    const summary = await run(file, {}, { onRepeats: (r) => repeats.push(...r) });
    expect(summary).toMatchObject({ read: 4, inserted: 1, skipped: 1, rejected: 2 });
    expect(repeats).toEqual([{ line: 5, sameAs: 4 }]);
    const reasons = rejectsOf(summary.rejects_file!)
      .slice(1)
      .map((r) => r.at(-1));
    expect(reasons).toEqual([
      'website canalplus-afrique.com appears on lines 2 and 3 with different data',
      'website canalplus-afrique.com appears on lines 2 and 3 with different data',
    ]);
    expect(await countRows(t.db, 'organisation', sql`nom_organisation like 'Canal%'`)).toBe(0);
  });

  it('two active organisations under one key reject the row; an inactive duplicate (merged) gives way to the active one', async () => {
    const [, , keep] = await seed([
      { nom_organisation: 'Ciment du Sahel', site_web: 'https://cimentsahel.example' },
      { nom_organisation: 'Ciment du Sahel SA', site_web: 'https://www.cimentsahel.example' },
      { nom_organisation: 'Cotonou Port', site_web: 'https://port.example' },
      { nom_organisation: 'Port Autonome de Cotonou', site_web: 'https://port.example/fr', statut: 'inactive' },
    ]);
    const file = writeRoster(dir, 'ambiguous.csv', [
      ['Raison sociale', 'Site web', 'Ville'],
      ['Ciment du Sahel', 'https://cimentsahel.example', 'Dakar'],
      ['Port de Cotonou', 'https://port.example', 'Cotonou'],
    ]);
    const summary = await run(file);
    expect(summary).toMatchObject({ updated: 1, rejected: 1 });
    expect(rejectsOf(summary.rejects_file!)[1]!.at(-1)).toMatch(
      /^website cimentsahel\.example matches 2 organisations: Ciment du Sahel .*; merge them first$/,
    );
    expect(
      await t.db.selectFrom('organisation').select(['nom_organisation', 'ville']).where('id', '=', keep!.id).executeTakeFirst(),
    ).toEqual({
      nom_organisation: 'Port de Cotonou',
      ville: 'Cotonou',
    });
    expect(await org('Port Autonome de Cotonou')).toMatchObject({ ville: null, statut: 'inactive' });
  });

  it('modes: insert skips known organisations, update rejects unknown ones; --type gives new ones their type', async () => {
    await seed([{ nom_organisation: 'Sahel Agro', site_web: 'https://sahelagro.example' }]);
    const file = writeRoster(dir, 'modes.csv', [
      ['Raison sociale', 'Site web', 'Ville'],
      ['Sahel Agro', 'https://sahelagro.example', 'Niamey'],
      ['Jeunes Pousses', '', 'Bamako'],
    ]);
    expect(await run(file, { mode: 'insert', defaultType: 'association' })).toMatchObject({ inserted: 1, skipped: 1, updated: 0 });
    expect(await org('Jeunes Pousses')).toMatchObject({ type_organisation: 'association', statut: 'active' });
    expect(await org('Sahel Agro')).toMatchObject({ ville: null });
    await sql`delete from organisation where nom_organisation = 'Jeunes Pousses'`.execute(t.db);
    const update = await run(file, { mode: 'update' });
    expect(update).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
    expect(rejectsOf(update.rejects_file!)[1]!.at(-1)).toBe('name jeunes pousses matches no organisation (mode update adds none)');
  });

  it('two lines reaching one stored organisation by different keys: the second is rejected, even in a later batch', async () => {
    const [stored] = await seed([{ nom_organisation: 'Air Côte d’Ivoire', site_web: 'https://aircotedivoire.example' }]);
    const file = writeRoster(dir, 'twice.csv', [
      ['Raison sociale', 'Site web', 'Ville'],
      ['Air Côte d’Ivoire', 'https://aircotedivoire.example', 'Abidjan'],
      ['Autre', 'https://autre.example', ''],
      ['air cote d’ivoire', '', 'Yamoussoukro'],
    ]);
    const summary = await run(file, { defaultType: 'entreprise' });
    expect(summary).toMatchObject({ read: 3, updated: 1, inserted: 1, rejected: 1 });
    expect(rejectsOf(summary.rejects_file!)[1]!.at(-1)).toBe(
      `name air cote d’ivoire matches the organisation line 2 already wrote (${stored!.id})`,
    );
    expect(await t.db.selectFrom('organisation').select('ville').where('id', '=', stored!.id).executeTakeFirst()).toEqual({
      ville: 'Abidjan',
    });
  });

  it("computes a file's website key as the database does (webDomain as alumni_admin.web_domain)", async () => {
    const addresses = [
      'https://www.Orange.BJ/fr',
      'http://orange.bj',
      'https://sub.www.example.com:8080/x?y',
      'HTTPS://WWW.A.B#top',
      'https://www.',
    ];
    const { rows } = await sql<{ domain: string | null }>`
      select alumni_admin.web_domain(a) as domain from unnest(${addresses}::text[]) with ordinality x(a, n) order by n`.execute(t.db);
    expect(rows.map((r) => r.domain)).toEqual(addresses.map(webDomain));
  });

  it('two imports of one new partner list at once create each organisation once', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`Partenaire ${i}`, 'entreprise', `https://partenaire-${i}.example`]);
    const file = writeRoster(dir, 'together.csv', [['Raison sociale', 'Type', 'Site web'], ...rows]);
    const [a, b] = await Promise.all([run(file), run(file)]);
    expect(a.inserted + b.inserted).toBe(12);
    expect(a.unchanged + b.unchanged).toBe(12);
    expect(await countRows(t.db, 'organisation', sql`nom_organisation like 'Partenaire %'`)).toBe(12);
  });
});
