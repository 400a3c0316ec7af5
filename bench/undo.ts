/**
 * Import undo benchmark (`npm run bench`, or `npm run bench -- undo`). The undo of a first
 * load against the load itself, both timed the same way: the built CLI as a subprocess,
 * from spawn to exit, with its peak RSS. On the PostgreSQL server (a throwaway local
 * cluster, fsync off, or BENCH_DATABASE_URL) and on the embedded back end (PGlite), at
 * BENCH_UNDO_ROWS (default 100,000) roster rows, each round in a fresh migrated database:
 *   1. `alumni users import`, first load into an empty table;
 *   2. `VACUUM ANALYZE` (outside the timing, as bench/import.ts does between its steps);
 *   3. `alumni users imports undo <id> --yes --json`.
 * The undo is checked: its JSON says it removed every row the load inserted (and kept,
 * restored, erased none), and a SQL count afterwards finds none of those rows left, the
 * table back to the seeded administrator, and one audit entry (DELETE) per row removed.
 * BENCH_UNDO_RUNS rounds (default 3) per back end; the ratio undo time / load time of each
 * round, and the medians (target: at most 1). Results: a table on stdout and
 * bench/results/undo.json; a wrong count fails the run (exit 1).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';

import type { DB } from '../src/db/schema.js';
import { startLocalCluster, type TestServer } from '../test/support/server.js';
import { generateRoster } from './support/roster-generator.js';
import {
  ADMIN,
  dropServerDatabase,
  embeddedDatabase,
  log,
  machine,
  median,
  printTable,
  ratio,
  ROOT,
  run,
  runCli,
  serverDatabase,
  withEmbedded,
  writeResults,
  type Finished,
} from './support/harness.js';

const ROWS = Number(process.env.BENCH_UNDO_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_UNDO_RUNS ?? 3);
/** BENCH_UNDO_BACKENDS=server or =embedded: one back end only. */
const BACKENDS = (process.env.BENCH_UNDO_BACKENDS ?? 'server,embedded').split(',').map((b) => b.trim()) as Array<'server' | 'embedded'>;

interface Round {
  backend: 'server' | 'embedded';
  rows: number;
  valid: number;
  round: number;
  load_seconds: number;
  undo_seconds: number;
  /** undo_seconds / load_seconds: the target is at most 1. */
  ratio_undo_to_load: number;
  load_peak_rss_mb: number;
  undo_peak_rss_mb: number;
  import_id: string;
  /** What the undo said (its --json output), the kept rows and fields aside. */
  undo: Record<string, unknown>;
  /** Checked after the undo, by SQL. */
  after: AfterUndo;
  problems: string[];
}

interface AfterUndo {
  /** Rows the load inserted still in the table. */
  imported_left: number;
  /** Rows in the table (the seeded administrator only, expected). */
  users: number;
  /** Audit entries (DELETE on utilisateur) written by the undo. */
  delete_audit_rows: number;
}

interface Summary {
  backend: string;
  rows: number;
  valid: number;
  runs: number;
  median_load_seconds: number;
  median_undo_seconds: number;
  /** The median of the rounds' ratios. */
  median_ratio_undo_to_load: number;
  min_ratio: number;
  max_ratio: number;
  median_undo_peak_rss_mb: number;
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'alumni-bench-undo-'));
  const rounds: Round[] = [];
  let server: TestServer | undefined;
  const versions: Record<string, string> = {};
  try {
    const roster = join(scratch, `roster-${ROWS}.csv`);
    const { valid } = await generateRoster(ROWS, roster, join(scratch, `clean-${ROWS}.csv`));
    if (BACKENDS.includes('server')) {
      server = process.env.BENCH_DATABASE_URL
        ? { adminUrl: process.env.BENCH_DATABASE_URL, how: 'BENCH_DATABASE_URL', stop: async () => {} }
        : await startLocalCluster();
      log(`server: ${server.how}`);
      versions.postgres = `PostgreSQL ${run('psql', [server.adminUrl, '-At', '-c', 'show server_version']).trim()}`;
      for (let round = 1; round <= RUNS; round += 1) rounds.push(await serverRound(server.adminUrl, roster, valid, round));
    }
    if (BACKENDS.includes('embedded')) {
      versions.pglite = (
        JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }
      ).version;
      for (let round = 1; round <= RUNS; round += 1) rounds.push(await embeddedRound(scratch, roster, valid, round));
    }
  } finally {
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  const summaries: Summary[] = BACKENDS.map((backend) => {
    const mine = rounds.filter((r) => r.backend === backend);
    const ratios = mine.map((r) => r.ratio_undo_to_load);
    return {
      backend,
      rows: ROWS,
      valid: mine[0]?.valid ?? 0,
      runs: mine.length,
      median_load_seconds: ratio(median(mine.map((r) => r.load_seconds))),
      median_undo_seconds: ratio(median(mine.map((r) => r.undo_seconds))),
      median_ratio_undo_to_load: ratio(median(ratios)),
      min_ratio: Math.min(...ratios),
      max_ratio: Math.max(...ratios),
      median_undo_peak_rss_mb: median(mine.map((r) => r.undo_peak_rss_mb)),
    };
  });

  printTable(
    ['back end', 'rows', 'round', 'first load s', 'undo s', 'undo × load', 'load RSS MB', 'undo RSS MB', 'removed', 'left', 'check'],
    rounds.map((r) => [
      r.backend,
      String(r.rows),
      String(r.round),
      r.load_seconds.toFixed(2),
      r.undo_seconds.toFixed(2),
      r.ratio_undo_to_load.toFixed(2),
      String(r.load_peak_rss_mb),
      String(r.undo_peak_rss_mb),
      String(r.undo.removed),
      String(r.after.imported_left),
      r.problems.length === 0 ? 'ok' : r.problems.join('; '),
    ]),
  );
  console.log('');
  printTable(
    ['back end', 'rows (valid)', 'runs', 'median first load s', 'median undo s', 'median undo × load', 'min-max', 'undo RSS MB'],
    summaries.map((s) => [
      s.backend,
      `${s.rows} (${s.valid})`,
      String(s.runs),
      s.median_load_seconds.toFixed(2),
      s.median_undo_seconds.toFixed(2),
      s.median_ratio_undo_to_load.toFixed(2),
      `${s.min_ratio.toFixed(2)}-${s.max_ratio.toFixed(2)}`,
      String(s.median_undo_peak_rss_mb),
    ]),
  );
  writeResults('undo', machine(versions), { summaries, rounds });
  const wrong = rounds.filter((r) => r.problems.length > 0);
  for (const r of wrong) log(`WRONG: ${r.backend} round ${r.round}: ${r.problems.join('; ')}`);
  if (wrong.length > 0) process.exitCode = 1;
}

// ---- the two back ends ---------------------------------------------------------------------

async function serverRound(adminUrl: string, roster: string, valid: number, round: number): Promise<Round> {
  const database = `bench_undo_${ROWS}`;
  log(`server, ${ROWS} rows, round ${round}: first load, then its undo`);
  const target = await serverDatabase(adminUrl, database);
  const env = { DATABASE_URL: target.url };
  try {
    const load = await importWithCli(roster, env);
    await sql`vacuum (analyze) utilisateur, audit_log`.execute(target.db);
    const xid = await currentXid(target.db);
    const undo = await undoWithCli(load.importId, env);
    const after = await afterUndo(target.db, load.importId, xid);
    return roundOf('server', valid, round, load, undo, after);
  } finally {
    await target.db.destroy();
    await dropServerDatabase(adminUrl, database);
  }
}

async function embeddedRound(scratch: string, roster: string, valid: number, round: number): Promise<Round> {
  log(`embedded, ${ROWS} rows, round ${round}: first load, then its undo`);
  const dir = await embeddedDatabase(scratch, `embedded-undo-${round}`);
  const env = { ALUMNI_DATA_DIR: dir };
  try {
    // The CLI owns the data directory while it runs: it is opened here only between the two.
    const load = await importWithCli(roster, env);
    // The load has vacuumed and analysed what it wrote, as every bulk command does on this
    // back end (src/context.ts, src/db/autovacuum.ts): nothing to settle here.
    const xid = await withEmbedded(dir, (db) => currentXid(db));
    const undo = await undoWithCli(load.importId, env);
    const after = await withEmbedded(dir, (db) => afterUndo(db, load.importId, xid));
    return roundOf('embedded', valid, round, load, undo, after);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- helpers -----------------------------------------------------------------------------

interface Timed {
  finished: Finished;
  importId: string;
  json: Record<string, unknown>;
}

/** `alumni users import`, as bench/import.ts runs it. */
async function importWithCli(file: string, env: Record<string, string>): Promise<Timed> {
  const finished = await runCli(
    ['users', 'import', file, '--as', ADMIN, '--country', 'SN', '--json', '--rejects', `${file}.rejects.csv`],
    env,
  );
  if (finished.code !== 0 && finished.code !== 3) throw new Error(`import exited ${finished.code}: ${finished.stderr}`);
  const json = JSON.parse(finished.stdout) as Record<string, unknown>;
  return { finished, importId: String(json.import_id), json };
}

async function undoWithCli(importId: string, env: Record<string, string>): Promise<Timed> {
  const finished = await runCli(['users', 'imports', 'undo', importId, '--yes', '--json', '--as', ADMIN], env);
  if (finished.code !== 0) throw new Error(`undo exited ${finished.code}: ${finished.stderr}`);
  return { finished, importId, json: JSON.parse(finished.stdout) as Record<string, unknown> };
}

async function currentXid(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ xid: string }>`select txid_current()::text as xid`.execute(db);
  return Number(rows[0]!.xid);
}

/** What the table holds after the undo: none of the rows the import inserted (found from its audit entries). */
async function afterUndo(db: Kysely<DB>, importId: string, xid: number): Promise<AfterUndo> {
  const { rows } = await sql<{ imported_left: number; users: number; delete_audit_rows: number }>`
    select (select count(*) from utilisateur u
             where u.id in (select (a.nouveau_data->>'id')::uuid from audit_log a
                             where a.table_name = 'utilisateur' and a.action = 'INSERT' and a.user_agent like ${`% users import ${importId}`}))::int
             as imported_left,
           (select count(*) from utilisateur)::int as users,
           (select count(*) from audit_log
             where table_name = 'utilisateur' and action = 'DELETE' and xmin::text::bigint >= ${xid})::int as delete_audit_rows`.execute(
    db,
  );
  return rows[0]!;
}

function roundOf(backend: Round['backend'], valid: number, round: number, load: Timed, undo: Timed, after: AfterUndo): Round {
  const { kept_rows: _rows, kept_fields: _fields, ...said } = undo.json;
  const inserted = Number(load.json.inserted ?? valid);
  const problems: string[] = [];
  if (inserted !== valid) problems.push(`the load inserted ${inserted}, expected ${valid}`);
  if (said.removed !== inserted) problems.push(`undo removed ${String(said.removed)}, expected ${inserted}`);
  for (const zero of ['kept', 'restored', 'kept_changes', 'erased', 'gone'] as const) {
    if (said[zero] !== 0) problems.push(`undo ${zero} ${String(said[zero])}, expected 0`);
  }
  if (after.imported_left !== 0) problems.push(`${after.imported_left} imported rows left`);
  if (after.users !== 1) problems.push(`${after.users} users left, expected 1 (the administrator)`);
  if (after.delete_audit_rows !== inserted) problems.push(`${after.delete_audit_rows} DELETE audit rows, expected ${inserted}`);
  return {
    backend,
    rows: ROWS,
    valid,
    round,
    load_seconds: Math.round(load.finished.seconds * 1000) / 1000,
    undo_seconds: Math.round(undo.finished.seconds * 1000) / 1000,
    ratio_undo_to_load: ratio(undo.finished.seconds / load.finished.seconds),
    load_peak_rss_mb: load.finished.peak_rss_mb,
    undo_peak_rss_mb: undo.finished.peak_rss_mb,
    import_id: load.importId,
    undo: said,
    after,
    problems,
  };
}

await main();
