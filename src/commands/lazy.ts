import type { Command } from '@commander-js/extra-typings';
import type { Io } from '../cli/io.js';
import type { GlobalOptions } from '../context.js';
import type { Interruption } from '../interrupt.js';
import type { CommandModule, Lazy } from './types.js';

/** Where the chosen command leaves its exit code for main(), and what stops it on a signal. */
export interface RunState {
  exitCode: number;
  interruption: Interruption;
  /** The running command's flags for the data model's fields its errors name (src/main.ts). */
  fieldFlags?: Record<string, string>;
}

/**
 * The actions of the declared commands: each imports its verb module only when it runs,
 * builds the command's Context and leaves the exit code in `state`.
 */
export function lazyActions(io: Io, state: RunState): Lazy {
  return (load: () => Promise<CommandModule>) =>
    async (...received: unknown[]) => {
      const command = received.at(-1) as Command;
      const args = received.slice(0, -2).flat() as string[];
      const { Context } = await import('../context.js');
      const ctx = new Context(io, command.optsWithGlobals() as GlobalOptions, commandWords(command), state.interruption);
      const module = await load();
      state.fieldFlags = module.fieldFlags;
      state.exitCode = (await module.run(ctx, { args, opts: command.opts() })) ?? 0;
    };
}

/** "migrate status" for `alumni migrate status`: the words that go into the user agent. */
function commandWords(command: Command): string {
  const words: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent as Command | null) words.unshift(current.name());
  return words.join(' ');
}
