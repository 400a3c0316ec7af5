import { renderRecord } from '../../cli/render.js';
import { formats, t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { orgFields, orgLabel } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showOrg } = await import('../../services/orgs.js');
  const org = await ctx.withDb(({ db }) => showOrg(db, args[0]!));
  const { contacts, offers, ...fields } = org;
  const lines = contacts.map(
    (c) =>
      `${c.est_contact_principal ? '* ' : ''}${c.nom_complet} <${c.email ?? c.matricule}> ${c.role_contact}${c.poste ? `, ${c.poste}` : ''}`,
  );
  const counts = offers.map((o) => t('orgs.offer_count', { kind: o.kind, state: o.statut, count: o.count }));
  renderRecord(ctx, org, [
    ...orgFields(fields, ctx.out.stdoutIsTTY),
    [orgLabel('contacts'), lines.join('\n') || t('orgs.none')],
    [orgLabel('offers'), counts.length > 0 ? formats().list(counts) : t('orgs.no_offers')],
  ]);
};
