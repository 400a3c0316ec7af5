import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { checkedPassword, userInput } from './fields.js';
import type { UsersUpdateOpts } from './index.js';
import { userRecord } from './shared.js';

export { fieldFlags } from './fields.js';

export const run: CommandRun<UsersUpdateOpts> = async (ctx, { args, opts }) => {
  const { changesOf, refuseUnlessMayChange, updateUser } = await import('../../services/user-writes.js');
  const ref = args[0]!;
  const fields = userInput(opts);
  if (opts.passwordStdin) {
    fields.mot_de_passe_hash = await checkedPassword(ctx, true, async (db) =>
      refuseUnlessMayChange(db, await ctx.writeSession(db), ref, ['password', ...changesOf(fields)]),
    );
  }
  const result = await ctx.withDb(async ({ db }) => updateUser(db, await ctx.writeSession(db), { ref, fields }));
  renderRecord(ctx, result.user, userRecord(result.user), { success: t(result.changed ? 'users.updated' : 'users.update_unchanged') });
};
