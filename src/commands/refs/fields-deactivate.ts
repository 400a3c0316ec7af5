import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { deactivateField } = await import('../../services/references.js');
  const field = await ctx.withDb(async ({ db }) => deactivateField(db, await ctx.writeSession(db), args[0]!));
  renderChange(ctx, field, t('refs.field.deactivated', { field: field.nom_domaine, users: field.utilisateurs }));
};
