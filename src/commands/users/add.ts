import { enumFlag } from '../../services/flags.js';
import type { CommandRun } from '../types.js';
import { userInput } from './fields.js';
import { ROLES, showUser, type UserFieldFlags } from './shared.js';

export const run: CommandRun<UserFieldFlags & { role?: string }> = async (ctx, { opts }) => {
  const { addUser } = await import('../../services/users.js');
  const role = opts.role === undefined ? undefined : enumFlag('--role', opts.role, ROLES);
  const input = { ...(await userInput(ctx, opts, true)), role };
  const user = await ctx.withDb(async ({ db }) => {
    // The very first super_admin is created with no one to act as.
    const acting = ctx.options.as ?? ctx.io.env.ALUMNI_ACTOR;
    const actor = acting || role !== 'super_admin' ? await ctx.actor(db) : null;
    return addUser(db, actor, ctx.userAgent, input);
  });
  showUser(ctx, user);
  if (!ctx.out.json) ctx.out.success(`Created ${user.nom_complet} (${user.matricule ?? user.email}).`);
};
