import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import { ERASED_ACTOR, type AuditEntry } from '../../services/audit.js';
import type { CommandRun } from '../types.js';
import type { AuditListOpts } from './index.js';

/** CSV: machine values (ISO timestamps, `system` for the system), the same in every language. */
const CSV_COLUMNS: Column<AuditEntry>[] = [
  { header: 'created_at', value: 'created_at' },
  { header: 'table', value: 'table_name' },
  { header: 'action', value: 'action' },
  { header: 'by', value: (e) => e.acteur ?? e.utilisateur_id ?? 'system' },
  { header: 'user agent', value: 'user_agent' },
  { header: 'id', value: 'id' },
];

/**
 * The table a person reads: words in the run's language, times local (the view writes
 * them: ISO 8601 with the offset off a terminal). The user agent on demand (`--columns`),
 * so that a row fits 80 columns; the id last, as `audit show ID` takes it.
 */
const TABLE_COLUMNS: Column<AuditEntry>[] = [
  { header: 'created_at', label: 'audit.label.created_at', value: 'created_at' },
  { header: 'table', label: 'audit.label.table', value: 'table_name' },
  { header: 'action', label: 'audit.label.action', value: 'action' },
  { header: 'by', label: 'audit.label.by', value: (e) => actorText(e) },
  { header: 'user agent', label: 'audit.label.user_agent', value: 'user_agent', hidden: true },
  { header: 'id', label: 'audit.label.id', value: 'id' },
];

/** Who made a change, for a person: the account, "(erased)" or "system" in the run's language. */
export function actorText(entry: AuditEntry): string {
  if (entry.acteur === ERASED_ACTOR) return t('audit.erased');
  return entry.acteur ?? entry.utilisateur_id ?? t('audit.system');
}

export const run: CommandRun<AuditListOpts> = async (ctx, { opts }) => {
  const { listAudit } = await import('../../services/audit.js');
  const entries = await ctx.withDb(({ db }) =>
    listAudit(db, { table: opts.table, actor: opts.actor, action: opts.action, since: opts.since, importId: opts.import }, opts.limit),
  );
  await renderList(ctx, opts.csv ? CSV_COLUMNS : TABLE_COLUMNS, entries, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'audit.list.empty',
  });
};
