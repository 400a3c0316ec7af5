import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, type Example } from '../../src/cli/help-examples.js';
import { ROOT, runCli } from '../support/cli.js';
import { withDatabase } from '../support/global-setup.js';
import { startLocalCluster, type LocalCluster } from '../support/server.js';

/**
 * Every example of the help pages (src/cli/help-examples.ts) run as a user would type
 * it, by a shell (its `>`, `&&`, `$(…)` and pipes are the shell's), each on a fresh copy
 * of the demo data (`alumni fixtures load`), checking its exit code: 0, or the one the
 * example documents.
 *
 * - The server is a cluster of its own with pg_cron preloaded, so `jobs schedule` runs as
 *   it does in production (as in test/e2e/pg-cron.test.ts); a database copy (CREATE
 *   DATABASE … TEMPLATE) costs a fraction of a second.
 * - The package is copied (bin/, dist/bundle/, migrations/, package.json; node_modules
 *   and fixtures/ linked) and `alumni` put on the PATH: examples run from its directory,
 *   so `fixtures/…` is found, and what they write (rejects files, exports, the report, a
 *   migration made by `migrate make`) lands in the copy, never in the repository.
 * - No ALUMNI_ACTOR: an example that changes data must say --as, as a user must.
 * - An example that needs a terminal (the review) runs on a pseudo-terminal (util-linux
 *   `script`) and is left with the keys below once its screen shows.
 */

const AT_A_TERMINAL: Record<string, { shows: RegExp; keys: string }> = {
  'validate review': { shows: /Développeurs du Sahel/, keys: 'q' },
};

interface Ran {
  code: number | null;
  output: string;
}

function shell(line: string, cwd: string, env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

function atTerminal(line: string, cwd: string, env: Record<string, string>, how: { shows: RegExp; keys: string }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['--quiet', '--flush', '--return', '--command', `stty cols 80 rows 24; ${line}`, '/dev/null'], {
      cwd,
      env: { ...env, TERM: 'xterm', SHELL: '/bin/sh' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let raw = '';
    let typed = false;
    child.stdin.on('error', () => {});
    child.stdout.on('data', (chunk) => {
      raw += chunk;
      if (!typed && how.shows.test(stripVTControlCharacters(raw))) {
        typed = true;
        child.stdin.write(how.keys);
      }
    });
    child.stderr.on('data', (chunk) => (raw += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: stripVTControlCharacters(raw) }));
  });
}

describe('every example of the help pages runs on the demo data', () => {
  let cluster: LocalCluster;
  let pkg: string;
  let env: Record<string, string>;
  const admin = async (sql: string, database = 'postgres') => {
    const client = new pg.Client({ connectionString: withDatabase(cluster.adminUrl, database) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    cluster = await startLocalCluster([
      '-c shared_preload_libraries=pg_cron',
      '-c cron.database_name=alumni_cron',
      '-c cron.host=127.0.0.1',
    ]);
    await admin('create database alumni_cron');
    await admin('create extension pg_cron', 'alumni_cron');
    await admin('create database demo');
    for (const step of [['migrate'], ['fixtures', 'load']]) {
      const result = await runCli(step, { env: { DATABASE_URL: withDatabase(cluster.adminUrl, 'demo') } });
      if (result.code !== 0) throw new Error(`alumni ${step.join(' ')} exited ${result.code}: ${result.stderr}`);
    }

    pkg = mkdtempSync(join(tmpdir(), 'alumni-examples-'));
    for (const part of ['bin', 'dist/bundle', 'migrations', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    for (const part of ['node_modules', 'fixtures']) symlinkSync(join(ROOT, part), join(pkg, part));
    mkdirSync(join(pkg, '.path'));
    symlinkSync(join(pkg, 'bin', 'alumni.js'), join(pkg, '.path', 'alumni'));
    env = {
      PATH: [join(pkg, '.path'), dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(':'),
      HOME: process.env.HOME ?? '/tmp',
      LANG: 'C',
    };
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    if (pkg) rmSync(pkg, { recursive: true, force: true });
  });

  // A command line shown on two pages (a noun's and its verb's) runs once.
  const cases = new Map<string, { path: string; example: Example }>();
  for (const [path, examples] of Object.entries(EXAMPLES)) {
    for (const example of examples) if (!cases.has(example.run)) cases.set(example.run, { path, example });
  }
  let copies = 0;

  it.each([...cases.values()])('$ $example.run', async ({ path, example }) => {
    const database = `example_${++copies}`;
    await admin(`create database ${database} template demo`);
    const migrations = new Set(readdirSync(join(pkg, 'migrations')));
    try {
      const run = { ...env, DATABASE_URL: withDatabase(cluster.adminUrl, database) };
      const terminal = AT_A_TERMINAL[path];
      const result = terminal ? await atTerminal(example.run, pkg, run, terminal) : await shell(example.run, pkg, run);
      expect(result.code, `${example.run}\n${result.output}`).toBe(example.exit ?? 0);
    } finally {
      // `migrate make` adds a migration: the next examples' schema is the demo's.
      for (const file of readdirSync(join(pkg, 'migrations'))) if (!migrations.has(file)) rmSync(join(pkg, 'migrations', file));
      await admin(`drop database ${database} with (force)`);
    }
  });
});
