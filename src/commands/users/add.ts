import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { userInput } from './fields.js';
import type { UsersAddOpts } from './index.js';

export const run: CommandRun<UsersAddOpts> = async (ctx, { opts }) => {
  const { addUser } = await import('../../services/user-writes.js');
  const input = { ...(await userInput(ctx, opts, opts.password)), role: opts.role };
  const user = await ctx.withDb(async ({ db }) => {
    // The very first super_admin is created with no one to act as.
    const acting = ctx.options.as ?? ctx.io.env.ALUMNI_ACTOR;
    const actor = acting || opts.role !== 'super_admin' ? await ctx.actor(db) : null;
    return addUser(db, ctx.session(actor), input);
  });
  renderRecord(ctx, user);
  if (!ctx.out.json) ctx.out.success(`Created ${user.nom_complet} (${user.matricule ?? user.email}).`);
};
