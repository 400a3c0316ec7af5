import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createServerDatabase, embeddedDataDir } from '../support/databases.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

const PEOPLE = 30;

/** People whose values a spreadsheet would misread: phones starting with +, a title starting with =, a name with ; and quotes. */
function seedRoster(): string[][] {
  const rows = [[...HEADER, 'Titre']];
  for (let i = 0; i < PEOPLE; i += 1) {
    rows.push([
      i === 0 ? '"Awa ""Junior"" Diop; fille"' : `Diplômé·e ${i}`,
      `X-${String(i).padStart(4, '0')}`,
      i % 5 === 0 ? '' : `x${i}@exemple.sn`,
      '2024',
      `+221 77 ${String(1_000_000 + i).slice(1, 4)} ${String(100 + i).slice(1)} ${String(100 + i).slice(1)}`,
      i % 2 ? 'Génie informatique' : 'Gestion',
      i % 3 === 0 ? '' : i % 3 === 1 ? 'oui' : 'non',
      i % 4 === 0 ? '=SOMME(A1)' : i % 4 === 1 ? '-Responsable' : '@home',
    ]);
  }
  return rows;
}

const SETUPS = {
  server: async () => {
    const t = await createServerDatabase();
    return { env: t.env, close: () => t.close() };
  },
  embedded: async () => {
    const { dataDir, remove } = embeddedDataDir();
    return { env: { ALUMNI_DATA_DIR: dataDir }, close: async () => remove() };
  },
};

describe.each(['server', 'embedded'] as const)('users export, then import of what it wrote, on the %s back end', (backend) => {
  let env: Record<string, string>;
  let close: () => Promise<void>;
  let dir: string;
  const cli = (args: string[]) => runCli(args, { env, cwd: dir, timeoutMs: 120_000 });
  /** Imports `file` as the super_admin; the summary. */
  const reimport = async (file: string) => {
    const result = await cli(['users', 'import', file, '--as', 'ADM', '--country', 'SN', '--json']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  const ALL_UNCHANGED = { read: PEOPLE + 1, rejected: 0, inserted: 0, updated: 0, skipped: 0, unchanged: PEOPLE + 1, rejects_file: null };

  beforeAll(async () => {
    ({ env, close } = await SETUPS[backend]());
    dir = rosterDir();
    expect((await cli(['users', 'add', '--nom', 'Admin', '--matricule', 'ADM', '--role', 'super_admin', '--no-password'])).code).toBe(0);
    const seed = writeRoster(dir, 'seed.csv', seedRoster());
    const seeded = await cli(['users', 'import', seed, '--as', 'ADM', '--country', 'SN', '--create-missing-references', '--json']);
    expect(JSON.parse(seeded.stdout)).toMatchObject({ inserted: PEOPLE, rejected: 0 });
  }, 180_000);
  afterAll(() => close());

  it('reads back the plain CSV export: 0 rejected, all unchanged (the formula guard is removed)', async () => {
    const exported = await cli(['users', 'export']);
    expect(exported.code).toBe(0);
    // The guard is there: a spreadsheet opening the export runs nothing.
    expect(exported.stdout).toContain(",'+22177");
    expect(exported.stdout).toContain(",'=SOMME(A1),");
    const file = join(dir, 'export.csv');
    writeFileSync(file, exported.stdout);
    expect(await reimport(file)).toMatchObject(ALL_UNCHANGED);
  });

  it('writes --excel as French Excel opens it (a BOM, ;, CRLF) and reads it back: 0 rejected, all unchanged', async () => {
    const exported = await runCli(['users', 'export', '--excel'], { env, cwd: dir });
    expect(exported.code).toBe(0);
    const bytes = Buffer.from(exported.stdout, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = exported.stdout.slice(1);
    expect(text.startsWith('id;matricule;nom_complet;email;titre;telephone;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(PEOPLE + 3); // the header, everyone, and the empty string after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain(';"Awa ""Junior"" Diop; fille";');
    const file = join(dir, 'export-excel.csv');
    writeFileSync(file, exported.stdout);
    expect(await reimport(file)).toMatchObject(ALL_UNCHANGED);
  });

  it('writes --xlsx FILE with text cells and no guard, and reads it back: 0 rejected, all unchanged', async () => {
    const file = join(dir, 'utilisateurs.xlsx');
    const exported = await cli(['users', 'export', '--xlsx', file]);
    expect(exported).toMatchObject({ code: 0, stdout: '' });
    expect(exported.stderr).toContain(`${PEOPLE + 1} user(s) exported to ${file}.`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'id',
      'matricule',
      'nom_complet',
      'email',
      'titre',
      'telephone',
      'statut',
      'role',
      'annee_sortie',
      'domaine',
      'travailleur',
      'est_actif',
      'created_at',
      'updated_at',
      'last_login',
    ]);
    const rows = sheet.getRows(2, PEOPLE + 1)!;
    const values = (column: number) => rows.map((row) => row.getCell(column).value);
    const phones = values(6).filter((phone) => phone !== null); // the administrator has none
    expect(phones).toHaveLength(PEOPLE);
    expect(phones.every((phone) => typeof phone === 'string' && phone.startsWith('+221'))).toBe(true);
    expect(values(5)).toContain('=SOMME(A1)'); // text, not a formula
    expect(values(9).every((year) => year === '2024' || year === null)).toBe(true);
    expect(await reimport(file)).toMatchObject(ALL_UNCHANGED);
  });

  it('refuses --xlsx naming a directory, and --xlsx with --excel, with exit 2 and no file', async () => {
    mkdirSync(join(dir, 'folder.xlsx'));
    const refused = await runCli(['users', 'export', '--xlsx', join(dir, 'folder.xlsx')], { env, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('it is a directory');
    const both = await runCli(['users', 'export', '--xlsx', join(dir, 'both.xlsx'), '--excel'], { env, cwd: dir });
    expect(both.code).toBe(2);
    expect(() => readFileSync(join(dir, 'both.xlsx'))).toThrow();
  });
});
