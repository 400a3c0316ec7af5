import type { CommandRun } from '../types.js';
import { parseLimit } from '../users/shared.js';

interface AuditFlags {
  table?: string;
  actor?: string;
  action?: string;
  since?: string;
  import?: string;
  limit?: string;
  csv?: boolean;
}

export const run: CommandRun<AuditFlags> = async (ctx, { opts }) => {
  const { listAudit } = await import('../../services/audit.js');
  const entries = await ctx.withDb(({ db }) =>
    listAudit(db, { table: opts.table, actor: opts.actor, action: opts.action, since: opts.since, importId: opts.import }, parseLimit(opts.limit, 50)),
  );
  if (ctx.out.json) return ctx.out.writeJson(entries);
  const columns = [
    { header: 'created_at', value: 'created_at' as const },
    { header: 'table', value: 'table_name' as const },
    { header: 'action', value: 'action' as const },
    { header: 'by', value: (e: (typeof entries)[number]) => e.acteur ?? (e.utilisateur_id ? e.utilisateur_id : 'system') },
    { header: 'user agent', value: 'user_agent' as const },
    { header: 'id', value: 'id' as const },
  ];
  if (opts.csv) await ctx.out.writeCsv(columns, entries);
  else await ctx.out.writeTable(columns, entries);
};
