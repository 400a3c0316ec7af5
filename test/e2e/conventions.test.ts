import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedSources } from '../support/bundle.js';
import { CLI, ROOT, runCli } from '../support/cli.js';
import { createServerDatabase, embeddedDataDir, type TestDatabase } from '../support/databases.js';

const ESC = '\u001b[';
const STACK_LINE = /^\s+at /m;

describe('CLI conventions (the built alumni as a subprocess)', () => {
  let scratch: string;
  let server: TestDatabase;
  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'alumni-e2e-'));
    server = await createServerDatabase();
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await server.close();
  });

  const loadedModules = async (args: string[], env: Record<string, string>) => {
    const file = join(scratch, `imports-${Math.random()}`);
    writeFileSync(file, '');
    const result = await runCli(args, {
      env: { ...env, RECORD_IMPORTS_FILE: file },
      nodeArgs: ['--import', join(ROOT, 'test/support/record-imports.mjs')],
    });
    return { result, urls: loadedSources(readFileSync(file, 'utf8').split('\n').filter(Boolean)) };
  };

  it('runs as an executable through its shebang, with the V8 heap flags', async () => {
    const probe = join(scratch, 'exec-argv.mjs');
    writeFileSync(probe, `process.on('exit', () => process.stderr.write('execArgv=' + process.execArgv.join(' ') + '\\n'));\n`);
    const result = spawnSync(CLI, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH, NODE_OPTIONS: `--import ${probe}` } });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    // sh reads the second line too: nothing but the probe's line on stderr.
    expect(result.stderr).toMatch(/^execArgv=.*--max-semi-space-size=8.*--max-old-space-size=512\n$/);
  });

  it('--help loads neither a database driver nor the command modules', async () => {
    const { result, urls } = await loadedModules(['--help'], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: alumni');
    // The bundle's chunks stand for the modules they hold (test/support/bundle.ts).
    expect(urls).toContain('dist/main.js');
    for (const heavy of ['node_modules/pg/', '@electric-sql/pglite', 'node_modules/kysely/', 'libphonenumber-js', 'cli-table3', 'csv-']) {
      expect(urls.filter((u) => u.includes(heavy))).toEqual([]);
    }
    // Only the nouns' registration modules (declarations), never a verb that runs.
    const commandModules = urls.filter((u) => u.startsWith('dist/commands/'));
    expect(commandModules.length).toBeGreaterThan(0);
    expect(commandModules.filter((u) => !u.endsWith('/index.js') && u !== 'dist/commands/lazy.js')).toEqual([]);
  });

  it('a real command does load them (so the check above can fail)', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const { result, urls } = await loadedModules(['doctor'], { ALUMNI_DATA_DIR: dataDir });
      expect(result.code).toBe(0);
      expect(urls.some((u) => u.includes('@electric-sql/pglite'))).toBe(true);
      expect(urls).toContain('dist/commands/doctor/report.js');
      expect(urls.some((u) => u.startsWith('node_modules/kysely/'))).toBe(true);
    } finally {
      remove();
    }
  });

  it('an unknown command exits 2 with a suggestion; an unknown option exits 2', async () => {
    const command = await runCli(['migrat']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'migrat'");
    expect(command.stderr).toContain('migrate');
    const option = await runCli(['doctor', '--frobnicate']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
  });

  it.each(['postgres://admin:s3cret@host:notaport/db', 'not a url with s3cret', 'mysql://admin:s3cret@host/db'])(
    'a malformed DATABASE_URL (%s) gives one sentence, exit 2, no password',
    async (url) => {
      const result = await runCli(['doctor'], { env: { DATABASE_URL: url } });
      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: DATABASE_URL /);
      expect(result.stderr + result.stdout).not.toContain('s3cret');
    },
  );

  it('an unreachable server gives one sentence naming host and port, exit 1, no stack, no password', async () => {
    const result = await runCli(['doctor'], { env: { DATABASE_URL: 'postgres://u:s3cret@127.0.0.1:1/db' } });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'error: Cannot connect to the PostgreSQL server at 127.0.0.1:1: connection refused (is the server running?).',
    ]);
    const verbose = await runCli(['doctor', '--verbose'], { env: { DATABASE_URL: 'postgres://u:s3cret@127.0.0.1:1/db' } });
    expect(verbose.code).toBe(1);
    expect(verbose.stderr).toMatch(STACK_LINE);
    expect(verbose.stderr).not.toContain('s3cret');
  });

  it('an unusable data directory is named, with the reason, exit 2', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: join(file, 'alumni') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot use the data directory "${join(file, 'alumni')}": a file stands where a directory is needed`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('doctor --json prints JSON only on stdout, with the password masked everywhere', async () => {
    const url = new URL(server.url!);
    url.password = 's3cret';
    const result = await runCli(['doctor', '--json'], { env: { DATABASE_URL: url.toString() } });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ backend: 'server', schema: { up_to_date: true, pending: [] }, problems: [] });
    expect(report.database).toContain(':****@');
    expect(result.stdout + result.stderr).not.toContain('s3cret');
    expect(() => JSON.parse(result.stderr)).toThrow();
    expect(report.tables.map((t: { table: string }) => t.table)).toContain('utilisateur');
  });

  it('prints no colour or escape codes when not on a terminal', async () => {
    const result = await runCli(['doctor'], { env: { DATABASE_URL: server.url! } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Schema version');
    expect(result.stdout + result.stderr).not.toContain(ESC);
  });
});
