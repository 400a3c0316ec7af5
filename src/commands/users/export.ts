import { renderDone } from '../../cli/render.js';
import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { UsersExportOpts } from './index.js';
import { filtersOf } from '../../cli/user-filters.js';
import { USER_EXPORT } from './shared.js';

/**
 * CSV by default (for spreadsheets; --excel for French Excel), JSON with --json, an
 * Excel workbook with --xlsx FILE; a page at a time, any size.
 * Not renderList: that prints a whole list, and called per page it would repeat the CSV
 * header and print one JSON array per page. This streams pages into one CSV (one header)
 * or one JSON array, holding a single page in memory.
 */
export const run: CommandRun<UsersExportOpts> = async (ctx, { opts }) => {
  const filters = filtersOf(opts);
  const { exportUsers } = await import('../../services/users.js');
  const workbook = opts.xlsx;
  if (workbook) {
    const { writeWorkbook } = await import('../../cli/xlsx-output.js');
    const count = await ctx.withDb(({ db }) => writeWorkbook(workbook, 'users', USER_EXPORT, exportUsers(db, filters)), {
      workload: 'bulk',
    });
    return renderDone(ctx, { xlsx: workbook.path, exported: count }, t('users.export.done_xlsx', { count, file: workbook.path }));
  }
  const excel = Boolean(opts.excel);
  // --json is a global option: Commander's conflicts() does not see it from here.
  if (excel && ctx.out.json) throw new UsageError(problem('users.export.excel_with_json'));
  const count = await ctx.withDb(
    async ({ db }) => {
      let exported = 0;
      const array = ctx.out.json ? ctx.out.jsonArray() : undefined;
      for await (const page of exportUsers(db, filters)) {
        if (array) array.write(page);
        else await ctx.out.writeCsv(USER_EXPORT, page, { header: exported === 0, excel });
        exported += page.length;
      }
      if (array) array.end();
      else if (exported === 0) await ctx.out.writeCsv(USER_EXPORT, [], { excel });
      return exported;
    },
    { workload: 'bulk' },
  );
  ctx.out.info(t('users.export.done', { count }));
};
