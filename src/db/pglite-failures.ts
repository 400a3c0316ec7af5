import type { PGlite } from '@electric-sql/pglite';
import { AlumniError, problem, UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';

/**
 * When the embedded database itself fails (a full disk, a damaged data directory), one
 * sentence and an exit, never a hang. PGlite alone hangs in three ways:
 * - a PANIC (PostgreSQL aborts, e.g. when no WAL segment can be created on a full
 *   disk): PGlite catches the abort and runs PostgreSQL's main loop again on a backend
 *   whose state is gone, which spins at full CPU forever, deaf to signals since it never
 *   returns to the event loop;
 * - a start that fails (recovery finding no space, a broken pg_control): PostgreSQL's
 *   timer (setitimer, a JavaScript timeout) stays armed and keeps the process alive;
 * - the reason is in PostgreSQL's log, which PGlite does not show: the error says only
 *   "PGlite failed to initialize properly" or "Aborted()".
 * Written against PGlite 0.5's main loop (execProtocolRawSync); the disk-full tests
 * (test/e2e/embedded-failures.test.ts) fail if it changes.
 */

/** PGlite's status for PostgreSQL's longjmp after an ERROR (its POSTGRES_MAIN_LONGJMP). */
const POSTGRES_LONGJMP = 100;
const NO_SPACE = /no space left on device/i;
const DISK_FULL_SQLSTATE = '53100';

/** What a PGlite instance's PostgreSQL said last at FATAL or PANIC level. */
export class PostgresLog {
  lastFatal: string | undefined;

  /** For PGlite's onStderr: PostgreSQL's log, one line at a time. Other lines are not kept (they may quote rows). */
  readonly onStderr = (line: string): boolean => {
    const fatal = /\b(?:FATAL|PANIC):\s+(.*)$/.exec(line);
    if (fatal) this.lastFatal = fatal[1]!.trim();
    return false;
  };
}

/** A start that failed: PostgreSQL's timer stopped (it would keep the process alive), and why, in one sentence (exit 2). */
export function openFailure(pglite: PGlite, dataDir: string, log: PostgresLog, error: unknown): UsageError {
  try {
    (pglite.Module as unknown as { _clear_setitimer?: () => void } | undefined)?._clear_setitimer?.();
  } catch {
    // the module did not get far enough to have a timer
  }
  const reason = log.lastFatal ?? (error instanceof Error ? error.message : t('database.did_not_start'));
  if (NO_SPACE.test(reason)) return new UsageError(problem('database.embedded_disk_full_on_open', { dir: dataDir }), { cause: error });
  return new UsageError(problem('database.embedded_open_failed', { dir: dataDir, reason: shorten(reason) }), { cause: error });
}

export function diskFull(dataDir: string, cause?: unknown): AlumniError {
  return new AlumniError(problem('database.embedded_disk_full', { dir: dataDir }), 1, { cause });
}

/** A statement's error in words when it is the disk's (SQLSTATE 53100), else the error itself. */
export function statementFailure(error: unknown, dataDir: string): unknown {
  const { code, message } = error as { code?: string; message?: string };
  return code === DISK_FULL_SQLSTATE || NO_SPACE.test(message ?? '') ? diskFull(dataDir, error) : error;
}

const stopped = new WeakSet<PGlite>();

/**
 * From PostgreSQL's first abort on, the instance never runs it again: PGlite's loop is
 * handed a longjmp whose handler throws the failure, so the statement under way and
 * every later one fail at once with a sentence instead of spinning.
 */
export function stopOnAbort(pglite: PGlite, dataDir: string, log: PostgresLog): void {
  const mod = pglite.Module;
  const { _PostgresMainLoopOnce: loopOnce, _PostgresMainLongJmp: longJmp } = mod;
  const { _PostgresSendReadyForQueryIfNecessary: sendReady, _pgl_pq_flush: flush } = mod;
  const failure = () => {
    const reason = log.lastFatal ?? t('database.postgres_aborted');
    return NO_SPACE.test(reason)
      ? diskFull(dataDir)
      : new AlumniError(problem('database.embedded_stopped', { dir: dataDir, reason: shorten(reason) }));
  };
  mod._PostgresMainLoopOnce = () => {
    if (stopped.has(pglite)) throw { status: POSTGRES_LONGJMP };
    try {
      loopOnce();
    } catch (error) {
      // An ERROR is PostgreSQL's longjmp, which PGlite handles; anything else is an abort.
      if ((error as { status?: number } | null)?.status !== POSTGRES_LONGJMP) stopped.add(pglite);
      throw stopped.has(pglite) ? { status: POSTGRES_LONGJMP } : error;
    }
  };
  mod._PostgresMainLongJmp = () => {
    if (stopped.has(pglite)) throw failure();
    longJmp();
  };
  mod._PostgresSendReadyForQueryIfNecessary = () => {
    if (!stopped.has(pglite)) sendReady();
  };
  mod._pgl_pq_flush = () => {
    if (!stopped.has(pglite)) flush();
  };
}

/**
 * Closes the instance; one stopped by an abort is not asked to shut PostgreSQL down (that
 * would run it again): its files are closed and its timer stopped, and the next open
 * recovers as after a crash.
 */
export async function closePGlite(pglite: PGlite): Promise<void> {
  if (!stopped.has(pglite)) return pglite.close();
  const mod = pglite.Module as unknown as { FS: { quit(): void }; _clear_setitimer?: () => void };
  mod.FS.quit();
  mod._clear_setitimer?.();
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
