import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, vi } from 'vitest';
import { CLI, ROOT } from './cli.js';

/**
 * The built `alumni` on a real pseudo-terminal, through util-linux `script`: keystrokes
 * go in, the screen text (escape sequences stripped) comes out. Enough to drive an
 * interactive command the way a moderator does.
 */
export interface PtySession {
  /** Everything shown so far, without escape sequences. */
  readonly screen: string;
  /** Everything the terminal received so far, byte for byte (escape sequences included). */
  readonly raw: string;
  /** Waits until the screen, after `from` characters, matches `pattern`; returns the match's end. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<number>;
  type(keys: string): void;
  /** Resolves with the exit code once the command has ended. */
  exited: Promise<number | null>;
  kill(): void;
}

export interface PtyOptions {
  /** stderr to this file instead of the terminal (`2>file`, as in `alumni validate review 2>review.log`). */
  stderrTo?: string;
  /** stdout to this file instead of the terminal (`>file`, as in `alumni doctor > report.txt`). */
  stdoutTo?: string;
  /** stdout through a pipe (`| cat`) while stdin stays the terminal; the exit code stays the command's. */
  pipeStdout?: boolean;
  /** The terminal's width in columns (80 unless given). */
  columns?: number;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export function startInPty(args: string[], env: Record<string, string>, options: PtyOptions = {}): PtySession {
  let command = [process.execPath, CLI, ...args].map(quote).join(' ');
  if (options.stdoutTo) command += ` >${quote(options.stdoutTo)}`;
  if (options.stderrTo) command += ` 2>${quote(options.stderrTo)}`;
  // script runs the command with $SHELL -c; bash, for pipefail (dash has none).
  if (options.pipeStdout) command = `set -o pipefail; ${command} | cat`;
  // A pseudo-terminal made without a terminal around it has no size (0×0): give it the
  // size of a usual terminal window, as a moderator's has.
  command = `stty cols ${options.columns ?? 80} rows 24; ${command}`;
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm', SHELL: '/bin/bash', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (raw += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  // Keys typed as the command ends (a review that closes once its queues are empty) meet
  // a closed pipe: the command has exited, which `exited` and the screen tell.
  child.stdin.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const screen = () => stripVTControlCharacters(raw).replace(/\r/g, '');
  return {
    get screen() {
      return screen();
    },
    get raw() {
      return raw;
    },
    async waitFor(pattern, from = 0, timeoutMs = 20_000) {
      const found = () => {
        const match = pattern.exec(screen().slice(from));
        if (!match) throw new Error(`screen never showed ${pattern}; it shows:\n${screen().slice(from)}\n${errors}`);
        return from + match.index + match[0].length;
      };
      // Until it shows, or the command ends (it will never show it then).
      return Promise.race([vi.waitFor(found, { timeout: timeoutMs, interval: 50 }), exited.then(found)]);
    },
    type(keys) {
      child.stdin.write(keys);
    },
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * startInPty for a test file whose sessions are killed after each test, should one fail
 * half-way (call it at the top of the file).
 */
export function ptyPerTest(): typeof startInPty {
  const sessions: PtySession[] = [];
  afterEach(() => {
    for (const session of sessions.splice(0)) session.kill();
  });
  return (...args) => {
    const session = startInPty(...args);
    sessions.push(session);
    return session;
  };
}
