import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx, { args }) => {
  const { makeMigration } = await import('../../services/migrations.js');
  const files = makeMigration(args[0]!);
  if (ctx.out.json) ctx.out.writeJson({ files });
  else for (const file of files) ctx.out.line(file);
};
