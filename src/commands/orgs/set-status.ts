import type { StatutOrganisation } from '../../db/schema.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setOrgStatus } = await import('../../services/org-writes.js');
  const [ref, statut] = args as [string, StatutOrganisation];
  const { org, changed } = await ctx.withDb(async ({ db }) => setOrgStatus(db, await ctx.writeSession(db), ref, statut));
  if (ctx.out.json) ctx.out.writeJson({ ...org, changed });
  else ctx.out.success(changed ? `${org.nom_organisation} is now ${org.statut}.` : `${org.nom_organisation} was ${org.statut} already.`);
};
