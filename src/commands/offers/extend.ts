import { renderDone } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import { offerDates } from '../../services/offers.js';
import type { CommandRun } from '../types.js';
import type { OffersExtendOpts } from './index.js';
import { humanDay } from '../../cli/days.js';

/** The end date the refusals name is the one --until gives, whatever the kind calls it. */
export const fieldFlags = { date_fin: '--until', date_expiration: '--until' };

export const run: CommandRun<OffersExtendOpts> = async (ctx, { args, opts }) => {
  const { extendOffer } = await import('../../services/offer-writes.js');
  const { offer, previous, changed } = await ctx.withDb(async ({ db }) =>
    extendOffer(db, await ctx.writeSession(db), args[0]!, opts.until),
  );
  const end = humanDay(offerDates(offer).fin) ?? '';
  const said = { kind: offer.type, title: offer.titre, end, state: offer.statut };
  renderDone(
    ctx,
    { ...offer, changed, previous },
    changed
      ? t('offers.extended', { ...said, previousEnd: humanDay(previous.end), previousState: previous.statut })
      : t('offers.extend_unchanged', said),
  );
};
