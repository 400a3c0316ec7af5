import { confirm } from '../../cli/prompts.js';
import { renderRecord } from '../../cli/render.js';
import { formats, t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { OrgsMergeOpts } from './index.js';

export const run: CommandRun<OrgsMergeOpts> = async (ctx, { args, opts }) => {
  const { mergeOrgs } = await import('../../services/org-merge.js');
  const [keep, drop] = args as [string, string];
  const dryRun = Boolean(opts.dryRun);
  if (!dryRun) await confirm(ctx.io, t('orgs.merge_confirm', { keep, drop }), opts.yes);
  const report = await ctx.withDb(async ({ db }) => mergeOrgs(db, await ctx.writeSession(db), keep, drop, dryRun));
  const o = report.offers_moved;
  const merged = `${report.drop.label} [${report.drop.id}]`;
  const count = formats().integer;
  renderRecord(
    ctx,
    report,
    [
      [t('orgs.merge.kept'), `${report.keep.label} [${report.keep.id}]`],
      [t('orgs.merge.merged'), dryRun ? merged : t('orgs.merge.now_inactive', { org: merged })],
      [t('orgs.merge.contacts_moved'), count(report.contacts_moved)],
      [t('orgs.merge.contacts_already_there'), count(report.contacts_already_there)],
      [t('orgs.merge.principal'), report.principal ?? t('orgs.none')],
      [t('orgs.merge.offers_moved'), t('orgs.merge.offers', o)],
    ],
    { notes: dryRun ? [t('orgs.dry_run')] : [] },
  );
};
