import { confirm } from '../../cli/prompts.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { runMigration } from './apply.js';
import type { MigrateDownOpts } from './index.js';

/** Reverting drops what the migration created, data included: asked first, or --yes. */
export const run: CommandRun<MigrateDownOpts> = async (ctx, { opts }) => {
  await confirm(ctx.io, t('migrate.down.confirm'), opts.yes);
  return runMigration(ctx, 'down');
};
