import { Readable, Writable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/main.js';

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainOptions {
  /** The whole environment the command sees (PATH and HOME are added). */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which then ends; without it stdin is empty. */
  stdin?: string | Buffer;
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** Width of a TTY stdout/stderr. */
  columns?: number;
}

/**
 * Runs `alumni` in this process through main(argv, io) with fake streams, as gh tests
 * its commands: the exit code and what was written to stdout and stderr. Much faster
 * than a subprocess; the e2e tests keep driving the built CLI for what only a real
 * process shows (signals, the shebang, a real terminal).
 *
 * An embedded database given through ALUMNI_DATA_DIR must not be open elsewhere in the
 * test process (PGlite has no lock of its own): give each command its own copy, or use a
 * server database (DATABASE_URL).
 */
export async function runMain(argv: string[], options: MainOptions = {}): Promise<MainResult> {
  const captured = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr', tty: boolean | undefined) => {
    const stream = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        captured[name] += chunk.toString();
        done();
      },
    }) as Writable & { isTTY?: boolean; columns?: number };
    stream.isTTY = Boolean(tty);
    if (tty) stream.columns = options.columns ?? 100;
    return stream;
  };
  const stdin = Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]) as Readable & { isTTY?: boolean };
  stdin.isTTY = Boolean(options.stdinTTY);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[key] = value;
  const io: Io = { stdin, stdout: sink('stdout', options.stdoutTTY), stderr: sink('stderr', options.stderrTTY), env };
  const code = await main(argv, io);
  return { code, ...captured };
}
