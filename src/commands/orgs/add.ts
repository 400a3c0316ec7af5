import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { OrgsAddOpts } from './index.js';
import { orgInput } from './shared.js';

export const run: CommandRun<OrgsAddOpts> = async (ctx, { opts }) => {
  const { addOrg } = await import('../../services/org-writes.js');
  const org = await ctx.withDb(async ({ db }) => addOrg(db, await ctx.writeSession(db), orgInput(opts)));
  renderRecord(ctx, org);
  if (!ctx.out.json) ctx.out.success(`Added ${org.nom_organisation} (${org.statut}).`);
};
