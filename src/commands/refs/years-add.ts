import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { addYear } = await import('../../services/references.js');
  const year = await ctx.withDb(async ({ db }) => addYear(db, await ctx.writeSession(db), Number(args[0])));
  renderChange(ctx, year, t('refs.year.added', { year: year.annee }));
};
