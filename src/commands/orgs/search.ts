import { boldMarks, type Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { OrgHit } from '../../services/orgs.js';
import type { CommandRun } from '../types.js';
import type { OrgsSearchOpts } from './index.js';

export const run: CommandRun<OrgsSearchOpts> = async (ctx, { args, opts }) => {
  const { searchOrgs } = await import('../../services/orgs.js');
  const text = args[0]!;
  const page = await ctx.withDb(({ db }) => searchOrgs(db, text, { limit: opts.limit, after: opts.after }));
  const columns: Column<OrgHit>[] = [
    { header: 'nom_organisation', label: 'orgs.field.nom_organisation', value: 'nom_organisation' },
    { header: 'ville', label: 'orgs.field.ville', value: 'ville' },
    { header: 'statut', label: 'orgs.field.statut', value: 'statut' },
    // The excerpt's «marks» become bold in the table.
    { header: 'excerpt', label: 'orgs.field.excerpt', value: 'excerpt', paint: boldMarks },
    // A person names an organisation by its name: the id on demand (`--columns`).
    { header: 'id', label: 'orgs.field.id', value: 'id', hidden: true },
  ];
  await renderList(ctx, columns, page.items, {
    csv: opts.csv,
    columns: opts.columns,
    emptyText: t('orgs.search_none', { text }),
    page: { nextAfter: page.next_after, nextCommand: (cursor) => `alumni orgs search ${JSON.stringify(text)} --after ${cursor}` },
  });
};
