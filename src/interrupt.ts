import { t } from './i18n/messages.js';

/** The signals that ask a command to stop: Ctrl-C, kill, a terminal that went away. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

const SIGNAL_NUMBERS: Record<StopSignal, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** How long an interrupted command has to stop and close what it holds before the process ends without it. */
export const STOP_DEADLINE_MS = 2_000;

/** The reason of an interrupted run's AbortSignal. */
export class InterruptedError extends Error {
  constructor(readonly signal: StopSignal) {
    super(t('common.interrupted', { signal }));
    this.name = 'InterruptedError';
  }

  /** 128 + the signal's number, as a shell reports a process the signal ended. */
  get exitCode(): number {
    return 128 + SIGNAL_NUMBERS[this.signal];
  }
}

/**
 * One run's answer to stop signals. By default a signal ends a Node process at once,
 * which is right for a command that holds nothing. While a guard is up (the embedded
 * database is open: PGlite writes its files from this process, and the lock file says
 * so), the first signal aborts `signal` instead: the command stops what it reads and
 * writes, closes the database, releases the lock, and exits 128 + the signal's number.
 * A second signal, or STOP_DEADLINE_MS without the run being over, ends the process as
 * the signal would have, leaving what is still open as a crash would: the lock file
 * stays, and the next process takes it over since its pid is gone (PGlite recovers
 * from a cut-short write as after kill -9). The lock is never removed before the
 * database is closed.
 */
export class Interruption {
  private readonly controller = new AbortController();
  /** Aborted, its reason an InterruptedError, by the first stop signal received under a guard. */
  readonly signal: AbortSignal = this.controller.signal;

  /** The signal that interrupted the run, if one did. */
  get interruptedBy(): InterruptedError | undefined {
    return this.signal.aborted ? (this.signal.reason as InterruptedError) : undefined;
  }

  /** Catches stop signals until the returned function is called. */
  guard(): () => void {
    const onSignal = (signal: StopSignal) => {
      if (this.signal.aborted) return endBySignal(signal);
      this.controller.abort(new InterruptedError(signal));
      // unref: a run that is over by then exits on its own.
      setTimeout(() => endBySignal(signal), STOP_DEADLINE_MS).unref();
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    return () => {
      for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
    };
  }
}

/**
 * Ends the process with the signal's default action. process.exit() would not do: it
 * waits for the threads of Node's pool, and one blocked in a system call (the open() of
 * a FIFO that no one writes to) never returns, so the process would never end.
 */
function endBySignal(signal: StopSignal): void {
  // Without a listener, Node gives the signal its default action back.
  for (const name of STOP_SIGNALS) process.removeAllListeners(name);
  process.kill(process.pid, signal);
}
