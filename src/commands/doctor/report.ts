import type { Column } from '../../cli/output.js';
import { renderList, renderRecord } from '../../cli/render.js';
import { ExitCode } from '../../errors.js';
import { formats, languageChoice, renderIn, t } from '../../i18n/messages.js';
import type { RetentionReport, TableReport } from '../../services/doctor.js';
import type { CommandRun } from '../types.js';

const TABLE_COLUMNS: Column<TableReport>[] = [
  { header: 'table', label: 'doctor.label.table', value: 'table' },
  {
    header: 'kind',
    label: 'doctor.label.kind',
    value: (r) => t(r.kind === 'table' ? 'doctor.kind.table' : 'doctor.kind.materialized_view'),
  },
  { header: 'size', label: 'doctor.label.size', value: (r) => formatBytes(r.bytes) },
  {
    header: 'rows (est.)',
    label: 'doctor.label.rows',
    value: (r) => (r.estimated_rows === null ? t('doctor.unknown_rows') : formats().integer(r.estimated_rows)),
  },
];

export const run: CommandRun = async (ctx) => {
  const { diagnose } = await import('../../services/doctor.js');
  const { auditRetention } = await import('../../cli/audit-retention.js');
  const report = await ctx.withDb((handle) => diagnose(handle, { auditRetention: auditRetention(ctx, undefined) }), { schema: 'inspect' });

  const { schema, extensions, pending_moderation: queues, retention } = report;
  const language = languageChoice();
  // The JSON: the report, its problems in English (machine output is the same in every
  // language), and the language this run chose and why (which does differ with it).
  const json = {
    ...report,
    problems: report.problems.map((problem) => renderIn('en', 'doctor.problem', problem)),
    language: { language: language.language, source: language.source, value: language.value ?? null },
  };
  renderRecord(ctx, json, [
    [t('doctor.label.database'), t('doctor.database', { location: report.database, backend: report.backend })],
    [t('doctor.label.server_version'), report.server_version],
    [t('doctor.label.schema_version'), schema.version ?? t('doctor.schema_empty')],
    [t('doctor.label.pending_migrations'), schema.pending.length ? schema.pending.join(', ') : t('doctor.none')],
    [
      t('doctor.label.pg_cron'),
      t(
        extensions.pg_cron_installed
          ? 'doctor.pg_cron.installed'
          : extensions.pg_cron_available
            ? 'doctor.pg_cron.available'
            : 'doctor.pg_cron.unavailable',
      ),
    ],
    // A time: local on a terminal, ISO 8601 with its offset off one.
    [t('doctor.label.stats_refreshed'), report.stats_refreshed_at ?? t('doctor.never')],
    [
      t('doctor.label.pending_moderation'),
      queues
        ? t('doctor.moderation', { formations: queues.formations, groups: queues.groups, orgs: queues.orgs })
        : t('doctor.not_applicable'),
    ],
    ...retentionFields(retention),
    [
      t('doctor.label.language'),
      t('doctor.language', { language: language.language, source: language.source, value: language.value ?? null }),
    ],
  ]);
  // The JSON above holds the tables already.
  if (!ctx.out.json && report.tables.length > 0) await renderList(ctx, TABLE_COLUMNS, report.tables);
  for (const problem of report.problems) ctx.out.warn(t('doctor.problem', problem));
  if (report.problems.length > 0) return ExitCode.failure;
  if (!ctx.out.json) ctx.out.success(t('doctor.healthy'));
};

/** The three retention rules side by side (README, "Retention"). */
function retentionFields(retention: RetentionReport | null): Array<[string, unknown]> {
  if (!retention) return [[t('doctor.label.retention'), t('doctor.not_applicable')]];
  const { dateTime } = formats();
  const when = (date: Date | null) => (date ? dateTime(date) : null);
  const { audit_log: audit, message, import_run: ledger } = retention;
  return [
    [
      t('doctor.label.audit_retention'),
      t('doctor.audit_retention', {
        retention: intervalText(audit.retention),
        entries: audit.entries,
        past: audit.past_retention,
        oldest: when(audit.oldest),
      }),
    ],
    [
      t('doctor.label.message_deletion'),
      t('doctor.message_deletion', {
        dated: message.with_deletion_date,
        due: message.due,
        next: when(message.next_deletion),
      }),
    ],
    [t('doctor.label.import_ledger'), t('doctor.import_ledger', { runs: ledger.runs, oldest: when(ledger.oldest) })],
  ];
}

/** A retention interval ("365 days", as PostgreSQL reads it) in the run's language. */
function intervalText(interval: string): string {
  const match = /^(\d+) (minutes|hours|days|weeks|months|years)$/.exec(interval);
  if (!match) return interval;
  return t('doctor.interval', { amount: Number(match[1]), unit: match[2] as IntervalUnit });
}
type IntervalUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return t('doctor.size', {
    value: unit === 0 ? formats().integer(value) : formats().decimal(Number(value.toFixed(1)), 1),
    unit: units[unit]!,
  });
}
