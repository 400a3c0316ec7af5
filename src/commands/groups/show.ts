import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { describeDecision } from '../../cli/decisions.js';
import { humanFields } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showGroup } = await import('../../services/groups.js');
  const group = await ctx.withDb(({ db }) => showGroup(db, args[0]!));
  const { moderateurs, decisions, ...fields } = group;
  renderRecord(ctx, group, [
    ...humanFields(fields),
    [
      t('groups.label.moderators'),
      moderateurs.map((m) => `${m.nom_complet} <${m.email ?? m.matricule}> ${m.role_membre}`).join('\n') || t('groups.none'),
    ],
    [t('groups.label.decisions'), decisions.map(describeDecision).join('\n') || t('groups.none')],
  ]);
};
