import { Argument, type Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { csvOption } from '../../cli/options.js';
import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import { SETTING_KEYS, type SettingKey } from '../../services/setting-names.js';
import { matchEnum } from '../../values.js';
import type { Lazy, OptsOf } from '../types.js';

/** A setting's name, matched ignoring case and separators ("School_Name"). */
function settingKey(text: string): SettingKey {
  const key = matchEnum(text, SETTING_KEYS);
  if (!key) throw new UsageError(problem('settings.unknown', { name: text, keys: SETTING_KEYS }));
  return key;
}

const keyArgument = () => new Argument('<key>', t('settings.argument.key', { keys: SETTING_KEYS.join(', ') })).argParser(settingKey);

const list = (settings: CommandUnknownOpts) => settings.command('list').description(t('settings.list.description')).addOption(csvOption());
export type SettingsListOpts = OptsOf<typeof list>;

export function registerSettings(program: Command, lazy: Lazy): void {
  const settings = program.command('settings').description(t('settings.description'));
  list(settings).action(lazy(() => import('./list.js')));
  settings
    .command('get')
    .description(t('settings.get.description'))
    .addArgument(keyArgument())
    .action(lazy(() => import('./get.js')));
  settings
    .command('set')
    .description(t('settings.set.description'))
    .addArgument(keyArgument())
    .argument('<value>', t('settings.argument.value'))
    .action(lazy(() => import('./set.js')));
}
