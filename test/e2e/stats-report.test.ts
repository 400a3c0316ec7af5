import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium, type HeadlessChromium } from '../../src/report/chromium.js';
import { runJob } from '../../src/services/jobs.js';
import { loadedSources } from '../support/bundle.js';
import { CLI, finished, ROOT, runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { rosterWithKnownFigures } from '../support/stats.js';

// Under CI the report must be looked at in a real browser: no Chromium is a failure there.
const chromiumPath = findChromium(process.env);
const inCi = process.env.CI === 'true';

/** The outcome report made by the built CLI, then opened in headless Chromium (one launch for the file). */
describe.skipIf(!chromiumPath && !inCi)('stats report in a real browser', () => {
  let t: TestDatabase;
  let scratch: string;
  let chromium: HeadlessChromium;
  const htmlFile = () => join(scratch, 'report.html');
  const pdfFile = () => join(scratch, 'report.pdf');

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('CI=true and no Chromium found: install the Debian package chromium (.ci/run does).');
    t = await createServerDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'alumni-report-'));
    await rosterWithKnownFigures(t.db);
    await runJob(t.db, 'refresh-stats', 'alumni/test report');
    const made = await runCli(['stats', 'report', '--html', htmlFile(), '--pdf', pdfFile(), '--min-cell', '3'], {
      env: { ...t.env, ALUMNI_CHROMIUM: chromiumPath },
      timeoutMs: 90_000,
    });
    expect(made.stderr).toContain(`PDF written: ${pdfFile()}`);
    expect(made.code).toBe(0);
    // Written through hidden temporary files, renamed once both were ready: none is left.
    expect(readdirSync(scratch).sort()).toEqual(['report.html', 'report.pdf']);
    chromium = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await chromium?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await t?.close();
  });

  it('each chart has a size, no text overflows its chart, no chart overflows the page, and nothing is fetched', async () => {
    const page = await chromium.browser.newPage();
    try {
      const url = pathToFileURL(htmlFile()).href;
      const requested: string[] = [];
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url() !== url) requested.push(request.url());
        void request.continue();
      });
      await page.setViewport({ width: 800, height: 1000 });
      await page.goto(url, { waitUntil: 'load' });
      const charts = await page.evaluate(() => {
        const body = document.body.getBoundingClientRect();
        return [...document.querySelectorAll('svg')].map((svg) => {
          const box = svg.getBoundingClientRect();
          const texts = [...svg.querySelectorAll('text')].filter((text) => (text.textContent ?? '').trim() !== '');
          return {
            label: svg.getAttribute('aria-label'),
            width: box.width,
            height: box.height,
            insidePage: box.left >= body.left - 0.5 && box.right <= body.right + 0.5,
            texts: texts.length,
            overflowing: texts
              .map((text) => ({ text: text.textContent, r: text.getBoundingClientRect() }))
              .filter(
                ({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5,
              )
              .map(({ text, r }) => `${text} [${r.left.toFixed(1)}, ${r.top.toFixed(1)}, ${r.right.toFixed(1)}, ${r.bottom.toFixed(1)}]`),
          };
        });
      });
      expect(charts.map((c) => c.label)).toEqual([
        'Knowledge rate (graduates whose situation is known, among all graduates) and employment rate (graduates working, among those whose situation is known) per class year, in percent',
        'Knowledge rate and employment rate over the class years, in percent',
        'Employment rate per field: graduates working, among the graduates of the field whose situation is known (working or searching), in percent',
      ]);
      for (const chart of charts) {
        expect(chart.width).toBeGreaterThan(100);
        expect(chart.height).toBeGreaterThan(100);
        expect(chart.texts).toBeGreaterThan(5);
        expect(chart.overflowing, chart.label ?? '').toEqual([]);
        expect(chart.insidePage).toBe(true);
      }
      expect(requested).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a long field name stays inside its chart', async () => {
    // A field name as long as domaine allows: the axis label is cut to fit, not spilled.
    const { reportHtml } = await import('../../src/report/html.js');
    const long = 'Ingénierie des systèmes électroniques embarqués et des télécommunications avancées'.slice(0, 100);
    const figures = { total_diplomes: 12, nb_travaillent: 12, nb_recherche: 0, nb_inconnu: 0, taux_connaissance: 100, taux_emploi: 100 };
    const html = await reportHtml({
      years: [{ annee_sortie: 2024, ...figures }],
      fields: [{ domaine: long, ...figures }],
      employers: [],
      refreshedAt: new Date(),
      generatedAt: new Date(),
      range: {},
      minCell: 5,
    });
    const file = join(scratch, 'long.html');
    writeFileSync(file, html);
    const page = await chromium.browser.newPage();
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll('svg')].flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('text')]
            .map((text) => ({ text: text.textContent, r: text.getBoundingClientRect() }))
            .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
            .map(({ text }) => text);
        }),
      );
      expect(overflowing).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('--pdf prints the same report to a PDF whose fonts are all embedded', () => {
    expect(readFileSync(pdfFile()).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [pdfFile(), '-'], { encoding: 'utf8' });
    expect(text).toContain('Graduate outcomes');
    expect(text).toContain("Employment rate (taux net d'emploi)");
    const listing = execFileSync('pdffonts', [pdfFile()], { encoding: 'utf8' }).trimEnd().split('\n');
    // name, type, encoding, emb, sub, uni, object ID: columns as wide as the dashes under the header.
    const dashes = listing[1]!;
    const columns = [...dashes.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
    const fonts = listing.slice(2).map((line) => ({ name: line.slice(...columns[0]!).trim(), emb: line.slice(...columns[3]!).trim() }));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.emb !== 'yes')).toEqual([]);
    expect(fonts.some((f) => f.name.includes('LiberationSans'))).toBe(true);
  });

  it('only `stats report` loads ECharts and puppeteer-core', async () => {
    const loaded = async (args: string[]) => {
      const file = join(scratch, `imports-${args[1]}`);
      writeFileSync(file, '');
      const result = await runCli(args, {
        env: { ...t.env, RECORD_IMPORTS_FILE: file },
        nodeArgs: ['--import', join(ROOT, 'test/support/record-imports.mjs')],
      });
      expect(result.code).toBe(0);
      return loadedSources(readFileSync(file, 'utf8').split('\n').filter(Boolean)).join('\n');
    };
    const employment = await loaded(['stats', 'employment']);
    expect(employment).toContain('dist/commands/stats/employment.js');
    expect(employment).not.toMatch(/node_modules\/(echarts|zrender|puppeteer-core)\//);
    const report = await loaded(['stats', 'report', '--html', join(scratch, 'again.html')]);
    expect(report).toMatch(/node_modules\/echarts\//);
    expect(report).not.toMatch(/node_modules\/puppeteer-core\//);
  });
});

/** A disk that fills up while the report is written: the file size limit of the process (ulimit -f) stands for it. */
describe('stats report when the disk fills up', () => {
  let t: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    t = await createServerDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'alumni-report-full-'));
    await rosterWithKnownFigures(t.db);
  });
  afterAll(async () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await t?.close();
  });

  it('exit 1 with one sentence; the previous report is kept whole and no partial file is left', async () => {
    const html = join(scratch, 'report.html');
    writeFileSync(html, 'the previous report');
    // Past 4 KB a write fails with EFBIG, as it would with ENOSPC on a full disk (Node ignores SIGXFSZ).
    const child = spawn('/bin/sh', ['-c', 'ulimit -f 4 && exec "$@"', 'sh', process.execPath, CLI, 'stats', 'report', '--html', html], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...t.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await finished(child);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `error: Cannot write the HTML report ${html}: the file would be larger than this process may write; nothing was written.`,
    );
    expect(readdirSync(scratch)).toEqual(['report.html']);
    expect(readFileSync(html, 'utf8')).toBe('the previous report');
  });
});
