import { renderRecord } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showAudit } = await import('../../services/audit.js');
  const entry = await ctx.withDb(({ db }) => showAudit(db, args[0]!));
  renderRecord(ctx, entry, [
    ['id', entry.id],
    ['created_at', entry.created_at],
    ['table', entry.table_name],
    ['action', entry.action],
    ['by', entry.acteur ?? entry.utilisateur_id ?? 'system'],
    ['user agent', entry.user_agent],
    ['ip address', entry.ip_address],
    ['before', entry.ancien_data === null ? '' : JSON.stringify(entry.ancien_data, null, 2)],
    ['after', entry.nouveau_data === null ? '' : JSON.stringify(entry.nouveau_data, null, 2)],
  ]);
};
