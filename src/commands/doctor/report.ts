import type { Column } from '../../cli/output.js';
import { renderList, renderRecord } from '../../cli/render.js';
import { ExitCode } from '../../errors.js';
import type { RetentionReport, TableReport } from '../../services/doctor.js';
import type { CommandRun } from '../types.js';

const TABLE_COLUMNS: Column<TableReport>[] = [
  { header: 'table', value: 'table' },
  { header: 'kind', value: 'kind' },
  { header: 'size', value: (t) => formatBytes(t.bytes) },
  { header: 'rows (est.)', value: (t) => t.estimated_rows ?? '?' },
];

export const run: CommandRun = async (ctx) => {
  const { diagnose } = await import('../../services/doctor.js');
  const { auditRetention } = await import('../../cli/audit-retention.js');
  const report = await ctx.withDb((handle) => diagnose(handle, { auditRetention: auditRetention(ctx, undefined) }), { schema: 'inspect' });

  const { schema, extensions, pending_moderation: queues, retention } = report;
  renderRecord(ctx, report, [
    ['Database', `${report.database} (${report.backend === 'server' ? 'PostgreSQL server' : 'embedded PGlite'})`],
    ['Server version', report.server_version],
    ['Schema version', schema.version ?? 'none (empty database)'],
    ['Pending migrations', schema.pending.length ? schema.pending.join(', ') : 'none'],
    ['pg_cron', extensions.pg_cron_installed ? 'installed' : extensions.pg_cron_available ? 'available, not installed' : 'not available'],
    ['Statistics refreshed', report.stats_refreshed_at ?? 'never'],
    ['Pending moderation', queues ? `formations ${queues.formations}, groups ${queues.groups}, orgs ${queues.orgs}` : 'n/a'],
    ...retentionFields(retention),
  ]);
  // The JSON above holds the tables already.
  if (!ctx.out.json && report.tables.length > 0) await renderList(ctx, TABLE_COLUMNS, report.tables);
  for (const problem of report.problems) ctx.out.warn(problem);
  if (report.problems.length > 0) return ExitCode.failure;
  if (!ctx.out.json) ctx.out.success('The database is healthy.');
};

/** The three retention rules side by side (README, "Retention"). */
function retentionFields(retention: RetentionReport | null): Array<[string, unknown]> {
  if (!retention) return [['Retention', 'n/a']];
  const { audit_log: audit, message, import_run: ledger } = retention;
  return [
    [
      'Audit retention',
      `${audit.retention} (purge-audit): ${audit.entries} entries, ${audit.past_retention} past it, oldest ${audit.oldest?.toISOString() ?? 'none'}`,
    ],
    [
      'Message deletion',
      `at date_suppression_auto (purge-messages): ${message.with_deletion_date} dated, ${message.due} due, next ${message.next_deletion?.toISOString() ?? 'none'}`,
    ],
    ['Import ledger', `kept: ${ledger.runs} runs, oldest ${ledger.oldest?.toISOString() ?? 'none'}`],
  ];
}

function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
