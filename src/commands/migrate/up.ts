import type { CommandRun } from '../types.js';
import { runMigration } from './apply.js';

export const run: CommandRun = (ctx) => runMigration(ctx, 'up');
