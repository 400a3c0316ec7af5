/**
 * Roster import benchmark (`npm run bench`). Side by side, in one run, on the same
 * server and the same table (same indexes, same triggers):
 *   1. baseline: psql \copy of the already-clean rows;
 *   2. `alumni users import`, first load;
 *   3. the same file again (nothing changed: must write nothing);
 *   4. the file with 10% of the rows changed.
 * On a PostgreSQL server (BENCH_ROWS, default 1,000,000; plus a 100,000-row first load
 * to check memory stays flat) and on the embedded back end (BENCH_EMBEDDED_ROWS,
 * default 100,000, baseline: COPY from a blob in PGlite). Results: a table on stdout and
 * bench/results/import.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

import { PGliteDialect } from '../src/db/pglite-dialect.js';
import type { DB } from '../src/db/schema.js';
import { Kysely as KyselyClass } from 'kysely';
import { migrateToLatest } from '../src/services/migrations.js';
import { createPGlite, serverKysely } from '../src/db/connect.js';
import { startLocalCluster, type TestServer } from '../test/support/server.js';
import { FIELDS, generateRoster, YEARS } from './support/roster-generator.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'alumni.js');
const RSS_HOOK = join(ROOT, 'bench', 'support', 'report-rss.mjs');
const SERVER_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SMALL_ROWS = Math.min(100_000, SERVER_ROWS);
const EMBEDDED_ROWS = Number(process.env.BENCH_EMBEDDED_ROWS ?? 100_000);
const COLUMNS = '(nom_complet, matricule, email, annee_sortie, telephone, domaine, travailleur)';

interface Step {
  backend: 'server' | 'embedded';
  rows: number;
  step: string;
  seconds: number;
  rows_per_second: number;
  ratio_to_copy: number | null;
  peak_rss_mb: number | null;
  row_versions_written: number;
  audit_rows_written: number;
  n_tup_ins?: number;
  n_tup_upd?: number;
  summary?: Record<string, unknown>;
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'alumni-bench-'));
  const steps: Step[] = [];
  let server: TestServer | undefined;
  try {
    const files = async (rows: number) => {
      const roster = join(scratch, `roster-${rows}.csv`);
      const clean = join(scratch, `clean-${rows}.csv`);
      const changed = join(scratch, `roster-${rows}-changed.csv`);
      const generated = await generateRoster(rows, roster, clean);
      await generateRoster(rows, changed, null, true);
      return { roster, clean, changed, valid: generated.valid };
    };

    // ---- PostgreSQL server ------------------------------------------------------------
    server = process.env.BENCH_DATABASE_URL
      ? { adminUrl: process.env.BENCH_DATABASE_URL, how: 'BENCH_DATABASE_URL', stop: async () => {} }
      : await startLocalCluster();
    log(`server: ${server.how}`);
    const big = await files(SERVER_ROWS);
    const baselineDb = await serverDatabase(server.adminUrl, 'bench_copy');
    const importDb = await serverDatabase(server.adminUrl, 'bench_import');

    const copy = await measureServer(baselineDb, async () => {
      run('psql', [baselineDb.url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy utilisateur ${COLUMNS} from '${big.clean}' with (format csv)`]);
    });
    const copyRate = big.valid / copy.seconds;
    steps.push({
      backend: 'server',
      rows: SERVER_ROWS,
      step: 'baseline: psql \\copy of the clean rows',
      ...copy,
      rows_per_second: Math.round(copyRate),
      ratio_to_copy: 1,
      peak_rss_mb: null,
    });

    for (const [label, file] of [
      ['alumni users import, first load', big.roster],
      ['same file again (unchanged)', big.roster],
      ['file with 10% of rows changed', big.changed],
    ] as const) {
      const measured = await measureServer(importDb, () => importWithCli(file, { DATABASE_URL: importDb.url }));
      steps.push(importStep('server', SERVER_ROWS, label, measured, big.valid, copyRate));
    }

    if (SMALL_ROWS < SERVER_ROWS) {
      const small = await files(SMALL_ROWS);
      const smallDb = await serverDatabase(server.adminUrl, 'bench_import_small');
      const measured = await measureServer(smallDb, () => importWithCli(small.roster, { DATABASE_URL: smallDb.url }));
      steps.push(importStep('server', SMALL_ROWS, 'alumni users import, first load (memory check)', measured, small.valid, null));
      await smallDb.db.destroy();
    }
    await baselineDb.db.destroy();
    await importDb.db.destroy();

    // ---- Embedded (PGlite) ---------------------------------------------------------------
    const embeddedFiles = await files(EMBEDDED_ROWS);
    const copyDir = await embeddedDatabase(scratch, 'embedded-copy');
    const embeddedCopy = await measureEmbedded(copyDir, async (db, pglite) => {
      const blob = new Blob([readFileSync(embeddedFiles.clean)]);
      await pglite.query(`copy utilisateur ${COLUMNS} from '/dev/blob' with (format csv)`, [], { blob });
      void db;
    });
    const embeddedCopyRate = embeddedFiles.valid / embeddedCopy.seconds;
    steps.push({
      backend: 'embedded',
      rows: EMBEDDED_ROWS,
      step: 'baseline: COPY of the clean rows (in process)',
      ...embeddedCopy,
      rows_per_second: Math.round(embeddedCopyRate),
      ratio_to_copy: 1,
      peak_rss_mb: null,
    });
    const importDir = await embeddedDatabase(scratch, 'embedded-import');
    for (const [label, file] of [
      ['alumni users import, first load', embeddedFiles.roster],
      ['same file again (unchanged)', embeddedFiles.roster],
      ['file with 10% of rows changed', embeddedFiles.changed],
    ] as const) {
      const measured = await measureEmbeddedCli(importDir, () => importWithCli(file, { ALUMNI_DATA_DIR: importDir }));
      steps.push(importStep('embedded', EMBEDDED_ROWS, label, measured, embeddedFiles.valid, embeddedCopyRate));
    }
  } finally {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
  };
  printTable(steps);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'import.json'), `${JSON.stringify({ machine, steps }, null, 2)}\n`);
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gb} GB, Node ${machine.node}, ${machine.date}`);
  log('written: bench/results/import.json');
}

// ---- helpers -----------------------------------------------------------------------------

interface BenchDb {
  url: string;
  db: Kysely<DB>;
}

async function serverDatabase(adminUrl: string, name: string): Promise<BenchDb> {
  const admin = await serverKysely(adminUrl);
  await sql`drop database if exists ${sql.id(name)}`.execute(admin);
  await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await serverKysely(url.toString());
  await migrateToLatest(db);
  await seed(db);
  return { url: url.toString(), db };
}

async function embeddedDatabase(scratch: string, name: string): Promise<string> {
  const dir = join(scratch, name);
  const pglite = await createPGlite(join(dir, 'pgdata'));
  const db = new KyselyClass<DB>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  await seed(db);
  await db.destroy();
  await pglite.close();
  return dir;
}

async function seed(db: Kysely<DB>): Promise<void> {
  await db
    .insertInto('annee_reference')
    .values(YEARS.map((annee) => ({ annee })))
    .execute();
  await db
    .insertInto('domaine_reference')
    .values(FIELDS.map(([, nom_domaine]) => ({ nom_domaine })))
    .execute();
  await db.insertInto('utilisateur').values({ nom_complet: 'Bench Admin', matricule: 'BENCH-ADMIN', role: 'super_admin' }).execute();
}

interface Measured {
  seconds: number;
  row_versions_written: number;
  audit_rows_written: number;
  n_tup_ins?: number;
  n_tup_upd?: number;
  peak_rss_mb: number | null;
  summary?: Record<string, unknown>;
}

/** Rows written are counted twice: row versions newer than the step (xmin), and pg_stat. */
async function counters(db: Kysely<DB>) {
  await new Promise((r) => setTimeout(r, 1500)); // let the finished backend's stats land
  await sql`select pg_stat_clear_snapshot()`.execute(db);
  const { rows } = await sql<{ relname: string; n_tup_ins: number; n_tup_upd: number }>`
    select relname, n_tup_ins, n_tup_upd from pg_stat_user_tables where relname in ('utilisateur', 'audit_log')`.execute(db);
  const get = (t: string) => rows.find((r) => r.relname === t)!;
  return { ins: Number(get('utilisateur').n_tup_ins), upd: Number(get('utilisateur').n_tup_upd) };
}

async function writtenSince(db: Kysely<DB>, xid: number) {
  const { rows } = await sql<{ versions: number; audits: number }>`
    select (select count(*) from utilisateur where xmin::text::bigint >= ${xid}) as versions,
           (select count(*) from audit_log where xmin::text::bigint >= ${xid}) as audits`.execute(db);
  return rows[0]!;
}

async function currentXid(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ xid: string }>`select txid_current()::text as xid`.execute(db);
  return Number(rows[0]!.xid);
}

async function measureServer(target: BenchDb, work: () => Promise<Partial<Measured> | void>): Promise<Measured> {
  const before = await counters(target.db);
  const xid = await currentXid(target.db);
  const started = performance.now();
  const extra = (await work()) ?? {};
  const seconds = (performance.now() - started) / 1000;
  const after = await counters(target.db);
  const written = await writtenSince(target.db, xid);
  // Outside the timing: settle the dead tuples and statistics this step left, so that
  // autovacuum catching up on one step does not compete with the next one on 2 cores.
  await sql`vacuum (analyze) utilisateur, audit_log`.execute(target.db);
  return {
    seconds,
    row_versions_written: written.versions,
    audit_rows_written: written.audits,
    n_tup_ins: after.ins - before.ins,
    n_tup_upd: after.upd - before.upd,
    peak_rss_mb: null,
    ...extra,
  };
}

async function withEmbedded<T>(
  dir: string,
  work: (db: Kysely<DB>, pglite: Awaited<ReturnType<typeof createPGlite>>) => Promise<T>,
): Promise<T> {
  const pglite = await createPGlite(join(dir, 'pgdata'));
  const db = new KyselyClass<DB>({ dialect: new PGliteDialect(pglite) });
  try {
    return await work(db, pglite);
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

async function measureEmbedded(
  dir: string,
  work: (db: Kysely<DB>, pglite: Awaited<ReturnType<typeof createPGlite>>) => Promise<void>,
): Promise<Measured> {
  return withEmbedded(dir, async (db, pglite) => {
    const xid = await currentXid(db);
    const started = performance.now();
    await work(db, pglite);
    const seconds = (performance.now() - started) / 1000;
    const written = await writtenSince(db, xid);
    return { seconds, row_versions_written: written.versions, audit_rows_written: written.audits, peak_rss_mb: null };
  });
}

/** The CLI owns the data directory while it runs: open it only before and after. */
async function measureEmbeddedCli(dir: string, work: () => Promise<Partial<Measured>>): Promise<Measured> {
  const xid = await withEmbedded(dir, (db) => currentXid(db));
  const started = performance.now();
  const extra = await work();
  const seconds = (performance.now() - started) / 1000;
  const written = await withEmbedded(dir, (db) => writtenSince(db, xid));
  return { seconds, row_versions_written: written.versions, audit_rows_written: written.audits, peak_rss_mb: null, ...extra };
}

function importWithCli(file: string, env: Record<string, string>): Promise<Partial<Measured>> {
  const rssFile = join(dirname(file), `rss-${Date.now()}`);
  return new Promise((resolvePromise, reject) => {
    // Run as a user does, through bin/alumni.js's shebang and its V8 flags.
    const child = spawn(
      CLI,
      ['users', 'import', file, '--as', 'BENCH-ADMIN', '--country', 'SN', '--json', '--rejects', `${file}.rejects.csv`],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: `--import ${RSS_HOOK}`, BENCH_RSS_FILE: rssFile, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 3) return reject(new Error(`import exited ${code}: ${stderr}`));
      const summary = JSON.parse(stdout) as Record<string, unknown>;
      resolvePromise({ summary, peak_rss_mb: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024) });
    });
  });
}

function importStep(
  backend: Step['backend'],
  rows: number,
  step: string,
  measured: Measured,
  valid: number,
  copyRate: number | null,
): Step {
  const rate = valid / measured.seconds;
  return {
    backend,
    rows,
    step,
    ...measured,
    rows_per_second: Math.round(rate),
    ratio_to_copy: copyRate ? Math.round((rate / copyRate) * 100) / 100 : null,
  };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error?.message}`);
}

function printTable(steps: Step[]): void {
  const header = [
    'back end',
    'rows',
    'step',
    's',
    'valid rows/s',
    '× COPY',
    'peak RSS MB',
    'row versions',
    'audit rows',
    'n_tup_ins',
    'n_tup_upd',
  ];
  const lines = steps.map((s) => [
    s.backend,
    String(s.rows),
    s.step,
    s.seconds.toFixed(2),
    String(s.rows_per_second),
    s.ratio_to_copy?.toFixed(2) ?? '',
    s.peak_rss_mb?.toString() ?? '',
    String(s.row_versions_written),
    String(s.audit_rows_written),
    s.n_tup_ins?.toString() ?? '',
    s.n_tup_upd?.toString() ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

await main();
