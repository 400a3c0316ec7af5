import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { SettingKey } from '../../services/setting-names.js';
import type { CommandRun } from '../types.js';
import { settingFields } from './shared.js';

/** Sets a setting as the administrator --as names (audited); prints it as it now stands. */
export const run: CommandRun = async (ctx, { args }) => {
  const { setSetting } = await import('../../services/settings.js');
  const key = args[0] as SettingKey;
  const { setting, changed } = await ctx.withDb(async ({ db }) => setSetting(db, await ctx.writeSession(db), key, args[1]!));
  renderRecord(ctx, setting, settingFields(setting), { success: t(changed ? 'settings.set.done' : 'settings.set.unchanged', { key }) });
};
