import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { MessageView } from '../../services/group-messages.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import { when, yesNo } from './shared.js';
import type { MessagesListOpts } from './index.js';

export const run: CommandRun<MessagesListOpts> = async (ctx, { args, opts }) => {
  const { listMessages } = await import('../../services/group-messages.js');
  const group = args[0]!;
  const filters = { since: opts.since, until: opts.until, author: opts.author, includeDeleted: Boolean(opts.includeDeleted) };
  const page = await ctx.withDb(({ db }) => listMessages(db, group, filters, { limit: opts.limit, after: opts.after }));
  // On a terminal a long message is cut to a line; CSV and JSON keep it whole.
  const text = (m: MessageView) => (opts.csv || !m.texte || m.texte.length <= 80 ? m.texte : `${m.texte.slice(0, 79)}…`);
  // A table says when and yes/no as a person reads them; CSV keeps the machine values.
  const csv = Boolean(opts.csv);
  const columns: Column<MessageView>[] = [
    { header: 'created_at', label: 'groups.label.written', value: csv ? 'created_at' : (m) => when(m.created_at) },
    { header: 'auteur', label: 'groups.label.author', value: 'auteur' },
    { header: 'texte', label: 'groups.label.text', value: text },
    { header: 'fichier_url', label: 'groups.label.file', value: 'fichier_url' },
    ...(filters.includeDeleted
      ? ([
          { header: 'est_supprime', label: 'groups.label.deleted', value: csv ? 'est_supprime' : (m) => yesNo(m.est_supprime) },
        ] satisfies Column<MessageView>[])
      : []),
    { header: 'id', label: 'groups.label.id', value: 'id' },
  ];
  await renderList(ctx, columns, page.items, {
    csv: opts.csv,
    page: {
      nextAfter: page.next_after,
      nextCommand: (cursor) =>
        t('groups.same_filters', { command: `alumni groups messages list ${JSON.stringify(group)} --after ${cursor}` }),
    },
  });
};
