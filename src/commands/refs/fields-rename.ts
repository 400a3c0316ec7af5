import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { renameField } = await import('../../services/references.js');
  const field = await ctx.withDb(async ({ db }) => renameField(db, await ctx.writeSession(db), args[0]!, args[1]!));
  renderChange(ctx, field, t('refs.field.renamed', { field: field.nom_domaine, users: field.utilisateurs }));
};
