import type { CommandRun } from '../types.js';

export const run: CommandRun = async (ctx) => {
  const { migrationStatus } = await import('../../services/migrations.js');
  const state = await ctx.withDb((handle) => migrationStatus(handle.db), 'raw');
  if (ctx.out.json) {
    ctx.out.writeJson(state);
  } else {
    const rows = [
      ...state.applied.map((name) => ({ name, status: state.unknown.includes(name) ? 'applied (unknown to this version)' : 'applied' })),
      ...state.pending.map((name) => ({ name, status: 'pending' })),
    ];
    await ctx.out.writeTable(
      [
        { header: 'migration', value: 'name' },
        { header: 'status', value: 'status' },
      ],
      rows,
    );
  }
};
