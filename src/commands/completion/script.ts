import { completionScript, type Shell } from '../../cli/completion-scripts.js';
import type { CommandRun } from '../types.js';

/** `alumni completion bash|zsh|fish`: the script on stdout, to source or save (set-up in the command's help). */
export const run: CommandRun = async (ctx, { args }) => {
  ctx.out.line(completionScript(args[0] as Shell).trimEnd());
};
