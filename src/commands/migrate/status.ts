import type { Column } from '../../cli/output.js';
import { renderList, renderRecord } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';

interface MigrationRow {
  name: string;
  status: string;
}

const COLUMNS: Column<MigrationRow>[] = [
  { header: 'migration', label: 'migrate.label.migration', value: 'name' },
  { header: 'status', label: 'migrate.label.status', value: 'status' },
];

export const run: CommandRun = async (ctx) => {
  const { migrationStatus } = await import('../../services/migrations.js');
  const state = await ctx.withDb((handle) => migrationStatus(handle.db), { schema: 'raw' });
  // The JSON is the schema state (version, applied, pending, unknown), as scripts read it.
  if (ctx.out.json) return renderRecord(ctx, state);
  const rows = [
    ...state.applied.map((name) => ({
      name,
      status: t(state.unknown.includes(name) ? 'migrate.status.applied_unknown' : 'migrate.status.applied'),
    })),
    ...state.pending.map((name) => ({ name, status: t('migrate.status.pending') })),
  ];
  await renderList(ctx, COLUMNS, rows);
};
