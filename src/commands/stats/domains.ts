import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { FieldFigures } from '../../services/stats.js';
import type { CommandRun } from '../types.js';
import type { StatsDomainsOpts } from './index.js';
import { figureColumns } from './shared.js';

export const run: CommandRun<StatsDomainsOpts> = async (ctx, { opts }) => {
  const { employmentByField } = await import('../../services/stats.js');
  const range = opts.annee === undefined ? {} : { from: opts.annee, to: opts.annee };
  const fields = await ctx.withDb(({ db }) => employmentByField(db, range));
  const columns = [
    {
      header: 'domaine',
      label: 'stats.column.field' as const,
      value: (row: FieldFigures) => row.domaine ?? (opts.csv ? '' : t('stats.field.not_recorded')),
    },
    ...figureColumns<FieldFigures>(ctx, opts.csv),
  ];
  await renderList(ctx, columns, fields, { csv: opts.csv, columns: opts.columns, empty: 'stats.domains.empty' });
};
