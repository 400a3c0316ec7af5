import { enumFlag } from '../../services/flags.js';
import type { CommandRun } from '../types.js';
import { ROLES, showUser } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setRole } = await import('../../services/users.js');
  const role = enumFlag('Unknown role', args[1]!, ROLES);
  const result = await ctx.withDb(async ({ db }) =>
    setRole(db, await ctx.actor(db, { requireSuperAdmin: true }), ctx.userAgent, args[0]!, role),
  );
  showUser(ctx, result.user);
  if (!ctx.out.json) ctx.out.success(result.changed ? `Role set to ${result.user.role}.` : 'Already so: nothing changed.');
};
