/**
 * Embedded command floor (`npm run bench`, or `npm run bench -- embedded`). On one PGlite
 * data directory (migrated, BENCH_EMBEDDED_ROWS users, default 100,000), each a fresh
 * node process started with bin/alumni.js's V8 flags, timed from spawn to exit with its
 * peak RSS:
 *   - the floor: a bare PGlite open of the directory + `select 1` + close, with the
 *     WebAssembly tiering the CLI uses for short commands (src/db/pglite.ts);
 *   - for reference, the same with V8's default tiering, and with the PostgreSQL settings
 *     the CLI gives short commands (a smaller buffer pool, src/db/pglite.ts);
 *   - `alumni users list`, `alumni validate list`, `alumni doctor` (the built CLI).
 * One untimed round first, then BENCH_FLOOR_RUNS rounds (default 9), interleaved, the
 * order rotating each round. Medians, and their ratios to the floor's. Results: a table
 * on stdout and bench/results/embedded.json.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';

import { SHORT_RUN_SETTINGS, SHORT_RUN_V8_FLAGS } from '../src/db/pglite.js';
import { generateRoster } from './support/roster-generator.js';
import {
  cliNodeFlags,
  copyCleanRows,
  embeddedDatabase,
  log,
  machine,
  median,
  printTable,
  ratio,
  ROOT,
  runCli,
  spawnMeasured,
  withEmbedded,
  writeResults,
  type Finished,
} from './support/harness.js';

const ROWS = Number(process.env.BENCH_EMBEDDED_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 9);
const OPEN = join(ROOT, 'bench', 'support', 'pglite-open.mjs');

interface Measurement {
  command: string;
  runs: number;
  median_seconds: number;
  min_seconds: number;
  max_seconds: number;
  median_peak_rss_mb: number;
  /** Median time over the floor's median time; the target is at most 1.25. */
  ratio_to_floor: number;
  rss_ratio_to_floor: number;
  seconds: number[];
  peak_rss_mb: number[];
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'alumni-bench-embedded-'));
  try {
    const { dataDir, users } = await populatedDataDir(scratch);
    const pgdata = join(dataDir, 'pgdata');
    const env = { ALUMNI_DATA_DIR: dataDir };
    // The floor runs PGlite as the CLI runs it for these (short) commands: with
    // bin/alumni.js's V8 flags and the WebAssembly tiering of src/db/pglite.ts.
    const floorArgs = [...cliNodeFlags(), SHORT_RUN_V8_FLAGS, OPEN, pgdata];
    const defaultTiering = [...cliNodeFlags(), OPEN, pgdata];
    const commands: Array<[string, () => Promise<Finished>]> = [
      ['floor: bare PGlite open + select 1 + close', () => spawnMeasured(process.execPath, floorArgs, {})],
      ["same, V8's default tiering (for reference)", () => spawnMeasured(process.execPath, defaultTiering, {})],
      [
        "same, with the CLI's settings for short commands (for reference)",
        () => spawnMeasured(process.execPath, [...floorArgs, ...SHORT_RUN_SETTINGS], {}),
      ],
      ['alumni users list', () => runCli(['users', 'list'], env)],
      ['alumni validate list', () => runCli(['validate', 'list'], env)],
      ['alumni doctor', () => runCli(['doctor'], env)],
    ];

    log(`embedded floor: ${RUNS} rounds of ${commands.length} commands (+1 untimed)`);
    const timed = commands.map(() => [] as Finished[]);
    for (let round = -1; round < RUNS; round += 1) {
      for (let k = 0; k < commands.length; k += 1) {
        const index = (k + Math.max(round, 0)) % commands.length;
        const [name, start] = commands[index]!;
        const finished = await start();
        if (finished.code !== 0) throw new Error(`${name} exited ${finished.code}: ${finished.stderr}`);
        if (round >= 0) timed[index]!.push(finished);
      }
    }

    const floor = median(timed[0]!.map((f) => f.seconds));
    const floorRss = median(timed[0]!.map((f) => f.peak_rss_mb));
    const results: Measurement[] = commands.map(([command], i) => {
      const seconds = timed[i]!.map((f) => Math.round(f.seconds * 1000) / 1000);
      const peak_rss_mb = timed[i]!.map((f) => f.peak_rss_mb);
      const median_seconds = median(seconds);
      const median_peak_rss_mb = median(peak_rss_mb);
      return {
        command,
        runs: seconds.length,
        median_seconds,
        min_seconds: Math.min(...seconds),
        max_seconds: Math.max(...seconds),
        median_peak_rss_mb,
        ratio_to_floor: ratio(median_seconds / floor),
        rss_ratio_to_floor: ratio(median_peak_rss_mb / floorRss),
        seconds,
        peak_rss_mb,
      };
    });

    printTable(
      ['command', 'runs', 'median s', 'min s', 'max s', '× floor', 'median peak RSS MB', 'RSS × floor'],
      results.map((r) => [
        r.command,
        String(r.runs),
        r.median_seconds.toFixed(2),
        r.min_seconds.toFixed(2),
        r.max_seconds.toFixed(2),
        r.ratio_to_floor.toFixed(2),
        String(r.median_peak_rss_mb),
        r.rss_ratio_to_floor.toFixed(2),
      ]),
    );
    const pglite = (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string }
    ).version;
    writeResults('embedded', machine({ pglite, users, node_flags: cliNodeFlags().join(' '), short_run_v8_flags: SHORT_RUN_V8_FLAGS }), {
      commands: results,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** A migrated data directory holding `ROWS` imported-looking users (loaded with COPY, audit rows included). */
async function populatedDataDir(scratch: string): Promise<{ dataDir: string; users: number }> {
  const dir = await embeddedDatabase(scratch, 'embedded-floor');
  const clean = join(scratch, 'clean.csv');
  const { valid } = await generateRoster(ROWS, join(scratch, 'roster.csv'), clean);
  await withEmbedded(dir, async (db, pglite) => {
    await copyCleanRows(pglite, clean);
    await sql`vacuum (analyze)`.execute(db);
  });
  log(`embedded floor: data directory with ${valid + 1} users`);
  return { dataDir: dir, users: valid + 1 };
}

await main();
