import { Argument, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { yesOption } from '../../cli/options.js';
import type { Lazy, OptsOf } from '../types.js';

const latest = (migrate: CommandUnknownOpts) => migrate.command('latest', { isDefault: true }).description('apply every pending migration');
const up = (migrate: CommandUnknownOpts) => migrate.command('up').description('apply the next pending migration');
const down = (migrate: CommandUnknownOpts) =>
  migrate
    .command('down')
    .description('revert the newest applied migration (what it created is dropped, data included)')
    .addOption(yesOption());
export type MigrateDownOpts = OptsOf<typeof down>;
const status = (migrate: CommandUnknownOpts) => migrate.command('status').description('list applied and pending migrations');
const make = (migrate: CommandUnknownOpts) =>
  migrate
    .command('make')
    .description('create an empty up/down SQL migration pair in migrations/ (for developers)')
    .addArgument(new Argument('<name>', 'what the migration does, e.g. add_offer_salary'));

export function registerMigrate(program: Command, lazy: Lazy): void {
  const migrate = program.command('migrate').description('bring the database schema up to date (default: latest), or step it up or down');
  latest(migrate).action(lazy(() => import('./latest.js')));
  up(migrate).action(lazy(() => import('./up.js')));
  down(migrate).action(lazy(() => import('./down.js')));
  status(migrate).action(lazy(() => import('./status.js')));
  make(migrate).action(lazy(() => import('./make.js')));
}
