import { Argument, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { SHELLS } from '../../cli/completion-scripts.js';
import { t } from '../../i18n/messages.js';
import type { Lazy } from '../types.js';

const completion = (program: CommandUnknownOpts) =>
  program
    .command('completion')
    .description(t('completion.description'))
    .addArgument(new Argument('<shell>', t('completion.shell')).choices(SHELLS))
    .addHelpText('after', t('completion.setup'));

/**
 * `alumni completion SHELL` prints the script; the scripts call the hidden
 * `alumni __complete -- WORD…` at each Tab, which answers from this very tree (`program`)
 * and takes every word as it comes: no option of its own, no help, no check.
 */
export function registerCompletion(program: Command, lazy: Lazy): void {
  completion(program).action(lazy(() => import('./script.js')));
  program
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(lazy(async () => (await import('./complete.js')).completing(program as unknown as CommandUnknownOpts)));
}
