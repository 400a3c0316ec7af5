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

/**
 * Interactive prompts only when a person is at a terminal: stdin to type and stdout to
 * see the prompt on (gh's rule). stderr does not count, so `2>review.log` keeps the
 * review usable; prompts are drawn on stdout. Cron never waits for input, nor does CI,
 * where a job may be given a pseudo-terminal that nobody types into.
 */
export function canPrompt(io: Io): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && io.env.CI !== 'true';
}
