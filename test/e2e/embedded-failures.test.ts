import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPGlite } from '../../src/db/pglite.js';
import { runCli } from '../support/cli.js';
import { embeddedDataDir } from '../support/databases.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

// A hang fails the test at runCli's limit: well above a few seconds, well below forever.
const BOUND_MS = 30_000;

describe('an embedded data directory that cannot be opened: one sentence naming it, exit 2, never a hang', () => {
  const damages: Array<[string, (pgdata: string) => void, string]> = [
    [
      'a file where the database directory should be',
      (pgdata) => (rmSync(pgdata, { recursive: true }), writeFileSync(pgdata, 'x')),
      'is a file',
    ],
    ['garbage in PG_VERSION', (pgdata) => writeFileSync(join(pgdata, 'PG_VERSION'), 'garbage\n'), 'is not a valid data directory'],
    [
      'a truncated pg_control',
      (pgdata) => truncateSync(join(pgdata, 'global', 'pg_control'), 100),
      'could not read file "global/pg_control"',
    ],
    ['no pg_control', (pgdata) => unlinkSync(join(pgdata, 'global', 'pg_control')), 'could not open file "global/pg_control"'],
    ['no base directory', (pgdata) => rmSync(join(pgdata, 'base'), { recursive: true }), 'does not exist'],
  ];

  it.each(damages)('%s', async (_name, damage, reason) => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      damage(join(dataDir, 'pgdata'));
      const started = performance.now();
      const result = await runCli(['users', 'list'], { env: { ALUMNI_DATA_DIR: dataDir }, timeoutMs: BOUND_MS });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^error: (The embedded database in|Cannot use the data directory) /);
      expect(result.stderr).toContain(dataDir);
      expect(result.stderr).toContain(reason);
      expect(performance.now() - started).toBeLessThan(BOUND_MS);
      expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);
    } finally {
      remove();
    }
  });
});

/** Whether this process may mount a file system (root on Linux, outside most containers). */
function canMount(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'alumni-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

// CI runs as root on a machine that allows it: there, a missing mount fails the test.
describe.skipIf(!canMount() && !process.env.CI)('the embedded database on a full disk', () => {
  let mountPoint: string;
  let dataDir: string;
  let filler: string;
  let dir: string;
  beforeAll(async () => {
    mountPoint = mkdtempSync(join(tmpdir(), 'alumni-small-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', mountPoint]);
    const prepared = embeddedDataDir();
    try {
      const pglite = await createPGlite(join(prepared.dataDir, 'pgdata'));
      await pglite.query(
        `insert into utilisateur (nom_complet, email, role) values ('Direction', 'direction@ecole.example', 'super_admin')`,
      );
      await pglite.close();
      dataDir = join(mountPoint, 'alumni');
      mkdirSync(dataDir);
      cpSync(prepared.dataDir, dataDir, { recursive: true });
    } finally {
      prepared.remove();
    }
    // 8 MB left: less than one WAL segment (16 MB), which an import soon needs.
    const { bavail, bsize } = statfsSync(mountPoint);
    filler = join(mountPoint, 'filler');
    execFileSync('fallocate', ['-l', String(bavail * bsize - 8 * 1024 * 1024), filler]);
    dir = rosterDir();
  });
  afterAll(() => {
    // Lazily: a process the test could not end must not keep the file system, nor fail the suite.
    if (mountPoint) execFileSync('umount', ['--lazy', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('an import that runs out of space says so in one sentence and exits 1; the next command too (exit 2); with space freed, the database works again', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 100_000; i += 1) {
      rows.push([
        `Diplômé ${i}`,
        `D-${String(i).padStart(6, '0')}`,
        `d${i}@exemple.sn`,
        '2024',
        `+221 77 ${String(10_000_000 + i).slice(1)}`,
        '',
        'oui',
      ]);
    }
    const file = writeRoster(dir, 'big.csv', rows);
    const env = { ALUMNI_DATA_DIR: dataDir };

    const full = await runCli(['users', 'import', file, '--as', 'direction@ecole.example', '--create-missing-references'], {
      env,
      cwd: dir,
      timeoutMs: 90_000,
    });
    expect({ code: full.code, stderr: full.stderr }).toEqual({
      code: 1,
      stderr: `error: The embedded database's disk is full (no space left on device for ${dataDir}): free space and run again.\n`,
    });
    expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);

    // Opening means recovering, which needs a WAL segment of its own.
    const stillFull = await runCli(['users', 'list'], { env, timeoutMs: BOUND_MS });
    expect(stillFull.code).toBe(2);
    expect(stillFull.stderr).toBe(
      `error: The embedded database in ${dataDir} cannot be opened: its disk is full (no space left on device); free space and run again.\n`,
    );

    rmSync(filler);
    const freed = await runCli(['doctor'], { env, timeoutMs: BOUND_MS });
    expect(freed.code).toBe(0);
    expect(freed.stdout).toMatch(/Pending migrations:\s+none/);
  }, 180_000);
});
