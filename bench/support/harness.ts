/**
 * What the benchmarks share: where the built CLI is, databases prepared like a real
 * install (migrated, reference data, one administrator), subprocesses timed with their
 * peak RSS, the machine description, the printed table and the results file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, sql } from 'kysely';

import { serverKysely } from '../../src/db/connect.js';
import { createPGlite } from '../../src/db/pglite.js';
import { PGliteDialect } from '../../src/db/pglite-dialect.js';
import type { DB } from '../../src/db/schema.js';
import { migrateToLatest } from '../../src/services/migrations.js';
import { CLEAN_COLUMNS, FIELDS, YEARS } from './roster-generator.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CLI = join(ROOT, 'bin', 'alumni.js');
const RSS_HOOK = join(ROOT, 'bench', 'support', 'report-rss.mjs');
/** The administrator every benchmarked command acts as. */
export const ADMIN = 'BENCH-ADMIN';

export function log(message: string): void {
  console.error(`[bench] ${message}`);
}

/** Runs a command to completion; throws with its stderr when it fails. */
export function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.error?.message}`);
  return result.stdout;
}

// ---- databases ---------------------------------------------------------------------------

export interface BenchDb {
  url: string;
  db: Kysely<DB>;
}

/** A fresh database on the server (dropped first if a previous run left it), migrated and seeded. */
export async function serverDatabase(adminUrl: string, name: string): Promise<BenchDb> {
  await dropServerDatabase(adminUrl, name);
  const admin = await serverKysely(adminUrl);
  await sql`create database ${sql.id(name)}`.execute(admin);
  await admin.destroy();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await serverKysely(url.toString());
  await migrateToLatest(db);
  await seed(db);
  return { url: url.toString(), db };
}

export async function dropServerDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = await serverKysely(adminUrl);
  await sql`drop database if exists ${sql.id(name)}`.execute(admin);
  await admin.destroy();
}

/** A data directory as `alumni` uses it (ALUMNI_DATA_DIR), migrated and seeded. */
export async function embeddedDatabase(scratch: string, name: string): Promise<string> {
  const dir = join(scratch, name);
  await withEmbedded(dir, async (db) => {
    await migrateToLatest(db);
    await seed(db);
  });
  return dir;
}

export type PGliteInstance = Awaited<ReturnType<typeof createPGlite>>;

export async function withEmbedded<T>(dir: string, work: (db: Kysely<DB>, pglite: PGliteInstance) => Promise<T>): Promise<T> {
  // Bulk loads, as the CLI's imports (src/db/pglite.ts).
  const pglite = await createPGlite(join(dir, 'pgdata'), 'bulk');
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  try {
    return await work(db, pglite);
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

/** The clean rows of a generated roster into `utilisateur`, by PGlite's COPY from a blob (in process). */
export async function copyCleanRows(pglite: PGliteInstance, clean: string): Promise<void> {
  const blob = new Blob([readFileSync(clean)]);
  await pglite.query(`copy utilisateur (${CLEAN_COLUMNS.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob });
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
  await db.insertInto('utilisateur').values({ nom_complet: 'Bench Admin', matricule: ADMIN, role: 'super_admin' }).execute();
}

// ---- subprocesses --------------------------------------------------------------------------

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, process start-up included. */
  seconds: number;
  peak_rss_mb: number;
}

/**
 * Runs a Node program (the CLI through its shebang, or a script) as a fresh process,
 * timed from spawn to exit, its peak RSS reported by report-rss.mjs preloaded into it.
 * Only PATH and HOME pass through, plus `env`.
 */
export function spawnMeasured(command: string, args: string[], env: Record<string, string>): Promise<Finished> {
  const rssFile = join(tmpdir(), `alumni-bench-rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: `--import ${RSS_HOOK}`, BENCH_RSS_FILE: rssFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      try {
        const peak_rss_mb = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
        rmSync(rssFile, { force: true });
        resolvePromise({ code: code ?? 1, stdout, stderr, seconds, peak_rss_mb });
      } catch (error) {
        reject(new Error(`${command} ${args.join(' ')} exited ${code} without reporting its RSS: ${stderr}`, { cause: error }));
      }
    });
  });
}

/** The built CLI, run as a user runs it: through bin/alumni.js's shebang and its V8 flags. */
export function runCli(args: string[], env: Record<string, string>): Promise<Finished> {
  return spawnMeasured(CLI, args, env);
}

/** The node flags bin/alumni.js starts node with, so that a script compared to the CLI runs alike. */
export function cliNodeFlags(): string[] {
  const exec = /exec node (.*) "\$0"/.exec(readFileSync(CLI, 'utf8'));
  if (!exec) throw new Error(`${CLI}: cannot find its node flags (the "exec node ... \\"$0\\"" line)`);
  return exec[1]!.split(/\s+/).filter(Boolean);
}

// ---- reporting ------------------------------------------------------------------------------

export interface Machine {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  date: string;
  [more: string]: unknown;
}

export function machine(more: Record<string, unknown> = {}): Machine {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    ...more,
  };
}

/** A Markdown table on stdout, columns padded to their widest cell. */
export function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

/** bench/results/<name>.json: the machine, then the measurements. */
export function writeResults(name: string, about: Machine, results: Record<string, unknown>): void {
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', `${name}.json`), `${JSON.stringify({ machine: about, ...results }, null, 2)}\n`);
  log(`machine: ${about.cpu}, ${about.cores} cores, ${about.memory_gb} GB, Node ${about.node}, ${about.date}`);
  log(`written: bench/results/${name}.json`);
}

/** `x` rounded to two decimals, for ratios. */
export function ratio(x: number): number {
  return Math.round(x * 100) / 100;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
