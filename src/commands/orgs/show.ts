import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showOrg } = await import('../../services/orgs.js');
  const org = await ctx.withDb(({ db }) => showOrg(db, args[0]!));
  const { contacts, offers, ...fields } = org;
  renderRecord(ctx, org, [
    ...Object.entries(fields),
    [
      'contacts',
      contacts
        .map(
          (c) =>
            `${c.est_contact_principal ? '* ' : ''}${c.nom_complet} <${c.email ?? c.matricule}> ${c.role_contact}${c.poste ? `, ${c.poste}` : ''}`,
        )
        .join('\n') || '(none)',
    ],
    ['offers', offers.map((o) => `${o.kind} ${o.statut}: ${o.count}`).join(', ') || '(none)'],
  ]);
};
