import type { CountryCode } from 'libphonenumber-js';
import { t } from '../../i18n/messages.js';
import { shortened } from '../../text.js';
import { pipelineOptions, presentImport } from '../imports.js';
import type { CommandRun } from '../types.js';
import type { UsersImportOpts } from './index.js';

export const run: CommandRun<UsersImportOpts> = async (ctx, { args, opts }) => {
  const { importRoster } = await import('../../services/roster-import.js');
  return presentImport(ctx, 'progress.importing_users', (db, session, hooks) =>
    importRoster(
      db,
      session,
      {
        ...pipelineOptions(ctx, args[0]!, opts),
        createMissingReferences: Boolean(opts.createMissingReferences),
        nameOrder: opts.nameOrder,
        // countryOption has checked it: two upper-case letters.
        country: opts.country as CountryCode | undefined,
      },
      {
        ...hooks,
        onJoinedNames: ({ order, names }) => {
          const shown = names.map((name) => ({ line: name.line, name: shortened(name.nom_complet) }));
          ctx.out.info(t('import.roster.joined_names', { order, names: shown }));
        },
      },
    ),
  );
};
