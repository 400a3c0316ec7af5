import { confirm } from '../../cli/prompts.js';
import type { CommandRun } from '../types.js';
import type { OrgsMergeOpts } from './index.js';

export const run: CommandRun<OrgsMergeOpts> = async (ctx, { args, opts }) => {
  const { mergeOrgs } = await import('../../services/org-merge.js');
  const [keep, drop] = args as [string, string];
  const dryRun = Boolean(opts.dryRun);
  if (!dryRun) await confirm(ctx.io, `Merge "${drop}" into "${keep}" (its contacts and offers move, it becomes inactive)?`, opts.yes);
  const report = await ctx.withDb(async ({ db }) => mergeOrgs(db, await ctx.writeSession(db), keep, drop, dryRun));
  if (ctx.out.json) return ctx.out.writeJson(report);
  const o = report.offers_moved;
  ctx.out.writeFields([
    ['kept', `${report.keep.label} [${report.keep.id}]`],
    ['merged', `${report.drop.label} [${report.drop.id}]${dryRun ? '' : ', now inactive'}`],
    ['contacts moved', report.contacts_moved],
    ['contacts already there', report.contacts_already_there],
    ['principal contact', report.principal ?? '(none)'],
    ['offers moved', `stage ${o.stage}, formation ${o.formation}, emploi ${o.emploi}`],
  ]);
  if (dryRun) ctx.out.info('Dry run: nothing was changed.');
};
