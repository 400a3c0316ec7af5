import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// First, as in the CLI: loading the import puts its fix of exceljs's decoding in place
// (src/import/exceljs-fixes.ts) before exceljs itself is loaded.
import { importRoster, type ImportOptions } from '../../src/services/roster-import.js';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WriteSession } from '../../src/db/session.js';
import { resolveActor, type Actor } from '../../src/services/actor.js';
import { BACKENDS, countRows, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { ROOT } from '../support/cli.js';
import { rosterDir, writeRoster, rosterImportOptions } from '../support/rosters.js';

/** A real workbook: fixtures/roster-libreoffice.source.csv converted by LibreOffice Calc (README, "The roster import"). */
const LIBREOFFICE_FIXTURE = join(ROOT, 'fixtures', 'roster-libreoffice.xlsx');

describe.each(BACKENDS)('roster import of Excel workbooks on the %s back end', (backend) => {
  let t: TestDatabase;
  let admin: Actor;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2023 }, { annee: 2024 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Génie informatique' }, { nom_domaine: 'Gestion' }])
      .execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Jérôme Kaboré', matricule: 'ADM-2', role: 'admin' }).execute();
    admin = await resolveActor(t.db, 'ADM-2');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    dir = rosterDir();
    await sql`delete from utilisateur where matricule <> 'ADM-2'`.execute(t.db);
  });

  const session = (): WriteSession => ({ actorId: admin.id, actorRole: admin.role, userAgent: 'alumni/test users import' });
  const run = (file: string, options: Partial<ImportOptions> = {}) =>
    importRoster(t.db, session(), rosterImportOptions(file, dir, options));
  const stored = (matricule: string) => t.db.selectFrom('utilisateur').selectAll().where('matricule', '=', matricule).executeTakeFirst();

  /** A workbook as exceljs writes it: a notes sheet first, the roster on the second, typed cells. */
  async function writeWorkbook(name: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Promotions 2023 et 2024']);
    const sheet = workbook.addWorksheet('Diplômés');
    sheet.addRow(['Nom complet', 'Matricule', 'Année de sortie', 'Téléphone', 'Filière']);
    sheet.addRow(['Awa Diop', '000123', new Date(Date.UTC(2023, 5, 30)), 771234567, 'Gestion']);
    sheet.addRow(['Issa Ba', 42, 2024, { formula: '"+221 77 000 00 01"', result: '+221 77 000 00 01' }, 'Génie informatique']);
    sheet.getCell('B3').numFmt = '00000';
    sheet.addRow([{ richText: [{ text: 'Fanta ' }, { text: 'Keïta', font: { bold: true } }] }, 'E-7', '2024', 'pas un numéro', 'Gestion']);
    const path = join(dir, name);
    await workbook.xlsx.writeFile(path);
    return path;
  }

  it('imports a workbook saved by LibreOffice Calc: text matricules keep their zeros, a date cell gives the year, a number cell the phone', async () => {
    const summary = await run(LIBREOFFICE_FIXTURE);
    expect(summary).toMatchObject({ read: 6, inserted: 4, rejected: 2 });
    expect(await stored('007123')).toMatchObject({ nom_complet: 'Awa Diop', annee_sortie: 2023, telephone: '+221771234567' });
    expect(await stored('000456')).toMatchObject({ annee_sortie: 2024, telephone: '+221761234567', domaine: 'Génie informatique' });
    expect(await stored('012000')).toMatchObject({ nom_complet: 'Aïssatou Bâ', telephone: '+221781112233', travailleur: true });
    expect(await stored('M-2023-01')).toMatchObject({ telephone: '+221771234568' });
    // The rejects file: next to where the import runs, named after the workbook, CSV with `;`.
    expect(summary.rejects_file).toBe(join(dir, 'roster-libreoffice.rejects.csv'));
    const text = readFileSync(summary.rejects_file!, 'utf8');
    expect(text.startsWith('\uFEFFNom complet;Matricule;')).toBe(true);
    const rejects: string[][] = parse(text, { bom: true, delimiter: ';' });
    // `line` is the sheet's row number: row 4 of the sheet is blank.
    expect(rejects.slice(1).map((r) => [r[1], r.at(-2)])).toEqual([
      ['000789', '6'],
      ['000999', '7'],
    ]);
    expect(rejects[2]).toEqual([
      '',
      '000999',
      '2024-06-30',
      '770000002',
      'Gestion',
      'oui',
      'sans.nom@exemple.sn',
      '7',
      'the name is empty',
    ]);
    expect(await countRows(t.db, 'utilisateur', sql`matricule <> 'ADM-2'`)).toBe(4);
  });

  it('reads the same workbook from standard input, and again as unchanged', async () => {
    await run(LIBREOFFICE_FIXTURE);
    const { Readable } = await import('node:stream');
    const again = await run('-', { stdin: Readable.from([readFileSync(LIBREOFFICE_FIXTURE)]) });
    expect(again).toMatchObject({
      read: 6,
      inserted: 0,
      updated: 0,
      unchanged: 4,
      rejected: 2,
      rejects_file: join(dir, 'stdin.rejects.csv'),
    });
  });

  it("reads accented names intact all down a long sheet (characters falling across the reader's chunks)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Diplômés');
    sheet.addRow(['Nom complet', 'Matricule']);
    const names = ['Éléonore Ndèye Aïssatou Bâ-Séné', 'Zoé Koné', 'Hélène Gnassingbé', 'Maïmouna Fofana Traoré'];
    const rows = 4000;
    for (let i = 0; i < rows; i += 1) sheet.addRow([`${names[i % names.length]} ${i} ${'é'.repeat(i % 7)}`, `E-${i}`]);
    const path = join(dir, 'long.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await run(path, { batchSize: 1000 })).toMatchObject({ read: rows, inserted: rows, rejected: 0 });
    expect(await countRows(t.db, 'utilisateur', sql`nom_complet like ${'%\uFFFD%'}`)).toBe(0);
    expect(await stored('E-3999')).toMatchObject({ nom_complet: 'Maïmouna Fofana Traoré 3999 éé' });
  });

  it('reads the first sheet, or the one --sheet names (any case or accents)', async () => {
    const path = await writeWorkbook('promo.xlsx');
    await expect(run(path)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/no column for the name and the matricule/),
    });
    await expect(run(path, { sheet: 'Archives' })).rejects.toMatchObject({
      exitCode: 2,
      message: `${path} has no sheet "Archives" (its sheets: Notes, Diplômés); name one with --sheet.`,
    });
    const summary = await run(path, { sheet: 'diplomes' });
    expect(summary).toMatchObject({ read: 3, inserted: 2, rejected: 1 });
    expect(await stored('000123')).toMatchObject({ annee_sortie: 2023, telephone: '+221771234567' });
    // A number shown with leading zeros (format 00000) is read as shown; a formula as its result.
    expect(await stored('00042')).toMatchObject({ nom_complet: 'Issa Ba', annee_sortie: 2024, telephone: '+221770000001' });
    const rejects: string[][] = parse(readFileSync(summary.rejects_file!), { bom: true, delimiter: ';' });
    expect(rejects[1]).toEqual(['Fanta Keïta', 'E-7', '2024', 'pas un numéro', 'Gestion', '4', expect.stringMatching(/phone/)]);
  });

  it('refuses --sheet for a CSV file, and a file named .xlsx that is not a workbook, with exit 2 and nothing written', async () => {
    const csv = writeRoster(dir, 'promo.csv', [
      ['Nom complet', 'Matricule'],
      ['Awa Diop', 'E-1'],
    ]);
    await expect(run(csv, { sheet: 'Diplômés' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/--sheet applies to Excel/),
    });
    const misnamed = join(dir, 'promo.xlsx');
    copyFileSync(csv, misnamed);
    await expect(run(misnamed)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/is not an Excel workbook/) });
    expect(await countRows(t.db, 'utilisateur', sql`matricule <> 'ADM-2'`)).toBe(0);
  });

  it("removes the CSV export's formula guard from every cell, and keeps any other apostrophe", async () => {
    const path = writeRoster(dir, 'guarded.csv', [
      ['Nom complet', 'Matricule', 'Téléphone', 'Titre'],
      ["'Ousmane Sow", "'-17", "'+221 77 123 45 67", "'=Chef de projet"],
    ]);
    expect(await run(path)).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await stored('-17')).toMatchObject({ nom_complet: "'Ousmane Sow", telephone: '+221771234567', titre: '=Chef de projet' });
  });
});
