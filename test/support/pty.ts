import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { CLI, ROOT } from './cli.js';

/**
 * The built `alumni` on a real pseudo-terminal, through util-linux `script`: keystrokes
 * go in, the screen text (escape sequences stripped) comes out. Enough to drive an
 * interactive command the way a moderator does.
 */
export interface PtySession {
  /** Everything shown so far, without escape sequences. */
  readonly screen: string;
  /** Waits until the screen, after `from` characters, matches `pattern`; returns the match's end. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<number>;
  type(keys: string): void;
  /** Resolves with the exit code once the command has ended. */
  exited: Promise<number | null>;
  kill(): void;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export function startInPty(args: string[], env: Record<string, string>): PtySession {
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  let errors = '';
  child.stdout.on('data', (chunk) => (raw += chunk));
  child.stderr.on('data', (chunk) => (errors += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const screen = () => stripVTControlCharacters(raw).replace(/\r/g, '');
  return {
    get screen() {
      return screen();
    },
    async waitFor(pattern, from = 0, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(screen().slice(from));
        if (match) return from + match.index + match[0].length;
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`screen never showed ${pattern}; it shows:\n${screen().slice(from)}\n${errors}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    type(keys) {
      child.stdin.write(keys);
    },
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}
