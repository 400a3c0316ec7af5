import { renderRecord } from '../../cli/render.js';
import type { RoleMembre } from '../../db/schema.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setMemberRole } = await import('../../services/group-members.js');
  // The <role> argument's parser (index.ts) has read it as a role.
  const [group, person, role] = args as [string, string, RoleMembre];
  const { member, changed } = await ctx.withDb(async ({ db }) => setMemberRole(db, await ctx.writeSession(db), group, person, role));
  renderRecord(ctx, { ...member, changed });
  if (!ctx.out.json) ctx.out.success(changed ? `${member.nom_complet} is now ${member.role_membre}.` : 'Already so: nothing changed.');
};
