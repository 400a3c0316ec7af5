import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { MigrateStatusOpts } from './index.js';

interface MigrationRow {
  name: string;
  status: string;
}

const COLUMNS: Column<MigrationRow>[] = [
  { header: 'migration', label: 'migrate.label.migration', value: 'name' },
  { header: 'status', label: 'migrate.label.status', value: 'status' },
];

export const run: CommandRun<MigrateStatusOpts> = async (ctx, { opts }) => {
  const { migrationStatus } = await import('../../services/migrations.js');
  const state = await ctx.withDb((handle) => migrationStatus(handle.db), { schema: 'raw' });
  const rows = [
    ...state.applied.map((name) => ({
      name,
      status: t(state.unknown.includes(name) ? 'migrate.status.applied_unknown' : 'migrate.status.applied'),
    })),
    ...state.pending.map((name) => ({ name, status: t('migrate.status.pending') })),
  ];
  // The JSON is the schema state (version, applied, pending, unknown), as scripts read it.
  await renderList(ctx, COLUMNS, rows, { json: state, columns: opts.columns, empty: 'migrate.status.empty' });
};
