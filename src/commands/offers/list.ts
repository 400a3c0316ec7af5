import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { OffersListOpts } from './index.js';
import { offerColumns } from './shared.js';

/** The period the list refuses when it is empty is --from … --to. */
export const fieldFlags = { from: '--from', to: '--to' };

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
  await renderList(ctx, offerColumns(ctx.out.stdoutIsTTY && !opts.csv), page.items, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'offers.list.empty',
    page: { nextAfter: page.next_after, nextCommand: (cursor) => t('offers.next_list', { cursor }) },
  });
};
