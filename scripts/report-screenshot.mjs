// Takes docs/report-en.png and docs/report-fr.png, the README's pictures of the outcome
// report in each language: the demo data loaded into a fresh embedded database,
// `stats report --lang en|fr`, then a screenshot of each page in headless Chromium.
// Run after `npm run build`: node scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.env.ALUMNI_ROOT ?? join(import.meta.dirname, '..');
const { launchChromium, requireChromium } = await import(pathToFileURL(join(root, 'dist/report/chromium.js')).href);
const scratch = mkdtempSync(join(tmpdir(), 'alumni-screenshot-'));
// The demo's classes count 3 or 4 graduates: --min-cell 4 shows both the figures and their suppression.
const MIN_CELL = '4';
try {
  const env = { ...process.env, ALUMNI_DATA_DIR: join(scratch, 'data') };
  delete env.DATABASE_URL;
  const alumni = (...args) =>
    execFileSync(process.execPath, [join(root, 'bin/alumni.js'), ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  alumni('fixtures', 'load');
  const chromium = await launchChromium(requireChromium(process.env));
  try {
    for (const lang of ['en', 'fr']) {
      const html = join(scratch, `report-${lang}.html`);
      alumni('stats', 'report', '--html', html, '--min-cell', MIN_CELL, '--lang', lang);
      const page = await chromium.browser.newPage();
      await page.setViewport({ width: 800, height: 1000, deviceScaleFactor: 1 });
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      await page.screenshot({ path: join(root, `docs/report-${lang}.png`), fullPage: true });
      await page.close();
    }
  } finally {
    await chromium.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
