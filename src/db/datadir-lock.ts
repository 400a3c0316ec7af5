import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LockHeldError, problem, UsageError } from '../errors.js';

/**
 * PGlite has no lock on its data directory: two processes writing the same directory
 * both succeed and silently lose rows. This exclusive lock file keeps it to one process.
 *
 * The holder is recognised by its pid, not by a heartbeat: a long statement blocks the
 * event loop while PGlite computes, and a lock that must be refreshed on a timer would
 * look abandoned exactly then. A lock whose pid is gone (kill -9, crash) is taken over.
 *
 * It is released only once the database is closed (src/db/connect.ts), never by an
 * 'exit' or signal listener: a process that exits with the database open leaves the
 * lock to be taken over, and a signal first closes the database (src/interrupt.ts).
 */
export interface DataDirLock {
  release(): void;
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export const DEFAULT_LOCK_WAIT_MS = 3_000;

/**
 * ALUMNI_LOCK_WAIT_MS, unset or empty for the default. Anything but a whole number is
 * refused: Number('3s') is NaN, and a NaN deadline is never reached, so the process
 * would wait forever instead of exiting 75.
 */
export function parseLockWait(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_LOCK_WAIT_MS;
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(ms)) {
    throw new UsageError(problem('database.lock_wait_invalid', { value }));
  }
  return ms;
}

export async function lockDataDir(lockPath: string, waitMs: number): Promise<DataDirLock> {
  // eslint-disable-next-line alumni/no-literal-messages -- a bug of ours, not a user's doing: reported as code internal
  if (!Number.isSafeInteger(waitMs) || waitMs < 0) throw new RangeError(`lockDataDir: waitMs must be a whole number >= 0, got ${waitMs}`);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const acquired = tryCreate(lockPath);
    if (acquired) return acquired;
    const owner = readOwner(lockPath);
    if (owner ? !isAlive(owner) : isOldUnreadable(lockPath)) {
      removeQuietly(lockPath);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockHeldError(problem('database.lock_held', { pid: owner?.pid ?? null, since: owner?.since ?? null, lockPath }));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tryCreate(lockPath: string): DataDirLock | undefined {
  let fd: number;
  try {
    fd = openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeSync(fd, JSON.stringify(owner));
  closeSync(fd);
  return { release: () => removeQuietly(lockPath) };
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    // Being written this very moment, or just removed: look again on the next turn.
    return undefined;
  }
}

/** A lock file left empty by a crash between its creation and its first write. */
function isOldUnreadable(lockPath: string): boolean {
  try {
    return Date.now() - statSync(lockPath).mtimeMs > 5_000;
  } catch {
    return false;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
