import type { CountryCode } from 'libphonenumber-js';
import { pipelineOptions, presentImport } from '../imports.js';
import type { CommandRun } from '../types.js';
import type { OrgsImportOpts } from './index.js';

export const run: CommandRun<OrgsImportOpts> = async (ctx, { args, opts }) => {
  const { importOrgs } = await import('../../services/org-import.js');
  return presentImport(ctx, 'progress.importing_orgs', (db, session, hooks) =>
    importOrgs(
      db,
      session,
      {
        ...pipelineOptions(ctx, args[0]!, opts),
        match: opts.match,
        defaultType: opts.type,
        // countryOption has checked it: two upper-case letters.
        country: opts.country as CountryCode | undefined,
      },
      hooks,
    ),
  );
};
