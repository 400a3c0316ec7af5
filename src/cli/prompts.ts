import { problem, UsageError } from '../errors.js';
import { t } from '../i18n/messages.js';
import type { Io } from './io.js';
import { canPrompt } from './io.js';
import { PASSWORD_MAX_BYTES, passwordLimits, passwordProblem, type PasswordProblem } from '../services/passwords.js';
import { visible } from './visible.js';

/**
 * A password, never echoed: from stdin with --password-stdin (scripts), else typed at
 * the terminal twice. Without a terminal (stdin and stdout, see canPrompt) and without
 * --password-stdin there is no way to ask, so none is set rather than waiting for input
 * that cannot come. Both ways follow one rule (passwordProblem); exit 2 when it is broken.
 */
export async function readPassword(io: Io, fromStdin: boolean): Promise<string | undefined> {
  if (fromStdin) return readPasswordFromStdin(io.stdin as AsyncIterable<Buffer | string>);
  if (!canPrompt(io)) return undefined;
  const { password } = await import('@inquirer/prompts');
  const context = promptContext(io);
  const validate = (typed: string) => {
    const reason = passwordProblem(typed);
    return reason === undefined || t('users.password.invalid', { reason, ...passwordLimits });
  };
  const first = await password({ message: t('users.prompt.password'), mask: true, validate }, context);
  const again = await password({ message: t('users.prompt.password_again'), mask: true }, context);
  if (first !== again) throw new UsageError(problem('users.prompt.passwords_differ'));
  return first;
}

/**
 * stdin up to the longest password (and echo's line break, which is not part of it):
 * more is refused without reading on, so an endless pipe or a big file is not held in
 * memory. Bytes that are not UTF-8 are refused, not replaced by U+FFFD, which would
 * make two different inputs the same password.
 */
async function readPasswordFromStdin(stdin: AsyncIterable<Buffer | string>): Promise<string> {
  const refused = (reason: PasswordProblem | 'not_utf8') =>
    new UsageError(problem('users.password.refused_stdin', { reason, ...passwordLimits }));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    size += bytes.length;
    if (size > PASSWORD_MAX_BYTES + '\r\n'.length) throw refused('too_long');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    throw refused('not_utf8');
  }
  const password = text.replace(/\r?\n$/, '');
  const reason = passwordProblem(password);
  if (reason !== undefined) throw refused(reason);
  return password;
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
 * out, so nothing is decided: Esc in the list or while typing, or an empty typed reason.
 */
export async function chooseReason(io: Io, templates: readonly string[]): Promise<string | undefined> {
  const { select, input } = await import('@inquirer/prompts');
  const typeOne = '\u0000type';
  const picked = await leftByEscape(io, (signal) =>
    select(
      {
        message: `${t('validate.review.reason_prompt')} ${t('validate.review.reason_escape')}`,
        // The templates come from a file: shown with their controls escaped.
        choices: [
          ...templates.map((template) => ({ name: visible(template), value: template })),
          { name: t('validate.review.type_reason'), value: typeOne },
        ],
        pageSize: Math.min(templates.length + 1, 12),
      },
      { ...promptContext(io), signal, clearPromptOnDone: true },
    ),
  );
  if (picked === undefined) return undefined;
  if (picked !== typeOne) return picked;
  const typed = await leftByEscape(io, (signal) =>
    input({ message: t('validate.review.typed_reason') }, { ...promptContext(io), signal, clearPromptOnDone: true }),
  );
  return typed?.trim() || undefined;
}

/**
 * Runs a prompt that Esc leaves: inquirer has no Esc of its own, but a prompt given an
 * AbortSignal ends when it is aborted (AbortPromptError). The prompt's readline emits
 * 'keypress' on stdin; Esc aborts. Undefined when left so; Ctrl-C still rejects
 * (ExitPromptError), as with every prompt.
 */
async function leftByEscape<T>(io: Io, prompt: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  const controller = new AbortController();
  const stdin = io.stdin as NodeJS.ReadStream;
  const onKey = (_text: string | undefined, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') controller.abort();
  };
  stdin.on('keypress', onKey);
  try {
    return await prompt(controller.signal);
  } catch (error) {
    if (controller.signal.aborted && (error as Error).name === 'AbortPromptError') return undefined;
    throw error;
  } finally {
    stdin.off('keypress', onKey);
  }
}

/**
 * A destructive verb's confirmation. `--yes` answers it; on a terminal the question is
 * asked (default no); anywhere else the verb refuses with exit 2 naming --yes, since
 * nobody can answer and guessing "yes" would destroy data unasked.
 */
export async function confirm(io: Io, question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!canPrompt(io)) throw new UsageError(problem('users.prompt.not_at_terminal', { question }));
  // The question names data (a person, an organisation): its controls are escaped.
  if (!(await askYesNo(io, visible(question)))) throw new UsageError(problem('users.prompt.not_confirmed'));
}

/**
 * A yes/no question, no by default, answered in either language: y, yes, o, oui (any
 * case) say yes; anything else, Enter alone included, says no. Inquirer's own confirm
 * knows only y/n and writes `y/N` and `Yes`/`No` whatever the language.
 */
async function askYesNo(io: Io, message: string): Promise<boolean> {
  const { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } = await import('@inquirer/core');
  const yesNo = createPrompt<boolean, { message: string }>((config, done) => {
    const [status, setStatus] = useState<'idle' | 'done'>('idle');
    const [value, setValue] = useState('');
    const theme = makeTheme();
    const prefix = usePrefix({ status, theme });
    useKeypress((key, rl) => {
      if (status !== 'idle') return;
      if (isEnterKey(key)) {
        const answer = /^(y|yes|o|oui)$/i.test(value.trim());
        setValue(t(answer ? 'users.value.yes' : 'users.value.no'));
        setStatus('done');
        done(answer);
      } else setValue(rl.line);
    });
    const hint = status === 'done' ? theme.style.answer(value) : `${theme.style.defaultAnswer(t('users.prompt.yes_no_hint'))} ${value}`;
    return `${prefix} ${theme.style.message(config.message, status)} ${hint}`;
  });
  return yesNo({ message }, promptContext(io));
}
