import { confirm } from '../../cli/prompts.js';
import { renderDone } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { ContactRemoveOpts } from './index.js';

export const run: CommandRun<ContactRemoveOpts> = async (ctx, { args, opts }) => {
  const { removeContact } = await import('../../services/org-contacts.js');
  const [org, person] = args as [string, string];
  await confirm(ctx.io, t('orgs.contact_remove_confirm', { person, org }), opts.yes);
  const { wasPrincipal } = await ctx.withDb(async ({ db }) => removeContact(db, await ctx.writeSession(db), org, person));
  renderDone(
    ctx,
    { removed: true, was_principal: wasPrincipal },
    t(wasPrincipal ? 'orgs.contact_removed_principal' : 'orgs.contact_removed'),
  );
};
