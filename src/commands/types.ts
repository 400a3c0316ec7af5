import type { Context } from '../context.js';

/** What Commander hands a command: its positional arguments and its own options. */
export interface CommandInput<Opts = Record<string, unknown>> {
  args: string[];
  opts: Opts;
}

/** A command module: thin, options in, a service call, output out. Returns the exit code. */
export type CommandRun<Opts = Record<string, unknown>> = (
  ctx: Context,
  input: CommandInput<Opts>,
) => Promise<number | void>;
