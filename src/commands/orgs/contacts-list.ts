import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { contactColumns } from './shared.js';

export const run: CommandRun<{ csv?: true; columns?: string[] }> = async (ctx, { args, opts }) => {
  const { contactsOf } = await import('../../services/org-contacts.js');
  const { contacts } = await ctx.withDb(({ db }) => contactsOf(db, args[0]!));
  await renderList(ctx, contactColumns(ctx.out.stdoutIsTTY && !opts.csv), contacts, {
    csv: opts.csv,
    columns: opts.columns,
    empty: 'orgs.contacts.empty',
  });
};
