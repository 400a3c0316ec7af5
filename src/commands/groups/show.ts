import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { describeDecision } from '../../cli/decisions.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showGroup } = await import('../../services/groups.js');
  const group = await ctx.withDb(({ db }) => showGroup(db, args[0]!));
  const { moderateurs, decisions, ...fields } = group;
  renderRecord(ctx, group, [
    ...Object.entries(fields),
    ['moderateurs', moderateurs.map((m) => `${m.nom_complet} <${m.email ?? m.matricule}> ${m.role_membre}`).join('\n') || '(none)'],
    ['decisions', decisions.map(describeDecision).join('\n') || '(none)'],
  ]);
};
