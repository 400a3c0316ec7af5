import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { OrgsUpdateOpts } from './index.js';
import { ORG_FIELD_FLAGS, orgFields, orgInput } from './shared.js';

export const fieldFlags = ORG_FIELD_FLAGS;

export const run: CommandRun<OrgsUpdateOpts> = async (ctx, { args, opts }) => {
  const { updateOrg } = await import('../../services/org-writes.js');
  const { org, changed } = await ctx.withDb(async ({ db }) => updateOrg(db, await ctx.writeSession(db), args[0]!, orgInput(opts)));
  renderRecord(ctx, org, orgFields(org));
  if (!ctx.out.json)
    ctx.out.info(changed ? t('orgs.updated', { name: org.nom_organisation }) : t('orgs.unchanged', { name: org.nom_organisation }));
};
