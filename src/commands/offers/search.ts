import { boldMarks, type Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { OfferHit } from '../../services/offers.js';
import type { CommandRun } from '../types.js';
import type { OffersSearchOpts } from './index.js';

export const run: CommandRun<OffersSearchOpts> = async (ctx, { args, opts }) => {
  const { searchOffers } = await import('../../services/offers.js');
  const text = args[0]!;
  const page = await ctx.withDb(({ db }) => searchOffers(db, text, { type: opts.type, limit: opts.limit, after: opts.after }));
  const columns: Column<OfferHit>[] = [
    { header: 'type', label: 'offers.field.type', value: 'type' },
    { header: 'titre', label: 'offers.field.titre', value: 'titre' },
    { header: 'nom_organisation', label: 'offers.field.nom_organisation', value: 'nom_organisation' },
    { header: 'statut', label: 'offers.field.statut', value: 'statut' },
    // The excerpt's «marks» become bold in the table.
    { header: 'excerpt', label: 'offers.field.excerpt', value: 'excerpt', paint: boldMarks },
    // Last, as `offers show ID` takes it: cut first when short of room.
    { header: 'id', label: 'offers.field.id', value: 'id' },
  ];
  if (opts.csv) columns.splice(4, 0, { header: 'rank', label: 'offers.field.rank', value: 'rank' });
  await renderList(ctx, columns, page.items, {
    csv: opts.csv,
    columns: opts.columns,
    emptyText: t('offers.search_none', { text }),
    page: { nextAfter: page.next_after, nextCommand: (cursor) => `alumni offers search ${JSON.stringify(text)} --after ${cursor}` },
  });
};
