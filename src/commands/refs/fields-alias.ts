import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { aliasField } = await import('../../services/references.js');
  const field = await ctx.withDb(async ({ db }) => aliasField(db, await ctx.writeSession(db), args[0]!, args[1]!));
  renderChange(ctx, field, t('refs.field.aliased', { alias: args[1]!.trim(), field: field.nom_domaine }));
};
