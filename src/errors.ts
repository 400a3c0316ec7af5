/**
 * The one error type the CLI knows. Services throw it (or a subclass) with the exit
 * code the SPEC documents; src/main.ts is the only place that turns it into a message
 * and a process exit code.
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

export class AlumniError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class UsageError extends AlumniError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, ExitCode.usage, options);
  }
}

export class NotFoundError extends AlumniError {
  constructor(message: string) {
    super(message, ExitCode.notFound);
  }
}

export class LockHeldError extends AlumniError {
  constructor(message: string) {
    super(message, ExitCode.locked);
  }
}

export class NotPermittedError extends AlumniError {
  constructor(message: string) {
    super(message, ExitCode.notPermitted);
  }
}
