import type { Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import { t } from '../../i18n/messages.js';
import type { Lazy } from '../types.js';

const doctor = (program: CommandUnknownOpts) => program.command('doctor').description(t('doctor.description'));

export function registerDoctor(program: Command, lazy: Lazy): void {
  doctor(program).action(lazy(() => import('./report.js')));
}
