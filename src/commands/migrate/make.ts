import { renderLines } from '../../cli/render.js';
import type { CommandRun } from '../types.js';

/** The files made, one per line (for an editor: `$EDITOR $(alumni migrate make x)`), or as JSON. */
export const run: CommandRun = async (ctx, { args }) => {
  const { makeMigration } = await import('../../services/migrations.js');
  const files = makeMigration(args[0]!);
  renderLines(ctx, { files }, files);
};
