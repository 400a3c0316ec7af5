import { renderList } from '../../cli/render.js';
import { AlumniError, LockHeldError, problem } from '../../errors.js';
import type { YearFigures } from '../../services/stats.js';
import type { CommandRun } from '../types.js';
import type { StatsEmploymentOpts } from './index.js';
import { figureColumns, refreshedLine, yearRange } from './shared.js';

export const run: CommandRun<StatsEmploymentOpts> = async (ctx, { opts }) => {
  const range = yearRange(opts);
  const { employmentByYear } = await import('../../services/stats.js');
  const figures = await ctx.withDb(async ({ db }) => {
    if (opts.refresh) {
      // The job itself, through the jobs service: its lock and its recorded run.
      const { runJob } = await import('../../services/jobs.js');
      const refresh = await runJob(db, 'refresh-stats', `${ctx.userAgent} refresh-stats`);
      if (refresh.status === 'locked') {
        throw new LockHeldError(problem('stats.refresh_locked'));
      }
      if (refresh.status === 'failed') throw new AlumniError(problem('stats.refresh_failed', { error: refresh.error ?? null }));
    }
    return employmentByYear(db, range);
  });

  const columns = [
    { header: 'annee_sortie', label: 'stats.column.year' as const, value: 'annee_sortie' as const },
    ...figureColumns<YearFigures>(ctx, opts.csv),
  ];
  // The JSON is the figures with the time they were computed; a person reads that time after the rows.
  await renderList(ctx, columns, figures.items, {
    csv: opts.csv,
    columns: opts.columns,
    json: figures,
    empty: 'stats.employment.empty',
    notes: [refreshedLine(figures.refreshed_at)],
  });
};
