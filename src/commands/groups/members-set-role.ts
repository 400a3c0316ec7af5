import { renderRecord } from '../../cli/render.js';
import type { RoleMembre } from '../../db/schema.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { humanFields } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setMemberRole } = await import('../../services/group-members.js');
  // The <role> argument's parser (index.ts) has read it as a role.
  const [group, person, role] = args as [string, string, RoleMembre];
  const { member, changed } = await ctx.withDb(async ({ db }) => setMemberRole(db, await ctx.writeSession(db), group, person, role));
  const record = { ...member, changed };
  renderRecord(ctx, record, humanFields(record), {
    success: changed
      ? t('groups.members.role_set', { person: member.nom_complet, role: member.role_membre })
      : t('groups.members.role_unchanged'),
  });
};
