import type { Command } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

export function registerDoctor(program: Command, lazy: Lazy): void {
  program
    .command('doctor')
    .description('say which database is in use and whether it is healthy')
    .action(lazy(() => import('./report.js')));
}
