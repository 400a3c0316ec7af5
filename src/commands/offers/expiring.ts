import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { ExpiringOffer } from '../../services/offers.js';
import type { CommandRun } from '../types.js';
import type { OffersExpiringOpts } from './index.js';

const COLUMNS: Column<ExpiringOffer>[] = [
  { header: 'type', value: 'type' },
  { header: 'titre', value: 'titre' },
  { header: 'nom_organisation', value: 'nom_organisation' },
  { header: 'fin', value: (o) => o.date_fin ?? o.date_expiration },
  { header: 'email_contact', value: 'email_contact' },
  { header: 'createur', value: (o) => o.createur?.nom_complet },
  { header: 'createur_email', value: (o) => o.createur?.email },
  { header: 'id', value: 'id' },
];

export const run: CommandRun<OffersExpiringOpts> = async (ctx, { opts }) => {
  const { expiringOffers } = await import('../../services/offers.js');
  const { day, offers } = await ctx.withDb(({ db }) => expiringOffers(db, opts.within));
  await renderList(ctx, COLUMNS, offers, { csv: opts.csv });
  if (!ctx.out.json && !opts.csv) {
    ctx.out.info(
      `${offers.length} offer(s) the expire-offers job will expire by ${day} (active, ending before that day); alumni offers extend ID --until DATE keeps one open.`,
    );
  }
};
