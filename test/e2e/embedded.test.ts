import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { finished, runCli, startCli } from '../support/cli.js';
import { embeddedDataDir } from '../support/databases.js';

const MIGRATIONS = readdirSync(join(import.meta.dirname, '../../migrations'))
  .filter((f) => f.endsWith('.up.sql'))
  .sort();
const NEWEST = MIGRATIONS.at(-1)!.replace('.up.sql', '');

describe('the embedded database', () => {
  it('is created and migrated by the first command, and reported healthy', async () => {
    const { dataDir, remove } = embeddedDataDir({ migrated: false });
    try {
      const result = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir } });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`Creating the embedded database in ${dataDir}`);
      expect(result.stdout).toMatch(new RegExp(`Schema version:\\s+${NEWEST}`));
      expect(result.stdout).toMatch(/Pending migrations:\s+none/);
      expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);
    } finally {
      remove();
    }
  });

  it('loads the demo data once', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const first = await runCli(['fixtures', 'load', '--json'], { env: { ALUMNI_DATA_DIR: dataDir } });
      expect(first.code).toBe(0);
      const loaded = JSON.parse(first.stdout);
      expect(loaded.loaded).toBe(true);
      expect(loaded.counts.utilisateur).toBeGreaterThan(30);
      const again = await runCli(['fixtures', 'load', '--json'], { env: { ALUMNI_DATA_DIR: dataDir } });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ loaded: false, counts: loaded.counts });
    } finally {
      remove();
    }
  });

  it('admits one process at a time: a live holder makes the next one exit 75', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      writeFileSync(join(dataDir, 'alumni.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      const result = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '300' } });
      expect(result.code).toBe(75);
      expect(result.stderr).toContain(`Another alumni process is using the embedded database (process ${process.pid}`);
      expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(true);
    } finally {
      remove();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const dead = spawnSync(process.execPath, ['-e', '']).pid!;
      writeFileSync(join(dataDir, 'alumni.lock'), JSON.stringify({ pid: dead, host: hostname(), since: '2020-01-01T00:00:00Z' }));
      const result = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '0' } });
      expect(result.code).toBe(0);
      expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);
    } finally {
      remove();
    }
  });

  it('two real processes at once: the second waits, then exits 75 while the first holds it', async () => {
    const { dataDir, remove } = embeddedDataDir();
    try {
      const env = { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '0' };
      const first = startCli(['fixtures', 'load'], { env });
      const lock = join(dataDir, 'alumni.lock');
      await vi.waitFor(() => expect(existsSync(lock)).toBe(true), { timeout: 20_000, interval: 10 });
      const second = await runCli(['doctor'], { env });
      const firstResult = await finished(first);
      expect(firstResult.code).toBe(0);
      expect(second.code).toBe(75);
      expect(existsSync(lock)).toBe(false);
    } finally {
      remove();
    }
  });
});
