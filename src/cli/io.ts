import type { Readable, Writable } from 'node:stream';

/** The process's streams and environment, replaceable in tests. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Interactive prompts only when a person is at a terminal; cron never waits for input. */
export function canPrompt(io: Io): boolean {
  return Boolean(io.stdin.isTTY && io.stderr.isTTY) && io.env.CI !== 'true';
}
