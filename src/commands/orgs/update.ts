import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { OrgsUpdateOpts } from './index.js';
import { ORG_FIELD_FLAGS, orgFields, orgInput } from './shared.js';

export const fieldFlags = ORG_FIELD_FLAGS;

export const run: CommandRun<OrgsUpdateOpts> = async (ctx, { args, opts }) => {
  const { updateOrg } = await import('../../services/org-writes.js');
  const { org, changed } = await ctx.withDb(async ({ db }) => updateOrg(db, await ctx.writeSession(db), args[0]!, orgInput(opts)));
  const said = { name: org.nom_organisation };
  renderRecord(
    ctx,
    org,
    orgFields(org, ctx.out.stdoutIsTTY),
    changed ? { success: t('orgs.updated', said) } : { notes: [t('orgs.unchanged', said)] },
  );
};
