import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { describeDecision } from '../../cli/decisions.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showOffer } = await import('../../services/offers.js');
  const offer = await ctx.withDb(({ db }) => showOffer(db, args[0]!));
  const { createur, decisions, ...fields } = offer;
  renderRecord(ctx, offer, [
    ...Object.entries(fields),
    ['createur', createur ? `${createur.nom_complet}${createur.email ? ` <${createur.email}>` : ''}` : '(none)'],
    ...(decisions ? [['decisions', decisions.map(describeDecision).join('\n') || '(none yet)'] as [string, string]] : []),
  ]);
};
