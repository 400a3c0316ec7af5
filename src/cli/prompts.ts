import { UsageError } from '../errors.js';
import type { Io } from './io.js';
import { canPrompt } from './io.js';
import { visible } from './visible.js';

/**
 * A password, never echoed: from stdin with --password-stdin (scripts), else typed at
 * the terminal twice. Without a terminal (stdin and stdout, see canPrompt) and without
 * --password-stdin there is no way to ask, so none is set rather than waiting for input
 * that cannot come.
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
  const context = promptContext(io);
  const first = await password({ message: 'Password', mask: true, validate: (v) => v.length >= 8 || 'At least 8 characters.' }, context);
  const again = await password({ message: 'Password again', mask: true }, context);
  if (first !== again) throw new UsageError('The two passwords differ; nothing was changed.');
  return first;
}

/** Prompts are drawn on stdout: the terminal whenever canPrompt holds (stderr may be a log). */
function promptContext(io: Io) {
  return { input: io.stdin as NodeJS.ReadableStream, output: io.stdout as NodeJS.WritableStream };
}

/**
 * One keystroke among `keys`, no Enter needed (the interactive review's actions).
 * Ctrl-C rejects with inquirer's ExitPromptError, like every other prompt.
 */
export async function readKey(io: Io, message: string, keys: readonly string[]): Promise<string> {
  const { createPrompt, useKeypress, useState } = await import('@inquirer/core');
  const keyPrompt = createPrompt<string, { message: string }>((config, done) => {
    const [answer, setAnswer] = useState<string | undefined>(undefined);
    useKeypress((key) => {
      const name = (key.name ?? '').toLowerCase();
      if (!key.ctrl && keys.includes(name)) {
        setAnswer(name);
        done(name);
      }
    });
    return `${config.message}${answer ? ` ${answer}` : ''}`;
  });
  return keyPrompt({ message }, promptContext(io));
}

/**
 * A rejection reason: one of `templates`, or typed. Undefined when the moderator backs
 * out (an empty typed reason), so nothing is decided.
 */
export async function chooseReason(io: Io, templates: readonly string[]): Promise<string | undefined> {
  const { select, input } = await import('@inquirer/prompts');
  const typeOne = '\u0000type';
  const picked = await select(
    {
      message: 'Reason',
      // The templates come from a file: shown with their controls escaped.
      choices: [...templates.map((t) => ({ name: visible(t), value: t })), { name: 'Type a reason…', value: typeOne }],
      pageSize: Math.min(templates.length + 1, 12),
    },
    promptContext(io),
  );
  if (picked !== typeOne) return picked;
  const typed = await input({ message: 'Reason (empty: back to the card)' }, promptContext(io));
  return typed.trim() || undefined;
}

/**
 * A destructive verb's confirmation. `--yes` answers it; on a terminal the question is
 * asked (default no); anywhere else the verb refuses with exit 2 naming --yes, since
 * nobody can answer and guessing "yes" would destroy data unasked.
 */
export async function confirm(io: Io, question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!canPrompt(io)) throw new UsageError(`${question} Not at a terminal to ask: give --yes to confirm.`);
  const { confirm: ask } = await import('@inquirer/prompts');
  // The question names data (a person, an organisation): its controls are escaped.
  if (!(await ask({ message: visible(question), default: false }, promptContext(io))))
    throw new UsageError('Not confirmed: nothing was changed.');
}
