import type { CommandRun } from '../types.js';
import { renderChange } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { renameField } = await import('../../services/references.js');
  const field = await ctx.withDb(async ({ db }) => renameField(db, await ctx.writeSession(db), args[0]!, args[1]!));
  renderChange(ctx, field, `Renamed the field to ${field.nom_domaine}; its ${field.utilisateurs} users and its aliases follow.`);
};
