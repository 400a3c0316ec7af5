import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { DuplicatePair } from '../../services/org-merge.js';
import type { CommandRun } from '../types.js';

const COLUMNS: Column<DuplicatePair>[] = [
  { header: 'organisation', value: (p) => `${p.a_nom} (${p.a_contacts} contacts, ${p.a_offers} offers)` },
  { header: 'likely the same as', value: (p) => `${p.b_nom} (${p.b_contacts} contacts, ${p.b_offers} offers)` },
  { header: 'why', value: (p) => p.reasons.join(', ') },
  { header: 'ids', value: (p) => `${p.a_id} ${p.b_id}` },
];

export const run: CommandRun<{ csv?: true }> = async (ctx, { opts }) => {
  const { findDuplicates } = await import('../../services/org-merge.js');
  const pairs = await ctx.withDb(({ db }) => findDuplicates(db));
  await renderList(ctx, COLUMNS, pairs, { csv: opts.csv });
  if (!ctx.out.json && pairs.length > 0) ctx.out.info('Merge a pair with: alumni orgs merge KEEP DROP (try --dry-run first).');
};
