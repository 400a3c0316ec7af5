import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, finished, runCli, startCli } from '../support/cli.js';
import { createServerDatabase, embeddedDataDir } from '../support/databases.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

/** Enough people that every command below writes far more than a pipe holds (64 kB). */
const PEOPLE = 3_000;

function roster(): string[][] {
  const rows = [HEADER];
  for (let i = 0; i < PEOPLE; i += 1) {
    rows.push([`Diplômé·e ${i}`, `P-${String(i).padStart(5, '0')}`, `p${i}@exemple.sn`, '2024', '', 'Gestion', 'oui']);
  }
  return rows;
}

interface ClosedEarly {
  /** What the reader took before it closed the pipe: at least one whole line. */
  read: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * `alumni ARGS | head -1`, without a shell: the command's stdout is read until its first
 * line has come, then closed, as head closes it; the command goes on to the end.
 */
function readFirstLineThenClose(args: string[], env: Record<string, string>): Promise<ClosedEarly> {
  const child = startCli(args, { env });
  let read = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.on('data', (chunk: Buffer) => {
    read += chunk.toString();
    if (read.includes('\n')) child.stdout!.destroy();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ read, code, signal, stderr }));
  });
}

const SETUPS = {
  server: async () => {
    const t = await createServerDatabase();
    return { env: t.env, dataDir: null, close: () => t.close() };
  },
  embedded: async () => {
    const { dataDir, remove } = embeddedDataDir();
    return { env: { ALUMNI_DATA_DIR: dataDir }, dataDir, close: async () => remove() };
  },
};

describe.each(['server', 'embedded'] as const)('a reader that closes the pipe early, on the %s back end', (backend) => {
  let env: Record<string, string>;
  let dataDir: string | null;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ env, dataDir, close } = await SETUPS[backend]());
    const dir = rosterDir();
    const cli = (args: string[]) => runCli(args, { env, cwd: dir, timeoutMs: 120_000 });
    expect((await cli(['users', 'add', '--nom', 'Admin', '--matricule', 'ADM', '--role', 'super_admin', '--no-password'])).code).toBe(0);
    const file = writeRoster(dir, 'promo.csv', roster());
    const imported = await cli(['users', 'import', file, '--as', 'ADM', '--create-missing-references', '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ inserted: PEOPLE, rejected: 0 });
  }, 180_000);
  afterAll(() => close());

  it.each([
    { args: ['users', 'export'], first: /^id,matricule,/ },
    { args: ['users', 'export', '--json'], first: /^\[/ },
    { args: ['users', 'list', '--limit', '5000'], first: /\S/ },
    { args: ['audit', 'list', '--json', '--limit', '10000'], first: /^\[/ },
    { args: ['users', 'show', 'P-00001'], first: /\S/ },
  ])('alumni $args | head -1 ends quietly: exit 0, nothing on stderr', async ({ args }) => {
    const result = await readFirstLineThenClose(args, env);
    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  it.each([
    { pipeline: 'users export | head -2', lines: 2 },
    { pipeline: 'users show P-00001 | head -4', lines: 4 },
  ])('in a shell, alumni $pipeline: the lines asked for, exit 0, nothing on stderr', async ({ pipeline, lines }) => {
    // pipefail: the pipeline's status is alumni's (head's is 0).
    const [words, head] = pipeline.split(' | ');
    const child = spawn('bash', ['-o', 'pipefail', '-c', `"$NODE" "$CLI" ${words} | ${head}`], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE: process.execPath, CLI, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await finished(child);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(lines);
  });

  it('a closed pipe leaves the database closed and usable: the next command works', async () => {
    const export_ = await readFirstLineThenClose(['users', 'export'], env);
    expect(export_.read).toMatch(/^id,matricule,/);
    expect(export_.code).toBe(0);
    // The embedded database's lock is released only once PGlite has closed it.
    if (dataDir) expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);
    const next = await runCli(['users', 'show', 'P-02999', '--json'], { env });
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ matricule: 'P-02999' });
  });
});
