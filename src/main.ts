import { CommanderError } from 'commander';
import { AlumniError, ExitCode } from './errors.js';
import { processIo, type Io } from './cli/io.js';
import { Output } from './cli/output.js';
import type { RunState } from './commands/lazy.js';
import { buildProgram } from './program.js';
import { constraintViolation } from './db/constraints.js';
import { Interruption } from './interrupt.js';

/**
 * Runs `alumni` with `argv` (without node and the script) and returns the exit code.
 * The only place where errors become messages and exit codes.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const state: RunState = { exitCode: ExitCode.ok, interruption: new Interruption() };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // An interrupted command fails with whatever its abort caused: the signal says why.
    if (!state.interruption.interruptedBy) return reportError(error, io, argv);
  }
  const interrupted = state.interruption.interruptedBy;
  if (!interrupted) return state.exitCode;
  // Even a command that finished in the meantime: the signal's status, as a shell expects.
  new Output(io, { color: !argv.includes('--no-color') }).error(interrupted.message);
  return interrupted.exitCode;
}

/** Writes what went wrong (the stack too under --verbose) and returns the exit code; exported for tests. */
export function reportError(thrown: unknown, io: Io, argv: string[]): number {
  // A constraint the database enforced (two sessions racing past a service's check)
  // is bad input, said in a sentence (src/db/constraints.ts), not a crash.
  const error = constraintViolation(thrown) ?? thrown;
  if (error instanceof CommanderError) {
    // Commander has printed its message (with a suggestion) already.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return ExitCode.ok;
    }
    return ExitCode.usage;
  }
  const verbose = argv.includes('--verbose');
  const out = new Output(io, { color: !argv.includes('--no-color') });
  if (error instanceof AlumniError) {
    out.error(error.message);
    if (verbose && error.cause instanceof Error && error.cause.stack) out.details(error.cause.stack);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  out.error(`${oneLine(message)}${verbose ? '' : ' (run with --verbose for details)'}`);
  if (verbose && error instanceof Error && error.stack) out.details(error.stack);
  return ExitCode.failure;
}

function oneLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
