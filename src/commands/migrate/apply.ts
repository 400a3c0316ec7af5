import type { Context } from '../../context.js';
import { t } from '../../i18n/messages.js';

/** `migrate latest|up|down`: the database as it is, migrated in one direction. */
export async function runMigration(ctx: Context, direction: 'latest' | 'up' | 'down'): Promise<void> {
  const service = await import('../../services/migrations.js');
  const migrate = { latest: service.migrateToLatest, up: service.migrateUp, down: service.migrateDown }[direction];
  const outcome = await ctx.withDb((handle) => migrate(handle.db), { schema: 'raw' });

  if (ctx.out.json) {
    ctx.out.writeJson({ applied: outcome.steps, version: outcome.state.version, pending: outcome.state.pending });
    return;
  }
  if (outcome.steps.length === 0) {
    ctx.out.info(t('migrate.nothing_to_do', { version: outcome.state.version }));
    return;
  }
  for (const step of outcome.steps) {
    ctx.out.success(t(step.direction === 'Up' ? 'migrate.applied' : 'migrate.reverted', { name: step.name }));
  }
  ctx.out.info(t('migrate.version', { version: outcome.state.version }));
}
