import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { deactivateField } = await import('../../services/references.js');
  const field = await ctx.withDb(async ({ db }) => deactivateField(db, await ctx.writeSession(db), args[0]!));
  renderChange(ctx, field, `No import may give the field ${field.nom_domaine} any more; its ${field.utilisateurs} users keep it.`);
};
