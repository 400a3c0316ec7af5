import type { StatutOrganisation } from '../../db/schema.js';
import { renderDone } from '../../cli/render.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { setOrgStatus } = await import('../../services/org-writes.js');
  const [ref, statut] = args as [string, StatutOrganisation];
  const { org, changed } = await ctx.withDb(async ({ db }) => setOrgStatus(db, await ctx.writeSession(db), ref, statut));
  const said = { name: org.nom_organisation, state: org.statut };
  renderDone(ctx, { ...org, changed }, changed ? t('orgs.status_now', said) : t('orgs.status_already', said));
};
