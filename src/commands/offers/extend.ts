import { renderRecord } from '../../cli/render.js';
import { offerDates } from '../../services/offers.js';
import type { CommandRun } from '../types.js';
import type { OffersExtendOpts } from './index.js';

export const run: CommandRun<OffersExtendOpts> = async (ctx, { args, opts }) => {
  const { extendOffer } = await import('../../services/offer-writes.js');
  const { offer, previous, changed } = await ctx.withDb(async ({ db }) =>
    extendOffer(db, await ctx.writeSession(db), args[0]!, opts.until),
  );
  if (ctx.out.json) return renderRecord(ctx, { ...offer, changed, previous });
  const { fin } = offerDates(offer);
  if (!changed) ctx.out.info(`${offer.type} ${offer.titre} already ends on ${fin} and is ${offer.statut}: nothing written.`);
  else
    ctx.out.success(
      `${offer.type} ${offer.titre} now ends on ${fin} (was ${previous.end ?? 'no end date'}, ${previous.statut}; now ${offer.statut}).`,
    );
};
