import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Lazy } from '../types.js';

const doctor = (program: CommandUnknownOpts) =>
  program.command('doctor').description('say which database is in use and whether it is healthy');

export function registerDoctor(program: Command, lazy: Lazy): void {
  doctor(program).action(lazy(() => import('./report.js')));
}
