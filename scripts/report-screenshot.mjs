// Takes docs/report.png, the README's picture of the outcome report: the demo data
// loaded into a fresh embedded database, `stats report`, then a screenshot of the
// page in headless Chromium. Run after `npm run build`: node scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, requireChromium } from '../dist/report/chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'alumni-screenshot-'));
// The demo's classes count 3 or 4 graduates: --min-cell 4 shows both the figures and their suppression.
const MIN_CELL = '4';
try {
  const env = { ...process.env, ALUMNI_DATA_DIR: join(scratch, 'data') };
  delete env.DATABASE_URL;
  const alumni = (...args) =>
    execFileSync(process.execPath, [join(root, 'bin/alumni.js'), ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  alumni('fixtures', 'load');
  const html = join(scratch, 'report.html');
  alumni('stats', 'report', '--html', html, '--min-cell', MIN_CELL);
  const chromium = await launchChromium(requireChromium(process.env));
  try {
    const page = await chromium.browser.newPage();
    await page.setViewport({ width: 800, height: 1000, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    await page.screenshot({ path: join(root, 'docs/report.png'), fullPage: true });
  } finally {
    await chromium.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
