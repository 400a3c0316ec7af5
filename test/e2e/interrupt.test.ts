import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPGlite } from '../../src/db/pglite.js';
import { finished, runCli, startCli, type CliResult } from '../support/cli.js';
import { embeddedDataDir } from '../support/databases.js';
import { HEADER, rosterDir, writeRoster } from '../support/rosters.js';

// Linux's /proc shows what a process holds open, and where its threads wait.
function openFiles(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
  } catch {
    return []; // gone
  }
}

function threadsWaitingFor(pid: number, kernelWait: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((task) => {
      try {
        return readFileSync(`/proc/${pid}/task/${task}/wchan`, 'utf8') === kernelWait;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    return (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid;
  } catch {
    return undefined;
  }
}

/**
 * Sends SIGTERM and watches the process until it has exited: at every look, while it
 * still has a file of the database open, the lock file must exist. Returns the result
 * and how long the process took to end.
 */
async function terminateWatchingTheLock(child: ChildProcess, dataDir: string): Promise<{ result: CliResult; ms: number }> {
  const lock = join(dataDir, 'alumni.lock');
  const pgdata = join(dataDir, 'pgdata');
  const done = finished(child, 30_000);
  let exited = false;
  void done.finally(() => (exited = true));
  const started = performance.now();
  child.kill('SIGTERM');
  const violations: string[] = [];
  while (!exited) {
    // The lock first, then the files: a lock seen gone stays gone, so files seen open after
    // it were open without it. (Files first would blame a process that closed them and then
    // removed its lock between the two looks.)
    const lockThere = existsSync(lock);
    const databaseFiles = openFiles(child.pid!).filter((file) => file.startsWith(pgdata));
    if (databaseFiles.length > 0 && !lockThere) violations.push(`lock removed while ${databaseFiles[0]} was open`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // A process that never ends is a failure of its own; the watch stops at the finished() limit.
    if (performance.now() - started > 25_000) break;
  }
  const result = await done;
  const ms = performance.now() - started;
  expect(violations).toEqual([]);
  return { result, ms };
}

describe('a signal during an embedded command', () => {
  // A migrated database with its administrator, copied for each test.
  let prepared: { dataDir: string; remove(): void };
  beforeAll(async () => {
    prepared = embeddedDataDir();
    const pglite = await createPGlite(join(prepared.dataDir, 'pgdata'));
    await pglite.query(`insert into utilisateur (nom_complet, email, role) values ('Direction', 'direction@ecole.example', 'super_admin')`);
    await pglite.close();
  });
  afterAll(() => prepared.remove());

  let dataDir: string;
  let dir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'alumni-embedded-'));
    cpSync(prepared.dataDir, dataDir, { recursive: true });
    dir = rosterDir();
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM while an import waits on a FIFO no one writes to: the lock is held until the database is closed (a second process gets 75 meanwhile), then the process exits 143 within seconds', async () => {
    const fifo = join(dir, 'roster.csv');
    execFileSync('mkfifo', [fifo]);
    const env = { ALUMNI_DATA_DIR: dataDir };
    const child = startCli(['users', 'import', fifo, '--as', 'direction@ecole.example'], { env, cwd: dir });
    const lock = join(dataDir, 'alumni.lock');
    // Waiting on the FIFO: holding it open (read without blocking), or a thread blocked in its open().
    await vi.waitFor(
      () => {
        expect(lockHolder(lock)).toBe(child.pid);
        expect(openFiles(child.pid!).includes(fifo) || threadsWaitingFor(child.pid!, 'wait_for_partner')).toBe(true);
      },
      { timeout: 30_000, interval: 20 },
    );

    const second = await runCli(['doctor'], { env: { ...env, ALUMNI_LOCK_WAIT_MS: '0' }, timeoutMs: 30_000 });
    expect(second.code).toBe(75);
    expect(second.stderr).toContain(`Another alumni process is using the embedded database (process ${child.pid}`);

    const { result, ms } = await terminateWatchingTheLock(child, dataDir);
    // The issue asks for a second or two; 10 s leaves room for a loaded machine.
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ code: 143, signal: null, stdout: '' });
    expect(result.stderr).toBe('error: Interrupted by SIGTERM.\n');
    expect(existsSync(lock)).toBe(false);

    const after = await runCli(['doctor'], { env });
    expect(after.code).toBe(0);
  });

  it('a FIFO with a writer is imported whole: it is read once, like stdin (a second open would wait for another writer)', async () => {
    const fifo = join(dir, 'roster.csv');
    execFileSync('mkfifo', [fifo]);
    const rows = [
      HEADER,
      ['Awa Ndiaye', 'F-1', 'awa@exemple.sn', '', '', '', 'oui'],
      ['Binta Fall', 'F-2', 'binta@exemple.sn', '', '', '', 'non'],
    ];
    const written = writeRoster(dir, 'source.csv', rows);
    const env = { ALUMNI_DATA_DIR: dataDir };
    const importing = runCli(['users', 'import', fifo, '--as', 'direction@ecole.example', '--json'], { env, cwd: dir, timeoutMs: 30_000 });
    // Another process writes: its open() waits until the import opens the FIFO for reading.
    const writer = spawn('cp', [written, fifo], { stdio: 'ignore' });
    const result = await importing.finally(() => writer.kill());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ read: 2, inserted: 2, rejected: 0 });
  });

  it('SIGTERM during an import of a file: the import stops, its ledger entry says failed, and the lock outlives every open database file', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 40_000; i += 1) rows.push([`Diplômé ${i}`, `S-${i}`, `s${i}@exemple.sn`, '2024', '', 'Gestion', 'oui']);
    const file = writeRoster(dir, 'big.csv', rows);
    const env = { ALUMNI_DATA_DIR: dataDir };
    const child = startCli(
      ['users', 'import', file, '--as', 'direction@ecole.example', '--create-missing-references', '--batch-size', '500'],
      { env, cwd: dir },
    );
    // Reading the roster, with the database open.
    await vi.waitFor(() => expect(openFiles(child.pid!)).toContain(file), { timeout: 30_000, interval: 10 });

    const { result, ms } = await terminateWatchingTheLock(child, dataDir);
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ code: 143, signal: null });
    expect(result.stderr).toBe('error: Interrupted by SIGTERM.\n');
    expect(existsSync(join(dataDir, 'alumni.lock'))).toBe(false);

    const ledger = await runCli(['users', 'imports', '--json'], { env });
    expect(ledger.code).toBe(0);
    const runs = JSON.parse(ledger.stdout) as Array<{ status: string }>;
    // Stopped before or after its ledger entry was opened: never left "running".
    expect(runs.filter((run) => run.status !== 'failed')).toEqual([]);
  });
});
