import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { OrgsListOpts } from './index.js';
import { ORG_TABLE } from './shared.js';

export const run: CommandRun<OrgsListOpts> = async (ctx, { opts }) => {
  const { listOrgs } = await import('../../services/orgs.js');
  const filters = { statut: opts.statut, type: opts.type, secteur: opts.secteur, ville: opts.ville, pays: opts.pays, search: opts.search };
  const page = await ctx.withDb(({ db }) => listOrgs(db, filters, { limit: opts.limit, after: opts.after }));
  await renderList(ctx, ORG_TABLE, page.items, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'orgs.list.empty',
    page: { nextAfter: page.next_after, nextCommand: (cursor) => t('orgs.next_list', { cursor }) },
  });
};
