import { CommanderError } from 'commander';
import { AlumniError, ExitCode } from './errors.js';
import { guardPipes, isReaderGone, processIo, type Io } from './cli/io.js';
import { Output } from './cli/output.js';
import { readCommanderError } from './cli/commander-language.js';
import type { RunState } from './commands/lazy.js';
import { buildProgram } from './program.js';
import { constraintViolation } from './db/constraints.js';
import { chooseLanguage } from './i18n/language.js';
import { renderIn, currentLanguage, setLanguage, t } from './i18n/messages.js';
import { Interruption } from './interrupt.js';

/**
 * Runs `alumni` with `argv` (without node and the script) and returns the exit code.
 * The only place where errors become messages and exit codes.
 */
export async function main(argv: string[], given: Io = processIo()): Promise<number> {
  // A reader that stops early (`| head`) ends the command quietly (src/cli/io.ts).
  const { io, state: pipes } = guardPipes(given);
  // Before the command tree is built: its help is written in the chosen language.
  setLanguage(chooseLanguage(argv, io.env));
  const state: RunState = { exitCode: ExitCode.ok, interruption: new Interruption() };
  const program = buildProgram(io, state, { json: wantsJson(argv) });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // An interrupted command fails with whatever its abort caused: the signal says why.
    if (!state.interruption.interruptedBy) {
      // Stopped by a write no one would read: what was read is all that was wanted.
      if (isReaderGone(error)) return ExitCode.ok;
      return reportError(error, io, argv, state.fieldFlags);
    }
  }
  const interrupted = state.interruption.interruptedBy;
  // A command that wrote its last lines into a failing stdout (`> /dev/full`) has not done its job.
  if (!interrupted && pipes.failure && state.exitCode === ExitCode.ok) return reportError(pipes.failure, io, argv);
  if (!interrupted) return state.exitCode;
  // Even a command that finished in the meantime: the signal's status, as a shell expects.
  new Output(io, { color: !argv.includes('--no-color') }).error(interrupted.message);
  return interrupted.exitCode;
}

/** What a failure says in a JSON error object (--json), whatever the language. */
interface ErrorReport {
  /** The stable code: a catalog key, `internal` for an unexpected error, null for a message not yet in the catalogs. */
  code: string | null;
  message: string;
  values: unknown;
}

/**
 * Writes what went wrong and returns the exit code; exported for tests. Under --json it
 * is one JSON object on stderr, `{"error": {"code", "message", "values"}}`; else one
 * line, with the error's code (and an unexpected error's stack) under --verbose.
 * `fieldFlags` turns the data model's fields an error names into the command's flags.
 */
export function reportError(thrown: unknown, io: Io, argv: string[], fieldFlags?: Record<string, string>): number {
  // A constraint the database enforced (two sessions racing past a service's check)
  // is bad input, said in a sentence (src/db/constraints.ts), not a crash.
  const error = constraintViolation(thrown) ?? thrown;
  const verbose = argv.includes('--verbose');
  const json = wantsJson(argv);
  const out = new Output(io, { color: !argv.includes('--no-color') });
  let report: ErrorReport;
  let exitCode: number;
  let stack: string | undefined;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    const known = readCommanderError(error.message);
    // Commander has printed its message (with a suggestion) already, unless under --json.
    if (!json) return ExitCode.usage;
    report = known
      ? { code: known.code, message: known.message, values: known.values }
      : { code: error.code, message: error.message, values: {} };
    exitCode = ExitCode.usage;
  } else if (error instanceof AlumniError) {
    const values = fieldFlags && error.values ? withFlags(error.values, fieldFlags) : error.values;
    const message = error.code ? renderIn(currentLanguage(), error.code, values) : error.message;
    report = { code: error.code ?? null, message, values: values ?? {} };
    exitCode = error.exitCode;
    if (error.cause instanceof Error) stack = error.cause.stack;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    report = { code: 'internal', message: oneLine(message), values: {} };
    exitCode = ExitCode.failure;
    if (error instanceof Error) stack = error.stack;
  }
  if (json) {
    io.stderr.write(`${JSON.stringify({ error: report })}\n`);
    return exitCode;
  }
  const unexpected = report.code === 'internal';
  out.error(unexpected && !verbose ? `${report.message} ${t('cli.error.unexpected_hint')}` : report.message);
  if (verbose && report.code && !unexpected) out.details(t('cli.error.code', { code: report.code }));
  if (verbose && stack) out.details(stack);
  return exitCode;
}

/** --json given to alumni (before a `--`, after which words are arguments). */
function wantsJson(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/** An error's values with its fields (`field`, `…Field`, `fields`, `…Fields`) as the command's flags. */
function withFlags(values: unknown, flags: Record<string, string>): unknown {
  if (typeof values !== 'object' || values === null) return values;
  const flag = (field: unknown) => (typeof field === 'string' && Object.hasOwn(flags, field) ? flags[field] : field);
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => {
      if (/(^f|F)ield$/.test(name)) return [name, flag(value)];
      if (/(^f|F)ields$/.test(name) && Array.isArray(value)) return [name, value.map(flag)];
      return [name, value];
    }),
  );
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
