import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import { contactColumns } from './shared.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setPrincipal } = await import('../../services/org-contacts.js');
  const [org, person] = args as [string, string];
  const { contacts } = await ctx.withDb(async ({ db }) => setPrincipal(db, await ctx.writeSession(db), org, person));
  await renderList(ctx, contactColumns(ctx.out.stdoutIsTTY), contacts);
};
