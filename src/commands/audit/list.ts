import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { AuditEntry } from '../../services/audit.js';
import type { CommandRun } from '../types.js';
import type { AuditListOpts } from './index.js';

const COLUMNS: Column<AuditEntry>[] = [
  { header: 'created_at', value: 'created_at' },
  { header: 'table', value: 'table_name' },
  { header: 'action', value: 'action' },
  { header: 'by', value: (e) => e.acteur ?? e.utilisateur_id ?? 'system' },
  { header: 'user agent', value: 'user_agent' },
  { header: 'id', value: 'id' },
];

export const run: CommandRun<AuditListOpts> = async (ctx, { opts }) => {
  const { listAudit } = await import('../../services/audit.js');
  const entries = await ctx.withDb(({ db }) =>
    listAudit(db, { table: opts.table, actor: opts.actor, action: opts.action, since: opts.since, importId: opts.import }, opts.limit),
  );
  await renderList(ctx, COLUMNS, entries, { csv: opts.csv });
};
