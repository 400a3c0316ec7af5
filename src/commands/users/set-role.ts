import { renderRecord } from '../../cli/render.js';
import type { RoleUtilisateur } from '../../db/schema.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { userRecord } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setRole } = await import('../../services/user-writes.js');
  // The <role> argument's parser (index.ts) has read it as a role.
  const role = args[1] as RoleUtilisateur;
  const result = await ctx.withDb(async ({ db }) =>
    setRole(db, ctx.session(await ctx.actor(db, { requireSuperAdmin: true })), { ref: args[0]!, role }),
  );
  renderRecord(ctx, result.user, userRecord(result.user), {
    success: result.changed ? t('users.role_set', { role: result.user.role }) : t('users.already_so'),
  });
};
