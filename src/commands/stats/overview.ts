import type { Column } from '../../cli/output.js';
import type { CommandRun } from '../types.js';

interface Line {
  of: string;
  by: string;
  value: string;
  count: number;
}

const COLUMNS: Column<Line>[] = [
  { header: 'of', value: 'of' },
  { header: 'by', value: 'by' },
  { header: 'value', value: 'value' },
  { header: 'count', value: 'count' },
];

/** The overview's nested counts as table lines: utilisateur / statut / etudiant / 12. */
function lines(tree: object, path: string[] = []): Line[] {
  return Object.entries(tree).flatMap(([key, value]): Line[] => {
    if (value instanceof Date) return [];
    if (typeof value !== 'number') return lines(value as object, [...path, key]);
    const [of = key, ...by] = path;
    return [{ of, by: by.join(' '), value: path.length ? key : '', count: value }];
  });
}

export const run: CommandRun = async (ctx) => {
  const { overview, OVERVIEW_DAYS } = await import('../../services/stats-overview.js');
  const counts = await ctx.withDb(({ db }) => overview(db));
  if (ctx.out.json) {
    ctx.out.writeJson(counts);
    return;
  }
  await ctx.out.writeTable(COLUMNS, lines(counts));
  ctx.out.info(`import_run and job_run: the last ${OVERVIEW_DAYS} days (since ${counts.since.toISOString()}).`);
};
