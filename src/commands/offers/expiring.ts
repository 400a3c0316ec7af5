import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { ExpiringOffer } from '../../services/offers.js';
import type { CommandRun } from '../types.js';
import type { OffersExpiringOpts } from './index.js';
import { humanDay } from '../../cli/days.js';

/** CSV keeps the end day as YYYY-MM-DD; a table shows it as people write it. */
function columns(csv: boolean | undefined): Column<ExpiringOffer>[] {
  const end = (o: ExpiringOffer) => o.date_fin ?? o.date_expiration;
  return [
    { header: 'type', label: 'offers.field.type', value: 'type' },
    { header: 'titre', label: 'offers.field.titre', value: 'titre' },
    { header: 'nom_organisation', label: 'offers.field.nom_organisation', value: 'nom_organisation' },
    { header: 'fin', label: 'offers.field.date_fin', value: (o) => (csv ? end(o) : humanDay(end(o))) },
    { header: 'email_contact', label: 'offers.field.email_contact', value: 'email_contact' },
    { header: 'createur', label: 'offers.field.createur', value: (o) => o.createur?.nom_complet },
    { header: 'createur_email', label: 'offers.field.createur_email', value: (o) => o.createur?.email },
    { header: 'id', label: 'offers.field.id', value: 'id' },
  ];
}

export const run: CommandRun<OffersExpiringOpts> = async (ctx, { opts }) => {
  const { expiringOffers } = await import('../../services/offers.js');
  const { day, offers } = await ctx.withDb(({ db }) => expiringOffers(db, opts.within));
  await renderList(ctx, columns(opts.csv), offers, { csv: opts.csv });
  if (!ctx.out.json && !opts.csv) ctx.out.info(t('offers.expiring_summary', { count: offers.length, day: humanDay(day)! }));
};
