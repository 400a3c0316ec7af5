import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { StatsReportOpts } from './index.js';
import { yearRange } from './shared.js';

/**
 * The outcome report: HTML always, a PDF of the same page with the system Chromium. Both
 * files are checked as the flags are parsed, and put in place together once both are
 * ready: a Chromium that fails leaves neither.
 */
export const run: CommandRun<StatsReportOpts> = async (ctx, { opts }) => {
  const range = yearRange(opts);
  const { html: htmlFile, pdf: pdfFile } = opts;
  if (pdfFile && pdfFile.path === htmlFile.path) throw new UsageError(problem('stats.report.same_file'));
  const { requireChromium, printPdf } = await import('../../report/chromium.js');
  // Before anything is written: without a browser there is no PDF (exit 2).
  const chromium = pdfFile ? requireChromium(ctx.io.env) : null;
  const { employmentByYear, employmentByField, topEmployers } = await import('../../services/stats.js');
  const data = await ctx.withDb(async ({ db }) => ({
    years: await employmentByYear(db, range),
    fields: await employmentByField(db, range),
    employers: await topEmployers(db, range, 3),
  }));
  const { reportHtml } = await import('../../report/html.js');
  const html = await reportHtml({
    years: data.years.items,
    fields: data.fields,
    employers: data.employers,
    refreshedAt: data.years.refreshed_at,
    generatedAt: new Date(),
    range,
    minCell: opts.minCell,
  });
  const written: Record<string, string> = { html: htmlFile.path };
  try {
    htmlFile.stage(html);
    if (pdfFile && chromium) {
      const printed = async () => {
        pdfFile.stage(await printPdf(chromium, htmlFile.stagedPath));
        pdfFile.commit();
      };
      await ctx.out.withSpinner(t('stats.report.printing'), printed, { succeed: t('stats.report.pdf_written', { path: pdfFile.path }) });
      written.pdf = pdfFile.path;
    }
    htmlFile.commit();
  } finally {
    htmlFile.discard();
    pdfFile?.discard();
  }
  if (ctx.out.json) ctx.out.writeJson({ ...written, classes: data.years.items.length, fields: data.fields.length, min_cell: opts.minCell });
  else ctx.out.info(t('stats.report.written', { path: htmlFile.path }));
};
