import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { MessageView } from '../../services/group-messages.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { MessagesListOpts } from './index.js';

/**
 * When, who, what (cut to the terminal's width by the table, whole off a terminal and in
 * CSV and JSON), and the id last: `groups messages delete` takes it. The attached file's
 * address on demand (`--columns`).
 */
function messageColumns(includeDeleted: boolean): Column<MessageView>[] {
  return [
    { header: 'created_at', label: 'groups.label.written', value: 'created_at' },
    { header: 'auteur', label: 'groups.label.author', value: 'auteur' },
    { header: 'texte', label: 'groups.label.text', value: 'texte' },
    { header: 'fichier_url', label: 'groups.label.file', value: 'fichier_url', hidden: true },
    ...(includeDeleted
      ? ([{ header: 'est_supprime', label: 'groups.label.deleted', value: 'est_supprime' }] satisfies Column<MessageView>[])
      : []),
    { header: 'id', label: 'groups.label.id', value: 'id' },
  ];
}

export const run: CommandRun<MessagesListOpts> = async (ctx, { args, opts }) => {
  const { listMessages } = await import('../../services/group-messages.js');
  const group = args[0]!;
  const filters = { since: opts.since, until: opts.until, author: opts.author, includeDeleted: Boolean(opts.includeDeleted) };
  const page = await ctx.withDb(({ db }) => listMessages(db, group, filters, { limit: opts.limit, after: opts.after }));
  await renderList(ctx, messageColumns(filters.includeDeleted), page.items, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'groups.messages.empty',
    page: {
      nextAfter: page.next_after,
      nextCommand: (cursor) =>
        t('groups.same_filters', { command: `alumni groups messages list ${JSON.stringify(group)} --after ${cursor}` }),
    },
  });
};
