import { Argument, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { yesOption } from '../../cli/options.js';
import { t } from '../../i18n/messages.js';
import type { Lazy, OptsOf } from '../types.js';
import { columnsOption } from '../../cli/columns.js';

const latest = (migrate: CommandUnknownOpts) => migrate.command('latest', { isDefault: true }).description(t('migrate.latest.description'));
const up = (migrate: CommandUnknownOpts) => migrate.command('up').description(t('migrate.up.description'));
const down = (migrate: CommandUnknownOpts) => migrate.command('down').description(t('migrate.down.description')).addOption(yesOption());
export type MigrateDownOpts = OptsOf<typeof down>;
const status = (migrate: CommandUnknownOpts) =>
  migrate.command('status').description(t('migrate.status.description')).addOption(columnsOption());
export type MigrateStatusOpts = OptsOf<typeof status>;
const make = (migrate: CommandUnknownOpts) =>
  migrate
    .command('make')
    .description(t('migrate.make.description'))
    .addArgument(new Argument('<name>', t('migrate.make.name')));

export function registerMigrate(program: Command, lazy: Lazy): void {
  const migrate = program.command('migrate').description(t('migrate.description'));
  latest(migrate).action(lazy(() => import('./latest.js')));
  up(migrate).action(lazy(() => import('./up.js')));
  down(migrate).action(lazy(() => import('./down.js')));
  status(migrate).action(lazy(() => import('./status.js')));
  make(migrate).action(lazy(() => import('./make.js')));
}
