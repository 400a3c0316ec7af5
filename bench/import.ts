/**
 * Roster import benchmark (`npm run bench`, or `npm run bench -- import`). In one run, on
 * one PostgreSQL server, into the same table (same indexes, same foreign keys), at
 * BENCH_SMALL_ROWS (default 100,000) and BENCH_ROWS (default 1,000,000) rows:
 *   1. the floor: psql \copy of the already-clean rows with the platform's triggers off
 *      (ALTER TABLE ... DISABLE TRIGGER USER: no audit rows; foreign keys still checked);
 *   2. psql \copy of the same rows, triggers on (one audit row per row, like the import);
 *   3. pgloader of the same rows, triggers on;
 *   4. `alumni users import`, first load;
 *   5. the same file again (nothing changed: must write nothing);
 *   6. the file with 10% of the rows changed.
 * Each reference load goes into its own fresh database; steps 4-6 share one. Every step is
 * checked: the row versions and audit rows it wrote against what it should have written.
 * Then steps 2 (PGlite's own COPY from a blob, in process) and 4-6 on the embedded back end
 * (BENCH_EMBEDDED_ROWS, default 100,000). Results: a table on stdout and
 * bench/results/import.json; a step that wrote the wrong counts fails the run (exit 1).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';

import type { DB } from '../src/db/schema.js';
import { startLocalCluster, type TestServer } from '../test/support/server.js';
import { CLEAN_COLUMNS, generateRoster } from './support/roster-generator.js';
import { rosterWorkbook } from './support/roster-workbook.js';
import {
  ADMIN,
  dropServerDatabase,
  copyCleanRows,
  embeddedDatabase,
  log,
  machine,
  printTable,
  ratio,
  run,
  runCli,
  serverDatabase,
  withEmbedded,
  writeResults,
  type BenchDb,
  type PGliteInstance,
} from './support/harness.js';

const SERVER_ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SMALL_ROWS = Number(process.env.BENCH_SMALL_ROWS ?? 100_000);
const SERVER_SIZES = [...new Set([Math.min(SMALL_ROWS, SERVER_ROWS), SERVER_ROWS])];
const EMBEDDED_ROWS = Number(process.env.BENCH_EMBEDDED_ROWS ?? 100_000);
/** BENCH_ONLY=xlsx: only the CSV and .xlsx first loads at BENCH_SMALL_ROWS, on the server. */
const ONLY_XLSX = process.env.BENCH_ONLY === 'xlsx';
const COLUMNS = `(${CLEAN_COLUMNS.join(', ')})`;

interface Step {
  backend: 'server' | 'embedded';
  rows: number;
  step: string;
  seconds: number;
  rows_per_second: number;
  /** Valid rows per second over those of `\copy` with the triggers on (embedded: PGlite's COPY); above 1 is faster. */
  ratio_to_copy: number | null;
  /** The same over pgloader's (server only). */
  ratio_to_pgloader: number | null;
  /** The .xlsx import's valid rows per second over the CSV import's, first load of the same rows. */
  ratio_to_csv_import?: number | null;
  peak_rss_mb: number | null;
  row_versions_written: number;
  audit_rows_written: number;
  expected_row_versions: number;
  expected_audit_rows: number;
  n_tup_ins?: number;
  n_tup_upd?: number;
  summary?: Record<string, unknown>;
}

interface RosterFiles {
  roster: string;
  clean: string;
  changed: string;
  valid: number;
  /** Valid rows that differ between `roster` and `changed`. */
  changedRows: number;
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'alumni-bench-'));
  const steps: Step[] = [];
  let server: TestServer | undefined;
  let versions: Record<string, string> = {};
  try {
    const pgloader = ONLY_XLSX ? 'not used' : ensurePgloader(scratch);
    server = process.env.BENCH_DATABASE_URL
      ? { adminUrl: process.env.BENCH_DATABASE_URL, how: 'BENCH_DATABASE_URL', stop: async () => {} }
      : await startLocalCluster();
    log(`server: ${server.how}`);
    versions = { postgres: await serverVersion(server.adminUrl), pgloader, psql: run('psql', ['--version']).trim() };
    if (ONLY_XLSX) steps.push(...(await workbookSteps(server.adminUrl, scratch, SMALL_ROWS, await rosterFiles(scratch, SMALL_ROWS), null)));
    else {
      for (const rows of SERVER_SIZES) steps.push(...(await serverSteps(server.adminUrl, scratch, rows)));
      steps.push(...(await embeddedSteps(scratch, EMBEDDED_ROWS)));
    }
  } finally {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  printTable(
    [
      'back end',
      'rows',
      'step',
      's',
      'valid rows/s',
      '× \\copy',
      '× pgloader',
      '× CSV import',
      'peak RSS MB',
      'row versions',
      'audit rows',
      'n_tup_ins',
      'n_tup_upd',
      'check',
    ],
    steps.map((s) => [
      s.backend,
      String(s.rows),
      s.step,
      s.seconds.toFixed(2),
      String(s.rows_per_second),
      s.ratio_to_copy?.toFixed(2) ?? '',
      s.ratio_to_pgloader?.toFixed(2) ?? '',
      s.ratio_to_csv_import?.toFixed(2) ?? '',
      s.peak_rss_mb?.toString() ?? '',
      String(s.row_versions_written),
      String(s.audit_rows_written),
      s.n_tup_ins?.toString() ?? '',
      s.n_tup_upd?.toString() ?? '',
      check(s) ?? 'ok',
    ]),
  );
  writeResults('import', machine(versions), { steps });
  const wrong = steps.filter((s) => check(s) !== undefined);
  for (const s of wrong) log(`WRONG COUNTS: ${s.backend} ${s.rows} "${s.step}": ${check(s)}`);
  if (wrong.length > 0) process.exitCode = 1;
}

async function rosterFiles(scratch: string, rows: number): Promise<RosterFiles> {
  const roster = join(scratch, `roster-${rows}.csv`);
  const clean = join(scratch, `clean-${rows}.csv`);
  const changed = join(scratch, `roster-${rows}-changed.csv`);
  const generated = await generateRoster(rows, roster, clean);
  const variant = await generateRoster(rows, changed, null, true);
  return { roster, clean, changed, valid: generated.valid, changedRows: variant.changed };
}

// ---- PostgreSQL server ------------------------------------------------------------------

async function serverSteps(adminUrl: string, scratch: string, rows: number): Promise<Step[]> {
  const files = await rosterFiles(scratch, rows);
  const copy = (target: BenchDb) =>
    run('psql', [target.url, '-v', 'ON_ERROR_STOP=1', '-c', `\\copy utilisateur ${COLUMNS} from '${files.clean}' with (format csv)`]);

  /** One load of the clean rows into a fresh database of its own, dropped afterwards. */
  const reference = async (name: string, load: (target: BenchDb) => void, triggers: 'on' | 'off') => {
    const database = `bench_${name}_${rows}`;
    const target = await serverDatabase(adminUrl, database);
    // The platform's triggers (audit, updated_at) only; the foreign keys' system triggers stay.
    if (triggers === 'off') await sql`alter table utilisateur disable trigger user`.execute(target.db);
    const measured = await measureServer(target, async () => {
      load(target);
    });
    // The seeded administrator is still there: nothing was truncated.
    const { rows: total } = await sql<{ n: number }>`select count(*) as n from utilisateur`.execute(target.db);
    if (total[0]!.n !== files.valid + 1) throw new Error(`${name}: ${total[0]!.n} users after the load, expected ${files.valid + 1}`);
    await target.db.destroy();
    await dropServerDatabase(adminUrl, database);
    return measured;
  };
  log(`server, ${rows} rows: \\copy with the triggers off, \\copy, pgloader`);
  const floor = await reference('copy_floor', copy, 'off');
  const copied = await reference('copy', copy, 'on');
  const pgloaded = await reference('pgloader', (target) => pgload(scratch, files.clean, target.url), 'on');
  const rates = { copy: files.valid / copied.seconds, pgloader: files.valid / pgloaded.seconds };
  const steps = [
    step('server', rows, 'floor: psql \\copy, platform triggers off', floor, files.valid, [files.valid, 0], rates),
    step('server', rows, 'psql \\copy of the clean rows', copied, files.valid, [files.valid, files.valid], rates),
    step('server', rows, 'pgloader of the clean rows', pgloaded, files.valid, [files.valid, files.valid], rates),
  ];

  log(`server, ${rows} rows: alumni users import`);
  const importDb = await serverDatabase(adminUrl, `bench_import_${rows}`);
  for (const [label, file, expected] of [
    ['alumni users import, first load', files.roster, files.valid],
    ['same file again (unchanged)', files.roster, 0],
    ['file with 10% of rows changed', files.changed, files.changedRows],
  ] as const) {
    const measured = await measureServer(importDb, () => importWithCli(file, { DATABASE_URL: importDb.url }));
    steps.push(step('server', rows, label, measured, files.valid, [expected, expected], rates));
  }
  await importDb.db.destroy();
  await dropServerDatabase(adminUrl, `bench_import_${rows}`);
  if (rows === SMALL_ROWS)
    steps.push(
      ...(await workbookSteps(
        adminUrl,
        scratch,
        rows,
        files,
        rates,
        steps.find((s) => s.step === 'alumni users import, first load'),
      )),
    );
  return steps;
}

/**
 * The same roster as an Excel workbook, imported into an empty table of its own beside
 * the CSV's first load (`csvLoad`, or measured here the same way): the .xlsx reader's
 * cost. `rates` are the reference loads', when they were measured.
 */
async function workbookSteps(
  adminUrl: string,
  scratch: string,
  rows: number,
  files: RosterFiles,
  rates: { copy: number; pgloader: number | null } | null,
  csvLoad?: Step,
): Promise<Step[]> {
  const workbook = join(scratch, `roster-${rows}.xlsx`);
  await rosterWorkbook(files.roster, workbook);
  const firstLoad = async (label: string, file: string) => {
    const database = `bench_first_load_${rows}`;
    const target = await serverDatabase(adminUrl, database);
    const measured = await measureServer(target, () => importWithCli(file, { DATABASE_URL: target.url }));
    await target.db.destroy();
    await dropServerDatabase(adminUrl, database);
    const loaded = step(
      'server',
      rows,
      label,
      measured,
      files.valid,
      [files.valid, files.valid],
      rates ?? { copy: Number.NaN, pgloader: null },
    );
    return rates ? loaded : { ...loaded, ratio_to_copy: null };
  };
  log(`server, ${rows} rows: alumni users import of the roster as .xlsx`);
  const csv = csvLoad ?? (await firstLoad('alumni users import, first load', files.roster));
  const xlsx = await firstLoad('the same rows as .xlsx, first load', workbook);
  const compared = { ...xlsx, ratio_to_csv_import: ratio(xlsx.rows_per_second / csv.rows_per_second) };
  return csvLoad ? [compared] : [csv, compared];
}

/**
 * pgloader is a Debian package (`apt-get install pgloader`): installed here when missing
 * (as root, else through `sudo -n`). Returns its version line.
 */
function ensurePgloader(scratch: string): string {
  if (spawnSync('sh', ['-c', 'command -v pgloader'], { stdio: 'ignore' }).status !== 0) {
    log('pgloader is missing: apt-get install pgloader');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args: string[]) => (process.getuid?.() === 0 ? run('apt-get', args, env) : run('sudo', ['-n', 'apt-get', ...args], env));
    const install = ['install', '-y', '--no-install-recommends', 'pgloader'];
    try {
      apt(install);
    } catch {
      apt(['update']);
      apt(install);
    }
  }
  return run('pgloader', ['--version', ...pgloaderDirs(scratch)])
    .split('\n')[0]!
    .trim();
}

/**
 * The clean rows through pgloader into the same table: the CSV as the generator writes it
 * (comma, optional double quotes, UTF-8, no header), pgloader's defaults otherwise: no
 * truncate, indexes kept, triggers on. --on-error-stop: a refused row fails the step
 * instead of landing in a reject file.
 */
function pgload(scratch: string, clean: string, url: string): void {
  const target = new URL(url);
  target.protocol = 'postgresql:';
  const commands = join(scratch, 'pgloader.load');
  writeFileSync(
    commands,
    `LOAD CSV
  FROM '${clean}' WITH ENCODING utf-8 ${COLUMNS}
  INTO ${target.toString()}
  TARGET TABLE public.utilisateur ${COLUMNS}
  WITH fields terminated by ',',
       fields optionally enclosed by '"',
       fields escaped by double-quote;
`,
  );
  run('pgloader', ['--on-error-stop', ...pgloaderDirs(scratch), commands]);
}

/** Its logs and reject files in the scratch directory: else every start, --version included, makes /tmp/pgloader. */
function pgloaderDirs(scratch: string): string[] {
  const dir = join(scratch, 'pgloader');
  mkdirSync(dir, { recursive: true });
  return ['--root-dir', dir];
}

async function serverVersion(adminUrl: string): Promise<string> {
  const out = run('psql', [adminUrl, '-At', '-c', 'show server_version']);
  return `PostgreSQL ${out.trim()}`;
}

// ---- Embedded (PGlite) ------------------------------------------------------------------

async function embeddedSteps(scratch: string, rows: number): Promise<Step[]> {
  log(`embedded, ${rows} rows`);
  const files = await rosterFiles(scratch, rows);
  const copyDir = await embeddedDatabase(scratch, 'embedded-copy');
  const copied = await measureEmbedded(copyDir, (_db, pglite) => copyCleanRows(pglite, files.clean));
  const rates = { copy: files.valid / copied.seconds, pgloader: null };
  const steps = [step('embedded', rows, 'COPY of the clean rows (in process)', copied, files.valid, [files.valid, files.valid], rates)];
  const importDir = await embeddedDatabase(scratch, 'embedded-import');
  for (const [label, file, expected] of [
    ['alumni users import, first load', files.roster, files.valid],
    ['same file again (unchanged)', files.roster, 0],
    ['file with 10% of rows changed', files.changed, files.changedRows],
  ] as const) {
    const measured = await measureEmbeddedCli(importDir, () => importWithCli(file, { ALUMNI_DATA_DIR: importDir }));
    steps.push(step('embedded', rows, label, measured, files.valid, [expected, expected], rates));
  }
  return steps;
}

// ---- helpers -----------------------------------------------------------------------------

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

async function measureEmbedded(dir: string, work: (db: Kysely<DB>, pglite: PGliteInstance) => Promise<void>): Promise<Measured> {
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

async function importWithCli(file: string, env: Record<string, string>): Promise<Partial<Measured>> {
  const finished = await runCli(
    ['users', 'import', file, '--as', ADMIN, '--country', 'SN', '--json', '--rejects', `${file}.rejects.csv`],
    env,
  );
  if (finished.code !== 0 && finished.code !== 3) throw new Error(`import exited ${finished.code}: ${finished.stderr}`);
  return { summary: JSON.parse(finished.stdout) as Record<string, unknown>, peak_rss_mb: finished.peak_rss_mb };
}

/** A measured step with its throughput, its ratios to the reference loads, and what it should have written. */
function step(
  backend: Step['backend'],
  rows: number,
  label: string,
  measured: Measured,
  valid: number,
  [expected_row_versions, expected_audit_rows]: readonly [number, number],
  rates: { copy: number; pgloader: number | null },
): Step {
  const rate = valid / measured.seconds;
  return {
    backend,
    rows,
    step: label,
    ...measured,
    rows_per_second: Math.round(rate),
    ratio_to_copy: ratio(rate / rates.copy),
    ratio_to_pgloader: rates.pgloader ? ratio(rate / rates.pgloader) : null,
    expected_row_versions,
    expected_audit_rows,
  };
}

/** What is wrong with a step's counts, if anything. */
function check(s: Step): string | undefined {
  if (s.row_versions_written === s.expected_row_versions && s.audit_rows_written === s.expected_audit_rows) return undefined;
  return `expected ${s.expected_row_versions} row versions / ${s.expected_audit_rows} audit rows`;
}

await main();
