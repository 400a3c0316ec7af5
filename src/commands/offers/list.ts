import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { OffersListOpts } from './index.js';
import { OFFER_TABLE } from './shared.js';

export const run: CommandRun<OffersListOpts> = async (ctx, { opts }) => {
  const { listOffers } = await import('../../services/offers.js');
  const filters = {
    type: opts.type,
    statut: opts.statut,
    organisation: opts.org,
    lieu: opts.lieu,
    from: opts.from,
    to: opts.to,
    search: opts.search,
  };
  const page = await ctx.withDb(({ db }) => listOffers(db, filters, { limit: opts.limit, after: opts.after }));
  await renderList(ctx, OFFER_TABLE, page.items, {
    csv: opts.csv,
    page: { nextAfter: page.next_after, nextCommand: (cursor) => `alumni offers list --after ${cursor} (same filters)` },
  });
};
