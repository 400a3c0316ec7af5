import type { Column } from '../../cli/output.js';
import { renderList } from '../../cli/render.js';
import type { MessageView } from '../../services/group-messages.js';
import type { CommandRun } from '../types.js';
import type { MessagesListOpts } from './index.js';

export const run: CommandRun<MessagesListOpts> = async (ctx, { args, opts }) => {
  const { listMessages } = await import('../../services/group-messages.js');
  const group = args[0]!;
  const filters = { since: opts.since, until: opts.until, author: opts.author, includeDeleted: Boolean(opts.includeDeleted) };
  const page = await ctx.withDb(({ db }) => listMessages(db, group, filters, { limit: opts.limit, after: opts.after }));
  // On a terminal a long message is cut to a line; CSV and JSON keep it whole.
  const text = (m: MessageView) => (opts.csv || !m.texte || m.texte.length <= 80 ? m.texte : `${m.texte.slice(0, 79)}…`);
  const columns: Column<MessageView>[] = [
    { header: 'created_at', value: 'created_at' },
    { header: 'auteur', value: 'auteur' },
    { header: 'texte', value: text },
    { header: 'fichier_url', value: 'fichier_url' },
    ...(filters.includeDeleted ? [{ header: 'est_supprime', value: 'est_supprime' } as const] : []),
    { header: 'id', value: 'id' },
  ];
  await renderList(ctx, columns, page.items, {
    csv: opts.csv,
    page: {
      nextAfter: page.next_after,
      nextCommand: (cursor) => `alumni groups messages list ${JSON.stringify(group)} --after ${cursor} (same filters)`,
    },
  });
};
