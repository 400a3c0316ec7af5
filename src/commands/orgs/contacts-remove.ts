import { confirm } from '../../cli/prompts.js';
import type { CommandRun } from '../types.js';
import type { ContactRemoveOpts } from './index.js';

export const run: CommandRun<ContactRemoveOpts> = async (ctx, { args, opts }) => {
  const { removeContact } = await import('../../services/org-contacts.js');
  const [org, person] = args as [string, string];
  await confirm(ctx.io, `Remove ${person} from the contacts of ${org}?`, opts.yes);
  const { wasPrincipal } = await ctx.withDb(async ({ db }) => removeContact(db, await ctx.writeSession(db), org, person));
  if (ctx.out.json) ctx.out.writeJson({ removed: true, was_principal: wasPrincipal });
  else ctx.out.success(`Removed${wasPrincipal ? ' (it was the principal contact: the organisation has none now)' : ''}.`);
};
