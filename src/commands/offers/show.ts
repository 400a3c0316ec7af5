import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { describeDecision } from '../../cli/decisions.js';
import { offerFields, offerLabel } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showOffer } = await import('../../services/offers.js');
  const offer = await ctx.withDb(({ db }) => showOffer(db, args[0]!));
  const { createur, decisions, ...fields } = offer;
  renderRecord(ctx, offer, [
    ...offerFields(fields, ctx.out.stdoutIsTTY),
    [offerLabel('createur'), createur ? `${createur.nom_complet}${createur.email ? ` <${createur.email}>` : ''}` : t('offers.none')],
    ...(decisions
      ? [[offerLabel('decisions'), decisions.map(describeDecision).join('\n') || t('offers.none_yet')] as [string, string]]
      : []),
  ]);
};
