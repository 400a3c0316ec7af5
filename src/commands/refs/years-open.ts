import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setYearAvailable } = await import('../../services/references.js');
  const year = await ctx.withDb(async ({ db }) => setYearAvailable(db, await ctx.writeSession(db), Number(args[0]), true));
  renderChange(ctx, year, t('refs.year.opened', { year: year.annee }));
};
