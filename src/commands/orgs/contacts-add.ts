import { renderList } from '../../cli/render.js';
import type { CommandRun } from '../types.js';
import type { ContactAddOpts } from './index.js';
import { contactColumns } from './shared.js';

/** The flag of each field of a contact the services may name in a refusal. */
export const fieldFlags = {
  poste: '--poste',
  email_professionnel: '--email',
  telephone_professionnel: '--telephone',
  date_debut: '--debut',
  date_fin: '--fin',
};

export const run: CommandRun<ContactAddOpts> = async (ctx, { args, opts }) => {
  const { addContact } = await import('../../services/org-contacts.js');
  const [org, person] = args as [string, string];
  const input = {
    role: opts.role,
    principal: Boolean(opts.principal),
    poste: opts.poste,
    email: opts.email,
    telephone: opts.telephone,
    country: opts.country as never,
    debut: opts.debut,
    fin: opts.fin,
  };
  const contacts = await ctx.withDb(async ({ db }) => addContact(db, await ctx.writeSession(db), org, person, input));
  await renderList(ctx, contactColumns(ctx.out.stdoutIsTTY), contacts);
};
