import type { Command } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

export function registerMigrate(program: Command, lazy: Lazy): void {
  const migrate = program
    .command('migrate')
    .description('bring the database schema up to date (default: latest), or step it up or down');
  migrate.command('latest', { isDefault: true }).description('apply every pending migration').action(lazy(() => import('./latest.js')));
  migrate.command('up').description('apply the next pending migration').action(lazy(() => import('./up.js')));
  migrate.command('down').description('revert the newest applied migration').action(lazy(() => import('./down.js')));
  migrate.command('status').description('list applied and pending migrations').action(lazy(() => import('./status.js')));
  migrate
    .command('make')
    .description('create an empty up/down SQL migration pair in migrations/ (for developers)')
    .argument('<name>', 'what the migration does, e.g. add_offer_salary')
    .action(lazy(() => import('./make.js')));
}
