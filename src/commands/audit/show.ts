import { renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { actorText } from './list.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { showAudit } = await import('../../services/audit.js');
  const entry = await ctx.withDb(({ db }) => showAudit(db, args[0]!));
  renderRecord(ctx, entry, [
    [t('audit.label.id'), entry.id],
    [t('audit.label.created_at'), entry.created_at],
    [t('audit.label.table'), entry.table_name],
    [t('audit.label.action'), entry.action],
    [t('audit.label.by'), actorText(entry)],
    [t('audit.label.user_agent'), entry.user_agent],
    [t('audit.label.ip_address'), entry.ip_address],
    [t('audit.label.before'), entry.ancien_data === null ? '' : JSON.stringify(entry.ancien_data, null, 2)],
    [t('audit.label.after'), entry.nouveau_data === null ? '' : JSON.stringify(entry.nouveau_data, null, 2)],
  ]);
};
