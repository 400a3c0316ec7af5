import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import { formats, t } from '../../i18n/messages.js';
import { DUPLICATE_REASONS, type DuplicatePair } from '../../services/org-merge.js';
import type { CommandRun } from '../types.js';

/** CSV: the same cells in every language (machine output). */
const CSV_COLUMNS: Column<DuplicatePair>[] = [
  { header: 'organisation', value: (p) => `${p.a_nom} (${p.a_contacts} contacts, ${p.a_offers} offers)` },
  { header: 'likely the same as', value: (p) => `${p.b_nom} (${p.b_contacts} contacts, ${p.b_offers} offers)` },
  { header: 'why', value: (p) => p.reasons.join(', ') },
  { header: 'ids', value: (p) => `${p.a_id} ${p.b_id}` },
];

/** A reason as the catalog says it (the service's words are stable machine values). */
function reason(text: string): string {
  if (text === DUPLICATE_REASONS.sameWeb) return t('orgs.reason.same_web');
  if (text === DUPLICATE_REASONS.sameMail) return t('orgs.reason.same_mail');
  if (text === DUPLICATE_REASONS.sameName) return t('orgs.reason.same_name');
  const similar = new RegExp(`^${DUPLICATE_REASONS.similarNames} \\((.*)\\)$`).exec(text);
  if (similar) return t('orgs.reason.similar_names', { similarity: formats().decimal(Number(similar[1])) });
  return text;
}

/**
 * A table: the people's words, in the run's language; the two ids last (the pair's names
 * may be the same, and `orgs merge KEEP DROP` takes the ids): cut first when short of room.
 */
const TABLE_COLUMNS: Column<DuplicatePair>[] = [
  {
    header: 'organisation',
    label: 'orgs.duplicates.organisation',
    value: (p) => t('orgs.duplicate_cell', { name: p.a_nom, contacts: p.a_contacts, offers: p.a_offers }),
  },
  {
    header: 'likely the same as',
    label: 'orgs.duplicates.same_as',
    value: (p) => t('orgs.duplicate_cell', { name: p.b_nom, contacts: p.b_contacts, offers: p.b_offers }),
  },
  { header: 'why', label: 'orgs.duplicates.why', value: (p) => formats().list(p.reasons.map(reason)) },
  { header: 'ids', label: 'orgs.duplicates.ids', value: (p) => `${p.a_id} ${p.b_id}` },
];

export const run: CommandRun<{ csv?: true; columns?: string[] }> = async (ctx, { opts }) => {
  const { findDuplicates } = await import('../../services/org-merge.js');
  const pairs = await ctx.withDb(({ db }) => findDuplicates(db));
  await renderList(ctx, opts.csv ? CSV_COLUMNS : TABLE_COLUMNS, pairs, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'orgs.duplicates.empty',
    notes: pairs.length > 0 ? [t('orgs.duplicates_hint')] : [],
  });
};
