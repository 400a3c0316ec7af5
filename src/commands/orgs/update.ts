import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { OrgsUpdateOpts } from './index.js';
import { orgInput } from './shared.js';

export const run: CommandRun<OrgsUpdateOpts> = async (ctx, { args, opts }) => {
  const { updateOrg } = await import('../../services/org-writes.js');
  const { org, changed } = await ctx.withDb(async ({ db }) => updateOrg(db, await ctx.writeSession(db), args[0]!, orgInput(opts)));
  renderRecord(ctx, org);
  if (!ctx.out.json) ctx.out.info(changed ? `Updated ${org.nom_organisation}.` : `${org.nom_organisation}: nothing changed.`);
};
