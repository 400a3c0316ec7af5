import { ExitCode } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { closeOffers } = await import('../../services/offer-writes.js');
  const result = await ctx.withDb(async ({ db }) => closeOffers(db, await ctx.writeSession(db), args));
  if (ctx.out.json) ctx.out.writeJson(result);
  else {
    for (const o of result.outcomes) {
      const said = { kind: o.type, title: o.titre, id: o.id };
      if (o.changed) ctx.out.success(t('offers.closed', said));
      else ctx.out.warn(t('offers.closed_already', said));
    }
    ctx.out.info(t('offers.close_summary', { closed: result.closed, skipped: result.skipped }));
  }
  return result.skipped > 0 ? ExitCode.rejected : ExitCode.ok;
};
