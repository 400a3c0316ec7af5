import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showGroup } = await import('../../services/groups.js');
  const group = await ctx.withDb(({ db }) => showGroup(db, args[0]!));
  const { moderateurs, decisions, ...fields } = group;
  renderRecord(ctx, group, [
    ...Object.entries(fields),
    ['moderateurs', moderateurs.map((m) => `${m.nom_complet} <${m.email ?? m.matricule}> ${m.role_membre}`).join('\n') || '(none)'],
    [
      'decisions',
      decisions
        .map(
          (d) =>
            `${d.date_validation.toISOString()} ${d.annulee_le ? 'withdrawn' : d.est_approuve ? 'approved' : 'rejected'} by ${d.validateur ?? '(deleted account)'}${d.commentaire ? `: ${d.commentaire}` : ''}`,
        )
        .join('\n') || '(none)',
    ],
  ]);
};
