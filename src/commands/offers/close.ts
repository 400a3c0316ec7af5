import { ExitCode } from '../../errors.js';
import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { closeOffers } = await import('../../services/offer-writes.js');
  const result = await ctx.withDb(async ({ db }) => closeOffers(db, await ctx.writeSession(db), args));
  if (ctx.out.json) ctx.out.writeJson(result);
  else {
    for (const o of result.outcomes) {
      if (o.changed) ctx.out.success(`${o.type} ${o.titre} (${o.id}) is now pourvue.`);
      else ctx.out.warn(`${o.type} ${o.titre} (${o.id}) was pourvue already: not written again.`);
    }
    ctx.out.info(`${result.closed} closed, ${result.skipped} skipped.`);
  }
  return result.skipped > 0 ? ExitCode.rejected : ExitCode.ok;
};
