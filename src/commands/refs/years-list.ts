import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { RefsYearsListOpts } from './index.js';
import { yearTable } from './shared.js';

export const run: CommandRun<RefsYearsListOpts> = async (ctx, { opts }) => {
  const { listYears } = await import('../../services/references.js');
  const years = await ctx.withDb(({ db }) => listYears(db));
  await renderList(ctx, yearTable(ctx.out.stdoutIsTTY && !opts.csv), years, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'refs.years.empty',
  });
};
