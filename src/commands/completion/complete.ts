import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { complete, writeCompletion } from '../../cli/completion.js';
import { completionNames } from '../../cli/completion-names.js';
import type { CommandModule } from '../types.js';

/**
 * `alumni __complete -- WORD… CURRENT`: the candidates for CURRENT, one a line, from the
 * command tree `program`, and for a GROUP or ORG from the database named on the line
 * (`--database-url`) or by the environment. Always exit 0, nothing on stderr.
 */
export function completing(program: CommandUnknownOpts): CommandModule {
  return {
    run: async (ctx, { args }) => {
      const completion = complete(program, args.length > 0 ? args : ['']);
      const names = completion.names
        ? await completionNames(completion.names.kind, completion.names.prefix, ctx.io.env, databaseUrlIn(args))
        : [];
      writeCompletion(ctx.io, completion, names);
      return 0;
    },
  };
}

/** The --database-url given on the line being completed, if any. */
function databaseUrlIn(words: readonly string[]): string | undefined {
  let url: string | undefined;
  for (const [index, word] of words.slice(0, -1).entries()) {
    if (word === '--database-url') url = words[index + 1];
    else if (word.startsWith('--database-url=')) url = word.slice('--database-url='.length);
  }
  return url;
}
