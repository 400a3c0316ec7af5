import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { SettingsListOpts } from './index.js';
import { settingColumns } from './shared.js';

export const run: CommandRun<SettingsListOpts> = async (ctx, { opts }) => {
  const { listSettings } = await import('../../services/settings.js');
  const settings = await ctx.withDb(({ db }) => listSettings(db));
  await renderList(ctx, settingColumns(Boolean(opts.csv)), settings, { csv: opts.csv });
};
