import type { Context } from '../../context.js';

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
    ctx.out.info(`Nothing to do: the schema is at ${outcome.state.version ?? 'no version (empty)'}.`);
    return;
  }
  for (const step of outcome.steps) {
    ctx.out.success(`${step.direction === 'Up' ? 'Applied' : 'Reverted'} ${step.name}`);
  }
  ctx.out.info(`Schema version: ${outcome.state.version ?? 'none'}.`);
}
