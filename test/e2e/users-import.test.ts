import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLI, finished, runCli, startCli } from '../support/cli.js';
import { countRows, createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

const CONTRACT_KEYS = [
  'changes',
  'dry_run',
  'import_id',
  'inserted',
  'matched',
  'read',
  'rejected',
  'rejects_file',
  'rows_per_second',
  'seconds',
  'skipped',
  'unchanged',
  'updated',
];

function roster(from: number, to: number): string[][] {
  const rows = [HEADER];
  for (let i = from; i < to; i += 1)
    rows.push([
      `Diplômé·e ${i}`,
      `K-${String(i).padStart(6, '0')}`,
      `k${i}@exemple.sn`,
      '2024',
      `+221 77 ${String(10_000_000 + i).slice(1)}`,
      'Gestion',
      i % 2 ? 'oui' : 'non',
    ]);
  return rows;
}

describe('users and the roster import, end to end on a server', () => {
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    dir = rosterDir();
    env = { ...t.env };
    await t.db
      .insertInto('annee_reference')
      .values([{ annee: 2024 }, { annee: 2025 }])
      .execute();
    await t.db
      .insertInto('domaine_reference')
      .values([{ nom_domaine: 'Gestion' }])
      .execute();
    // The administrator every test acts as (the first test makes its own, on its own database).
    await t.db
      .insertInto('utilisateur')
      .values({
        nom_complet: 'Fatou Sall',
        email: 'fatou@ecole.example',
        role: 'super_admin',
        mot_de_passe_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2VlZA$ZmFrZQ',
      })
      .execute();
  });
  afterAll(() => t.close());

  it('a file that would change more than half of the 100 or more people it matches stops before writing (exit 2); the dry run says so; --max-changes 100 lets it through', async () => {
    const as = ['--as', 'fatou@ecole.example'];
    const first = await runCli(['users', 'import', writeRoster(dir, 'class.csv', roster(1000, 1120)), ...as], { env, cwd: dir });
    expect(first.code).toBe(0);
    // The phone column pasted one row off: every stored phone would change.
    const rows = roster(1000, 1120);
    const shifted = rows.map((cells, i) =>
      i === 0 ? cells : cells.map((cell, c) => (c === 4 ? rows[i === rows.length - 1 ? 1 : i + 1]![4]! : cell)),
    );
    const file = writeRoster(dir, 'shifted.csv', shifted);
    const state = async () => ({
      people: await countRows(t.db, 'utilisateur'),
      phones: (
        await sql<{ v: string }>`select string_agg(telephone || xmin::text, ',' order by matricule) as v from utilisateur`.execute(t.db)
      ).rows[0]!.v,
      audit: await countRows(t.db, 'audit_log'),
      ledger: await countRows(t.db, 'alumni_admin.import_run'),
    });
    const before = await state();

    const stopped = await runCli(['users', 'import', file, ...as], { env, cwd: dir });
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain(
      'The file would change 120 of the 120 stored people it matches (100%, more than --max-changes 50%); most changed: telephone (120). ' +
        "Nothing was written; check the file's columns, or give --max-changes 100 if this is meant.",
    );
    expect(stopped.stdout).toBe('');
    expect(await state()).toEqual(before);

    const dry = await runCli(['users', 'import', file, '--dry-run', '--json', ...as], { env, cwd: dir });
    expect(dry.code).toBe(2);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      updated: 120,
      matched: 120,
      changes: { percent: 100, columns: { telephone: 120 }, max_changes: 50, over_limit: true },
    });
    // The JSON says it (over_limit); a person reads the summary, then the sentence.
    expect(dry.stderr).toBe('');
    const dryHuman = await runCli(['users', 'import', file, '--dry-run', ...as], { env, cwd: dir });
    expect(dryHuman.code).toBe(2);
    expect(dryHuman.stdout).toMatch(/Matched:\s+120/);
    expect(dryHuman.stdout).toMatch(/Changes:\s+100% of matched \(limit 50%\): telephone \(120\)/);
    expect(dryHuman.stderr).toContain('most changed: telephone (120). The import would stop before writing anything;');
    expect(await state()).toEqual(before);

    const meant = await runCli(['users', 'import', file, '--max-changes', '100', '--json', ...as], { env, cwd: dir });
    expect(meant.code).toBe(0);
    expect(JSON.parse(meant.stdout)).toMatchObject({ updated: 120, matched: 120, changes: null });
  });

  it('creates the first super_admin without an actor, once', async () => {
    const own = await createServerDatabase();
    const env = own.env;
    try {
      const first = await runCli(
        ['users', 'add', '--nom', 'Fatou Sall', '--email', 'fatou@ecole.example', '--role', 'super_admin', '--password-stdin', '--json'],
        { env, input: 'correct horse battery\n' },
      );
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ role: 'super_admin', email: 'fatou@ecole.example' });
      const second = await runCli(['users', 'add', '--nom', 'Intrus', '--email', 'intrus@x.sn', '--role', 'super_admin', '--no-password'], {
        env,
      });
      expect(second.code).toBe(77);
      expect(await countRows(own.db, 'utilisateur', sql`role = 'super_admin'`)).toBe(1);
      const hash = await own.db
        .selectFrom('utilisateur')
        .select('mot_de_passe_hash')
        .where('email', '=', 'fatou@ecole.example')
        .executeTakeFirstOrThrow();
      expect(hash.mot_de_passe_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await own.close();
    }
  });

  it('import exits 0 on a clean file, 3 with rejects, 2 on an unusable file, 77 without an administrator', async () => {
    const clean = writeRoster(dir, 'clean.csv', roster(0, 5));
    const ok = await runCli(['users', 'import', clean, '--as', 'fatou@ecole.example', '--json'], { env, cwd: dir });
    expect(ok.code).toBe(0);
    const summary = JSON.parse(ok.stdout);
    expect(Object.keys(summary).sort()).toEqual(CONTRACT_KEYS);
    expect(summary).toMatchObject({ read: 5, inserted: 5, rejected: 0, rejects_file: null, dry_run: false });
    expect(ok.stderr).not.toMatch(/\r|█/); // no progress bar off a terminal

    const withRejects = writeRoster(dir, 'rejects.csv', [...roster(5, 7), ['', 'K-BAD', '', '', '', '', '']]);
    const partial = await runCli(['users', 'import', withRejects, '--as', 'fatou@ecole.example'], { env, cwd: dir });
    expect(partial.code).toBe(3);
    expect(partial.stdout).toMatch(/Read.*Added.*Updated.*Unchanged.*Skipped.*Rejected/s);
    expect(partial.stderr).toContain(join(dir, 'rejects.rejects.csv'));
    expect(parse(readFileSync(join(dir, 'rejects.rejects.csv')), { bom: true, delimiter: ';' })).toEqual([
      [...HEADER, 'line', 'reason'],
      ['', 'K-BAD', '', '', '', '', '', '4', 'the name is empty'],
    ]);

    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    const unusable = writeRoster(dir, 'unusable.csv', [
      ['Nom', 'Ville'],
      ['Awa', 'Dakar'],
    ]);
    const refused = await runCli(['users', 'import', unusable, '--as', 'fatou@ecole.example'], { env, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('no column for the matricule');
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);

    const anonymous = await runCli(['users', 'import', clean], { env, cwd: dir });
    expect(anonymous.code).toBe(77);
    await runCli(['users', 'add', '--nom', 'Simple', '--matricule', 'SIMPLE-1', '--no-password', '--as', 'fatou@ecole.example'], { env });
    expect((await runCli(['users', 'import', clean, '--as', 'SIMPLE-1'], { env, cwd: dir })).code).toBe(77);
  });

  it('users imports lists the ledger newest first', async () => {
    const older = writeRoster(dir, 'ledger-older.csv', roster(50, 55));
    const newer = writeRoster(dir, 'ledger-newer.csv', [...roster(55, 57), ['', 'K-BAD2', '', '', '', '', '']]);
    expect((await runCli(['users', 'import', older, '--as', 'fatou@ecole.example'], { env, cwd: dir })).code).toBe(0);
    expect((await runCli(['users', 'import', newer, '--as', 'fatou@ecole.example'], { env, cwd: dir })).code).toBe(3);
    const result = await runCli(['users', 'imports', '--json'], { env });
    const runs = JSON.parse(result.stdout);
    expect(runs[0]).toMatchObject({
      file_name: expect.stringContaining('ledger-newer.csv'),
      status: 'completed',
      acteur: 'fatou@ecole.example',
      read: 3,
      inserted: 2,
      rejected: 1,
    });
    expect(runs[1]).toMatchObject({ file_name: expect.stringContaining('ledger-older.csv'), inserted: 5 });
  });

  it('exports CSV with formulas neutralised and never a password hash anywhere', async () => {
    await t.db
      .insertInto('utilisateur')
      .values({
        nom_complet: '=HYPERLINK("http://evil.example","clic")',
        matricule: '@SUM(A1)',
        telephone: '+221771234567',
        mot_de_passe_hash: '$argon2id$v=19$secret',
      })
      .execute();
    const csv = await runCli(['users', 'export'], { env });
    expect(csv.code).toBe(0);
    const records: Record<string, string>[] = parse(csv.stdout, { columns: true });
    const evil = records.find((r) => r.nom_complet!.includes('HYPERLINK'))!;
    expect(evil.nom_complet).toBe(`'=HYPERLINK("http://evil.example","clic")`);
    expect(evil.matricule).toBe("'@SUM(A1)");
    expect(evil.telephone).toBe("'+221771234567");
    expect(Object.keys(evil)).not.toContain('mot_de_passe_hash');

    const outputs = await Promise.all([
      runCli(['users', 'export', '--json'], { env }),
      runCli(['users', 'list', '--json', '--limit', '500'], { env }),
      runCli(['users', 'list', '--csv'], { env }),
      runCli(['users', 'show', 'fatou@ecole.example', '--json'], { env }),
      runCli(['audit', 'list', '--json', '--limit', '500'], { env }),
    ]);
    const entries = JSON.parse(outputs[4]!.stdout);
    const fatouInsert = entries.find((e: { nouveau_data: { email?: string } }) => e.nouveau_data?.email === 'fatou@ecole.example');
    outputs.push(await runCli(['audit', 'show', fatouInsert.id], { env }));
    for (const output of outputs) {
      expect(output.code).toBe(0);
      expect(output.stdout + output.stderr).not.toMatch(/argon2|mot_de_passe_hash/);
    }
    expect(JSON.parse(outputs[3]!.stdout)).toMatchObject({ email: 'fatou@ecole.example', has_password: true });
  });

  it('export takes --csv like every list command, and gives the same CSV as without it', async () => {
    const [plain, csv] = await Promise.all([runCli(['users', 'export'], { env }), runCli(['users', 'export', '--csv'], { env })]);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(plain.stdout);
    expect(csv.stdout.split('\n')[0]).toContain('matricule');
  });

  it('rejects the lines of a matricule with different data and says which repeats it stored once', async () => {
    const file = writeRoster(dir, 'repeats.csv', [
      HEADER,
      ['Ama Koffi', 'R-1', '', '2024', '', '', ''],
      ['Ama Koffi', 'R-1', '', '2025', '', '', ''],
      ['Yao Kouassi', 'R-2', '', '2024', '', '', ''],
      ['Yao Kouassi', 'R-2', '', '2024', '', '', ''],
    ]);
    const result = await runCli(['users', 'import', '-', '--as', 'fatou@ecole.example', '--json'], {
      env,
      cwd: dir,
      input: readFileSync(file),
    });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 4, inserted: 1, skipped: 1, rejected: 2 });
    expect(result.stderr).toContain('1 line(s) repeat an earlier line exactly: stored once, counted as skipped (line 5 = line 4)');
    const rejects = parse(readFileSync(join(dir, 'stdin.rejects.csv')), { bom: true, delimiter: ';' }) as string[][];
    expect(rejects.slice(1).map((r) => r.at(-1))).toEqual([
      'matricule R-1 appears on lines 2 and 3 with different data',
      'matricule R-1 appears on lines 2 and 3 with different data',
    ]);
    expect(await countRows(t.db, 'utilisateur', sql`matricule like 'R-%'`)).toBe(1);
  });

  it('a killed import leaves whole batches, and the same command then finishes the job', async () => {
    const file = writeRoster(dir, 'big.csv', roster(10_000, 40_000));
    const args = ['users', 'import', file, '--as', 'fatou@ecole.example', '--batch-size', '1000', '--json'];
    const child = startCli(args, { env, cwd: dir });
    const done = finished(child);
    // Kill it once a few batches are committed.
    await vi.waitFor(
      async () =>
        expect(await countRows(t.db, 'utilisateur', sql`matricule like 'K-0%' and matricule >= 'K-010000'`)).toBeGreaterThanOrEqual(3000),
      { timeout: 40_000, interval: 20 },
    );
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const afterKill = await countRows(t.db, 'utilisateur', sql`matricule >= 'K-010000' and matricule < 'K-040000'`);
    expect(afterKill % 1000).toBe(0);
    expect(afterKill).toBeLessThan(30_000);
    const killed = await t.db.selectFrom('alumni_admin.import_run').selectAll().orderBy('started_at', 'desc').executeTakeFirstOrThrow();
    expect(killed).toMatchObject({ status: 'running', inserted: afterKill, finished_at: null });

    const rerun = await runCli(args, { env, cwd: dir });
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ read: 30_000, inserted: 30_000 - afterKill, unchanged: afterKill, rejected: 0 });
    const { rows } = await sql<{ n: number; distinct: number }>`
      select count(*) as n, count(distinct matricule) as distinct from utilisateur where matricule >= 'K-010000' and matricule < 'K-040000'`.execute(
      t.db,
    );
    expect(rows[0]).toEqual({ n: 30_000, distinct: 30_000 });
  });

  it('two imports of overlapping files at once store each matricule once and correctly', async () => {
    const a = writeRoster(dir, 'a.csv', roster(50_000, 56_000));
    // The second file runs the other way, so the two meet in the middle of the overlap.
    const b = writeRoster(dir, 'b.csv', [HEADER, ...roster(53_000, 59_000).slice(1).reverse()]);
    const run = (file: string) =>
      runCli(['users', 'import', file, '--as', 'fatou@ecole.example', '--batch-size', '500', '--json'], { env, cwd: dir });
    const [ra, rb] = await Promise.all([run(a), run(b)]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const sa = JSON.parse(ra.stdout);
    const sb = JSON.parse(rb.stdout);
    expect(sa.inserted + sb.inserted).toBe(9_000);
    expect(sa.inserted + sa.unchanged + sa.updated).toBe(6_000);
    expect(sb.inserted + sb.unchanged + sb.updated).toBe(6_000);
    const { rows } = await sql<{ n: number; distinct: number; wrong: number }>`
      select count(*) as n, count(distinct matricule) as distinct,
             count(*) filter (where email <> 'k' || ltrim(substr(matricule, 3), '0') || '@exemple.sn') as wrong
        from utilisateur where matricule >= 'K-050000' and matricule < 'K-059000'`.execute(t.db);
    expect(rows[0]).toEqual({ n: 9_000, distinct: 9_000, wrong: 0 });
  });

  it('refuses --rejects naming the input, a directory, a device or nothing before writing anything: exit 2, one sentence, the input intact', async () => {
    const file = writeRoster(dir, 'self.csv', [...roster(300, 302), ['', 'K-SELF', '', '', '', '', '']]);
    const bytes = readFileSync(file);
    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    for (const rejects of [file, 'self.csv', dir, '/dev/full', '']) {
      const result = await runCli(['users', 'import', file, '--rejects', rejects, '--as', 'fatou@ecole.example'], { env, cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^error: (Cannot write the rejects file [^\n]+|The path of the rejects file is empty); [^\n]+--rejects\.\n$/,
      );
      expect(result.stdout).toBe('');
    }
    // Standard input redirected from the file: `users import - --rejects F < F`.
    const input = openSync(file, 'r');
    const child = spawn(process.execPath, [CLI, 'users', 'import', '-', '--rejects', file, '--as', 'fatou@ecole.example'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: [input, 'pipe', 'pipe'],
    });
    closeSync(input);
    const redirected = await finished(child);
    expect(redirected.code).toBe(2);
    expect(redirected.stderr).toBe(
      `error: Cannot write the rejects file ${file}: it is the file being imported; choose another with --rejects.\n`,
    );
    expect(readFileSync(file)).toEqual(bytes);
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
    expect(await countRows(t.db, 'utilisateur', sql`matricule = 'K-000300'`)).toBe(0);
  });

  it('a rejects file that cannot be written to the end stops the import at once: exit 1, one sentence, the ledger failed', async () => {
    // The shell's file size limit (512 bytes) fails the rejects file's writes (EFBIG) as a
    // full disk would, and nothing else: the database is a server.
    const rows = roster(400, 460).map((r, i) => (i > 0 && i % 2 === 0 ? ['', ...r.slice(1)] : r));
    const file = writeRoster(dir, 'limited.csv', rows);
    const child = spawn(
      'sh',
      ['-c', 'ulimit -f 1; exec "$@"', 'sh', process.execPath, CLI, 'users', 'import', file, '--as', 'fatou@ecole.example'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    child.stdin.end();
    const result = await finished(child, 30_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: Cannot write the rejects file ${join(dir, 'limited.rejects.csv')}: the file would be larger than this process may write; the import stopped there.\n`,
    );
    const ledger = await t.db
      .selectFrom('alumni_admin.import_run')
      .select(['status', 'error'])
      .where('file_name', '=', file)
      .executeTakeFirstOrThrow();
    expect(ledger).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Cannot write the rejects file /) });
  });

  it('refuses a header line of 500 kB in well under a second of work, quoting only its start', async () => {
    const file = join(dir, 'long-header.csv');
    writeFileSync(file, 'A'.repeat(500_000));
    const started = performance.now();
    const result = await runCli(['users', 'import', file, '--as', 'fatou@ecole.example'], { env, cwd: dir });
    const seconds = (performance.now() - started) / 1000;
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error: The file has no column for the name and the matricule (its columns: ${'A'.repeat(60)}… (499,940 more characters)); name one with --map 'Header=nom_complet'.\n`,
    );
    // Generous: it includes starting node and connecting (over 100 s before, quadratic in the header's length).
    expect(seconds).toBeLessThan(5);
  });

  it('stores the common French layout NOM;Prénom(s);Matricule;Promotion as full names with no warning; a misspelt column stops the import', async () => {
    const file = writeRoster(dir, 'francais.csv', [
      ['NOM', 'Prénom(s)', 'Matricule', 'Promotion'],
      ['DIOP', 'Awa', 'FR-1', '2024'],
      ['FALL', 'Moussa', 'FR-2', '2023-2024'],
    ]);
    const result = await runCli(['users', 'import', file, '--as', 'fatou@ecole.example', '--json'], { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const stored = await t.db
      .selectFrom('utilisateur')
      .select(['matricule', 'nom_complet', 'annee_sortie'])
      .where('matricule', 'like', 'FR-%')
      .orderBy('matricule')
      .execute();
    expect(stored).toEqual([
      { matricule: 'FR-1', nom_complet: 'Awa DIOP', annee_sortie: 2024 },
      { matricule: 'FR-2', nom_complet: 'Moussa FALL', annee_sortie: 2024 },
    ]);

    const ledgerBefore = await countRows(t.db, 'alumni_admin.import_run');
    const misspelt = writeRoster(dir, 'faute.csv', [
      ['NOM', 'Prénom(s)', 'Matricule', 'Situaton'],
      ['SY', 'Ndeye', 'FR-3', 'En emploi'],
    ]);
    const refused = await runCli(['users', 'import', misspelt, '--as', 'fatou@ecole.example'], { env, cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `Column "Situaton" (looks like the employment situation) would not be read: read it with --map 'Situaton=travailleur', or leave it out with --ignore-column 'Situaton'`,
    );
    expect(await countRows(t.db, 'utilisateur', sql`matricule = 'FR-3'`)).toBe(0);
    expect(await countRows(t.db, 'alumni_admin.import_run')).toBe(ledgerBefore);
  });

  it('names ten unknown columns at most, each cut to 60 characters', async () => {
    const unknown = Array.from({ length: 15 }, (_, i) => `Colonne ${i} ${'x'.repeat(100)}`);
    const file = writeRoster(dir, 'wide.csv', [
      [...HEADER, ...unknown],
      [...roster(500, 501)[1]!, ...unknown.map(() => '')],
    ]);
    const result = await runCli(['users', 'import', file, '--as', 'fatou@ecole.example'], { env, cwd: dir });
    expect(result.code).toBe(0);
    const shown = unknown.slice(0, 10).map((name) => `${name.slice(0, 60)}… (${name.length - 60} more characters)`);
    expect(result.stderr).toBe(`warning: Ignoring unknown column(s): ${shown.join(', ')} and 5 more.\n`);
  });
});

// A database of its own: the 3,000 rows would crowd the lists the tests above read.
describe('broken lines and bad characters, end to end on a server', () => {
  let t: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createServerDatabase();
    dir = rosterDir();
    env = { ...t.env };
    await t.db.insertInto('annee_reference').values({ annee: 2024 }).execute();
    await t.db.insertInto('domaine_reference').values({ nom_domaine: 'Gestion' }).execute();
    await t.db.insertInto('utilisateur').values({ nom_complet: 'Fatou Sall', email: 'fatou@ecole.example', role: 'super_admin' }).execute();
  });
  afterAll(() => t.close());

  it('a badly quoted line and a NUL past the first 64 KB: exit 3 in the dry run and the real run alike, the fixed rejects file then imports', async () => {
    const rows = roster(100, 3100);
    rows.push(['"Awa "Junior" Diop"', 'K-QUOTE', '', '2024', '', '', ''], ['Moussa\0 Ba', 'K-NUL', '', '2024', '', '', '']);
    const file = writeRoster(dir, 'broken.csv', rows);
    const command = ['users', 'import', file, '--as', 'fatou@ecole.example', '--json'];
    const dry = await runCli([...command, '--dry-run'], { env, cwd: dir });
    const real = await runCli(command, { env, cwd: dir });
    for (const run of [dry, real]) {
      expect(run.code).toBe(3);
      expect(JSON.parse(run.stdout)).toMatchObject({ read: 3002, inserted: 3000, rejected: 2 });
    }
    const rejects = parse(readFileSync(join(dir, 'broken.rejects.csv')), { bom: true, delimiter: ';' }) as string[][];
    expect(rejects.slice(1).map((cells) => [cells[0], cells[1], cells.at(-2)])).toEqual([
      ['"Awa "Junior" Diop";K-QUOTE;;2024;;;', '', '3002'],
      ['Moussa\0 Ba', 'K-NUL', '3003'],
    ]);
    expect(rejects[2]!.at(-1)).toBe('holds a NUL character');
    const fixed = readFileSync(join(dir, 'broken.rejects.csv'), 'utf8')
      .replace('"""Awa ""Junior"" Diop"";', '"""Awa """"Junior"""" Diop"";')
      .replace('\0', '');
    writeFileSync(join(dir, 'broken-fixed.csv'), fixed);
    const again = await runCli(['users', 'import', join(dir, 'broken-fixed.csv'), '--as', 'fatou@ecole.example', '--json'], {
      env,
      cwd: dir,
    });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
  });
});

describe('a killed import on the embedded database', () => {
  it('recovers: the next run takes over the lock and finishes with no duplicates', async () => {
    const { dataDir, remove } = embeddedDataDir();
    const dir = rosterDir();
    const env = { ALUMNI_DATA_DIR: dataDir };
    try {
      expect(
        (await runCli(['users', 'add', '--nom', 'Admin', '--matricule', 'ADM', '--role', 'super_admin', '--no-password'], { env })).code,
      ).toBe(0);
      // One bad row in every thousand: the rejects file growing shows how far the import got
      // (the database itself cannot be looked at while the import holds it).
      const rows = roster(0, 40_000).map((r, i) =>
        i === 0 ? r : i % 1000 === 500 ? ['', ...r.slice(1)] : [...r.slice(0, 3), '', '', '', ''],
      );
      const file = writeRoster(dir, 'emb.csv', rows);
      const args = ['users', 'import', file, '--as', 'ADM', '--batch-size', '1000', '--json'];
      const child = startCli(args, { env, cwd: dir });
      const done = finished(child);
      const rejects = join(dir, 'emb.rejects.csv');
      await vi.waitFor(() => expect(existsSync(rejects) && readFileSync(rejects, 'utf8').split('\n').length >= 8).toBe(true), {
        // A deadline, not a measure: three embedded imports of 40,000 rows on a busy machine.
        timeout: 200_000,
        interval: 10,
      });
      child.kill('SIGKILL');
      expect((await done).signal).toBe('SIGKILL');
      const rerun = await runCli(args, { env, cwd: dir });
      expect(rerun.code).toBe(3);
      const summary = JSON.parse(rerun.stdout);
      expect(summary).toMatchObject({ read: 40_000, rejected: 40 });
      // Killed midway: some batches were in, whole; the rest came with the second run.
      expect(summary.unchanged).toBeGreaterThan(0);
      expect(summary.inserted).toBeGreaterThan(0);
      expect(summary.inserted + summary.unchanged).toBe(39_960);
      const list = JSON.parse((await runCli(['users', 'list', '--search', 'K-0', '--limit', '1', '--json'], { env })).stdout);
      expect(list.items).toHaveLength(1);
      const exported = parse((await runCli(['users', 'export', '--search', 'K-0'], { env })).stdout, { columns: true }) as {
        matricule: string;
      }[];
      expect(exported).toHaveLength(39_960);
      expect(new Set(exported.map((u) => u.matricule)).size).toBe(39_960);
    } finally {
      remove();
    }
  }, 300_000);
});
