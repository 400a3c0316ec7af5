import type { CommandRun } from '../types.js';
import type { UsersExportOpts } from './index.js';
import { filtersOf, USER_EXPORT } from './shared.js';

/**
 * CSV by default (for spreadsheets), JSON with --json; a page at a time, any size.
 * Not renderList: that prints a whole list, and called per page it would repeat the CSV
 * header and print one JSON array per page. This streams pages into one CSV (one header)
 * or one JSON array, holding a single page in memory.
 */
export const run: CommandRun<UsersExportOpts> = async (ctx, { opts }) => {
  const filters = filtersOf(opts);
  const { exportUsers } = await import('../../services/users.js');
  const count = await ctx.withDb(
    async ({ db }) => {
      let exported = 0;
      const array = ctx.out.json ? ctx.out.jsonArray() : undefined;
      for await (const page of exportUsers(db, filters)) {
        if (array) array.write(page);
        else await ctx.out.writeCsv(USER_EXPORT, page, { header: exported === 0 });
        exported += page.length;
      }
      if (array) array.end();
      else if (exported === 0) await ctx.out.writeCsv(USER_EXPORT, []);
      return exported;
    },
    { workload: 'bulk' },
  );
  ctx.out.info(`${count} user(s) exported.`);
};
