import { currentLanguage, renderIn, type MessageArgs, type MessageKey } from './i18n/messages.js';

/**
 * The one error type the CLI knows. Services throw it (or a subclass) with the exit
 * code the README documents; src/main.ts is the only place that turns it into a message
 * and a process exit code.
 *
 * What went wrong is a Problem: a stable code (the catalog key of its message, shown
 * with --verbose and in the JSON error object) and typed values. A service never names a
 * flag or writes a sentence: a value whose name ends in `field` (or an array whose name
 * ends in `fields`) is a field of the data model, which src/main.ts turns into the
 * running command's flag when the command declares one (CommandModule.fieldFlags).
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  rejected: 3,
  notFound: 4,
  locked: 75,
  notPermitted: 77,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface Problem<K extends MessageKey = MessageKey> {
  code: K;
  values?: MessageArgs<K>[0];
}

/** A problem with its typed values: `problem('offers.price_without_currency', { field: 'devise' })`. */
export function problem<K extends MessageKey>(code: K, ...args: MessageArgs<K>): Problem<K> {
  return { code, values: args[0] };
}

export class AlumniError extends Error {
  readonly code: MessageKey | undefined;
  readonly values: unknown;

  /**
   * `what` is a Problem; a plain string is the former way, left while the last messages
   * move into the catalogs (it has no code).
   */
  constructor(
    what: Problem | string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
    options?: { cause?: unknown },
  ) {
    super(typeof what === 'string' ? what : renderIn(currentLanguage(), what.code, what.values), options);
    this.name = new.target.name;
    this.code = typeof what === 'string' ? undefined : what.code;
    this.values = typeof what === 'string' ? undefined : what.values;
  }
}

export class UsageError extends AlumniError {
  constructor(what: Problem | string, options?: { cause?: unknown }) {
    super(what, ExitCode.usage, options);
  }
}

export class NotFoundError extends AlumniError {
  constructor(what: Problem | string) {
    super(what, ExitCode.notFound);
  }
}

export class LockHeldError extends AlumniError {
  constructor(what: Problem | string) {
    super(what, ExitCode.locked);
  }
}

export class NotPermittedError extends AlumniError {
  constructor(what: Problem | string) {
    super(what, ExitCode.notPermitted);
  }
}
