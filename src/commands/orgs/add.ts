import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { OrgsAddOpts } from './index.js';
import { ORG_FIELD_FLAGS, orgFields, orgInput } from './shared.js';

export const fieldFlags = ORG_FIELD_FLAGS;

export const run: CommandRun<OrgsAddOpts> = async (ctx, { opts }) => {
  const { addOrg } = await import('../../services/org-writes.js');
  const org = await ctx.withDb(async ({ db }) => addOrg(db, await ctx.writeSession(db), orgInput(opts)));
  renderRecord(ctx, org, orgFields(org, ctx.out.stdoutIsTTY), {
    success: t('orgs.added', { name: org.nom_organisation, state: org.statut }),
  });
};
