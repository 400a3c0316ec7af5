import { problem, UsageError } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CommandRun } from '../types.js';
import type { StatsReportOpts } from './index.js';
import { yearRange } from './shared.js';

/**
 * The outcome report: an HTML file, a PDF of the same page printed with the system
 * Chromium, or both. The files are checked as the flags are parsed, and put in place
 * together once all are ready: a Chromium that fails leaves none.
 */
export const run: CommandRun<StatsReportOpts> = async (ctx, { opts }) => {
  const range = yearRange(opts);
  const { html: htmlFile, pdf: pdfFile } = opts;
  if (!htmlFile && !pdfFile) throw new UsageError(problem('report.no_output'));
  if (htmlFile && pdfFile && pdfFile.path === htmlFile.path) throw new UsageError(problem('stats.report.same_file'));
  const { requireChromium, printPdf } = await import('../../report/chromium.js');
  // Before anything is written: without a browser there is no PDF (exit 2).
  const chromium = pdfFile ? requireChromium(ctx.io.env) : null;
  const { employmentByYear, employmentByField, topEmployers } = await import('../../services/stats.js');
  const { settingValue } = await import('../../services/settings.js');
  const data = await ctx.withDb(async ({ db }) => ({
    years: await employmentByYear(db, range),
    fields: await employmentByField(db, range),
    employers: await topEmployers(db, range, 3),
    school: opts.school?.trim() || (await settingValue(db, 'school-name')),
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
    school: data.school,
  });
  const written: Record<string, string> = {};
  try {
    htmlFile?.stage(html);
    if (pdfFile && chromium) {
      const printed = async () => pdfFile.stage(await printPdf(chromium, html));
      await ctx.out.withSpinner(t('stats.report.printing'), printed, { succeed: t('stats.report.pdf_written', { path: pdfFile.path }) });
    }
    // Both ready: each put in place by a rename.
    if (pdfFile) {
      pdfFile.commit();
      written.pdf = pdfFile.path;
    }
    if (htmlFile) {
      htmlFile.commit();
      written.html = htmlFile.path;
    }
  } finally {
    htmlFile?.discard();
    pdfFile?.discard();
  }
  if (!data.school) ctx.out.info(t('report.school_missing'));
  if (ctx.out.json)
    ctx.out.writeJson({
      ...written,
      school: data.school,
      classes: data.years.items.length,
      fields: data.fields.length,
      min_cell: opts.minCell,
    });
  else if (htmlFile) ctx.out.info(t('stats.report.written', { path: htmlFile.path }));
};
