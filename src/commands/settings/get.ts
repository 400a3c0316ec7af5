import type { SettingKey } from '../../services/setting-names.js';
import type { CommandRun } from '../types.js';

/** The value alone on stdout, for a script (`name=$(alumni settings get school-name)`); the record under --json. */
export const run: CommandRun = async (ctx, { args }) => {
  const { getSetting } = await import('../../services/settings.js');
  const setting = await ctx.withDb(({ db }) => getSetting(db, args[0] as SettingKey));
  if (ctx.out.json) ctx.out.writeJson(setting);
  else ctx.out.line(setting.valeur!);
};
