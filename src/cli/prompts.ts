import { UsageError } from './errors.js';
import type { Io } from './io.js';
import { canPrompt } from './io.js';

/**
 * A password, never echoed: from stdin with --password-stdin (scripts), else typed at
 * the terminal twice. Without a terminal and without --password-stdin there is no way
 * to ask, so none is set rather than waiting for input that cannot come.
 */
export async function readPassword(io: Io, fromStdin: boolean): Promise<string | undefined> {
  if (fromStdin) {
    let text = '';
    for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) text += chunk.toString();
    const password = text.replace(/\r?\n$/, '');
    if (password === '') throw new UsageError('--password-stdin read an empty password.');
    return password;
  }
  if (!canPrompt(io)) return undefined;
  const { password } = await import('@inquirer/prompts');
  const context = { input: io.stdin as NodeJS.ReadableStream, output: io.stderr as NodeJS.WritableStream };
  const first = await password({ message: 'Password', mask: true, validate: (v) => v.length >= 8 || 'At least 8 characters.' }, context);
  const again = await password({ message: 'Password again', mask: true }, context);
  if (first !== again) throw new UsageError('The two passwords differ; nothing was changed.');
  return first;
}
