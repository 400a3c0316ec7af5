import { renderRecord } from '../../cli/render.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { checkedPassword, userInput } from './fields.js';
import type { UsersAddOpts } from './index.js';
import { userRecord } from './shared.js';

export { fieldFlags } from './fields.js';

export const run: CommandRun<UsersAddOpts> = async (ctx, { opts }) => {
  const { addUser, refuseUnlessMayAdd } = await import('../../services/user-writes.js');
  const role = opts.role ?? 'user';
  // The very first super_admin is created with no one to act as.
  const acting = ctx.options.as ?? ctx.io.env.ALUMNI_ACTOR;
  const session = async (db: Kysely<DB>) => ctx.session(acting || role !== 'super_admin' ? await ctx.actor(db) : null);
  const input = { ...userInput(opts), role: opts.role };
  const asksPassword = Boolean(opts.passwordStdin) || (opts.password && ctx.canPrompt);
  if (asksPassword) {
    input.mot_de_passe_hash = await checkedPassword(ctx, Boolean(opts.passwordStdin), async (db) =>
      refuseUnlessMayAdd(db, await session(db), role),
    );
  }
  const user = await ctx.withDb(async ({ db }) => addUser(db, await session(db), input));
  // The warning is said once the account exists, so a refusal is never preceded by it.
  if (opts.password && !asksPassword) ctx.out.warn(t('users.added_without_password'));
  renderRecord(ctx, user, userRecord(user), {
    success: t('users.added', { name: user.nom_complet, ref: (user.matricule ?? user.email)! }),
  });
};
