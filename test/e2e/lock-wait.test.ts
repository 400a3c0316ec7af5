import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { embeddedDataDir } from '../support/databases.js';

describe('ALUMNI_LOCK_WAIT_MS on the embedded database', () => {
  let dataDir: string;
  let remove: () => void;
  let lock: string;
  let held: string;
  beforeEach(() => {
    ({ dataDir, remove } = embeddedDataDir());
    lock = join(dataDir, 'alumni.lock');
    // This test process is the live holder.
    held = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
    writeFileSync(lock, held);
  });
  afterEach(() => remove());

  it('a value that is not a whole number is a usage error (exit 2) while another process holds the lock, not an endless wait', async () => {
    // Before the fix the second process waited forever: runCli's time limit fails the test.
    const result = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '3s' }, timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: ALUMNI_LOCK_WAIT_MS must be a whole number of milliseconds (0 or more, e.g. 3000), not "3s".\n');
    expect(result.stdout).toBe('');
    expect(readFileSync(lock, 'utf8')).toBe(held);
  });

  it('unset, the default wait ends in exit 75; a valid value is used once the lock is free', async () => {
    const waited = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir }, timeoutMs: 20_000 });
    expect(waited.code).toBe(75);
    expect(waited.stderr).toContain(`Another alumni process is using the embedded database (process ${process.pid}`);
    remove();
    ({ dataDir, remove } = embeddedDataDir());
    const free = await runCli(['doctor'], { env: { ALUMNI_DATA_DIR: dataDir, ALUMNI_LOCK_WAIT_MS: '250' } });
    expect(free.code).toBe(0);
    expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);
  });
});
