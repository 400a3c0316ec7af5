import { renderLines } from '../../cli/render.js';
import type { SettingKey } from '../../services/setting-names.js';
import type { CommandRun } from '../types.js';

/** The value alone on stdout, for a script (`name=$(alumni settings get school-name)`); the record under --json. */
export const run: CommandRun = async (ctx, { args }) => {
  const { getSetting } = await import('../../services/settings.js');
  const setting = await ctx.withDb(({ db }) => getSetting(db, args[0] as SettingKey));
  renderLines(ctx, setting, [setting.valeur!]);
};
