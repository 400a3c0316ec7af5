import type { Context } from '../../context.js';
import { renderDone } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';

/** `migrate latest|up|down`: the database as it is, migrated in one direction. */
export async function runMigration(ctx: Context, direction: 'latest' | 'up' | 'down'): Promise<void> {
  const service = await import('../../services/migrations.js');
  const migrate = { latest: service.migrateToLatest, up: service.migrateUp, down: service.migrateDown }[direction];
  const outcome = await ctx.withDb((handle) => migrate(handle.db), { schema: 'raw' });
  const { steps, state } = outcome;
  renderDone(
    ctx,
    { applied: steps, version: state.version, pending: state.pending },
    steps.length === 0
      ? t('migrate.nothing_to_do', { version: state.version })
      : t('migrate.done', { names: steps.map((step) => step.name), up: steps[0]!.direction === 'Up', version: state.version }),
  );
}
