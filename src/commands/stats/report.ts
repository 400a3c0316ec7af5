import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandRun } from '../types.js';
import type { StatsReportOpts } from './index.js';
import { yearRange } from './shared.js';

/** The outcome report: HTML always, a PDF of the same page with the system Chromium. */
export const run: CommandRun<StatsReportOpts> = async (ctx, { opts }) => {
  const range = yearRange(opts);
  const { requireChromium, printPdf } = await import('../../report/chromium.js');
  // Before anything is written: without a browser there is no PDF (exit 2).
  const chromium = opts.pdf ? requireChromium(ctx.io.env) : null;
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
  const htmlFile = resolve(opts.html);
  writeFileSync(htmlFile, html);
  const written: Record<string, string> = { html: htmlFile };
  if (opts.pdf && chromium) {
    const pdfFile = resolve(opts.pdf);
    await ctx.out.withSpinner('Printing the PDF with Chromium…', () => printPdf(chromium, htmlFile, pdfFile), {
      succeed: `PDF written: ${pdfFile}`,
    });
    written.pdf = pdfFile;
  }
  if (ctx.out.json) ctx.out.writeJson({ ...written, classes: data.years.items.length, fields: data.fields.length, min_cell: opts.minCell });
  else ctx.out.info(`Report written: ${htmlFile}`);
};
