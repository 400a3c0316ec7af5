import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { ExpiringOffer } from '../../services/offers.js';
import type { CommandRun } from '../types.js';
import type { OffersExpiringOpts } from './index.js';
import { humanDay } from '../../cli/days.js';

/**
 * CSV and the lines off a terminal keep the end day as YYYY-MM-DD; a table on a terminal
 * (`human`) shows it as people write it. The e-mails on demand (`--columns`), so that a
 * row fits 80 columns; the id last, as `offers extend ID` takes it.
 */
function columns(human: boolean): Column<ExpiringOffer>[] {
  const end = (o: ExpiringOffer) => o.date_fin ?? o.date_expiration;
  return [
    { header: 'type', label: 'offers.field.type', value: 'type' },
    { header: 'titre', label: 'offers.field.titre', value: 'titre' },
    { header: 'nom_organisation', label: 'offers.field.nom_organisation', value: 'nom_organisation' },
    { header: 'fin', label: 'offers.field.date_fin', value: (o) => (human ? humanDay(end(o)) : end(o)) },
    { header: 'email_contact', label: 'offers.field.email_contact', value: 'email_contact', hidden: true },
    { header: 'createur', label: 'offers.field.createur', value: (o) => o.createur?.nom_complet },
    { header: 'createur_email', label: 'offers.field.createur_email', value: (o) => o.createur?.email, hidden: true },
    { header: 'id', label: 'offers.field.id', value: 'id' },
  ];
}

export const run: CommandRun<OffersExpiringOpts> = async (ctx, { opts }) => {
  const { expiringOffers } = await import('../../services/offers.js');
  const { day, offers } = await ctx.withDb(({ db }) => expiringOffers(db, opts.within));
  const said = { count: offers.length, day: humanDay(day)! };
  await renderList(ctx, columns(ctx.out.stdoutIsTTY && !opts.csv), offers, {
    csv: opts.csv,
    columns: opts.columns,
    emptyText: t('offers.expiring.none', said),
    notes: opts.csv || offers.length === 0 ? [] : [t('offers.expiring_summary', said)],
  });
};
