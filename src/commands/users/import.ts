import type { CountryCode } from 'libphonenumber-js';
import { presentImport } from '../imports.js';
import type { CommandRun } from '../types.js';
import type { UsersImportOpts } from './index.js';

export const run: CommandRun<UsersImportOpts> = async (ctx, { args, opts }) => {
  const { importRoster } = await import('../../services/roster-import.js');
  return presentImport(ctx, (hooks) =>
    ctx.withDb(async ({ db }) =>
      importRoster(
        db,
        ctx.session(await ctx.actor(db)),
        {
          file: args[0]!,
          mode: opts.mode,
          dryRun: Boolean(opts.dryRun),
          allOrNothing: Boolean(opts.allOrNothing),
          encoding: opts.encoding,
          delimiter: opts.delimiter,
          map: opts.map ?? {},
          // countryOption has checked it: two upper-case letters.
          country: opts.country as CountryCode | undefined,
          createMissingReferences: Boolean(opts.createMissingReferences),
          rejectsPath: opts.rejects,
          batchSize: opts.batchSize,
          stdin: ctx.io.stdin,
        },
        hooks,
      ),
    ),
  );
};
