import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Context } from '../context.js';

/** What Commander hands a command: its positional arguments and its own options. */
export interface CommandInput<Opts = Record<string, unknown>> {
  args: string[];
  opts: Opts;
}

/** A command module: thin, options in, a service call, output out. Returns the exit code. */
export type CommandRun<Opts = Record<string, unknown>> = (ctx: Context, input: CommandInput<Opts>) => Promise<number | void>;

export interface CommandModule {
  // The module's own Opts type comes from its declaration (OptsOf); here any will do.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run: CommandRun<any>;
  /**
   * The command's flag for each field of the data model its errors may name
   * (`{ devise: '--devise' }`): a service speaks of fields, the command of its flags.
   */
  fieldFlags?: Record<string, string>;
}

/**
 * A declared command's action: the module that runs it is imported only then, so
 * `alumni --help` loads neither the database drivers nor the other commands.
 */
export type Lazy = (load: () => Promise<CommandModule>) => (...received: unknown[]) => Promise<void>;

/** The typed options of a command declared by `declare(parent)`: what its run receives. */
export type OptsOf<Declare extends (parent: CommandUnknownOpts) => { opts(): object }> = ReturnType<ReturnType<Declare>['opts']>;
