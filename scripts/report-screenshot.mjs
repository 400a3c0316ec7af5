// Takes docs/report-en.png and docs/report-fr.png, the README's pictures of the outcome
// report in each language: the demo data loaded into a fresh embedded database, the
// school's name set, `stats report --pdf --lang en|fr`, then the PDF's first page as
// printed (its header with the school's name, its footer with the page number), drawn
// with poppler's pdftoppm.
// Run after `npm run build`: node scripts/report-screenshot.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.env.ALUMNI_ROOT ?? join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'alumni-screenshot-'));
// The demo's classes count 3 or 4 graduates: --min-cell 4 shows both the figures and their suppression.
const MIN_CELL = '4';
const SCHOOL = 'Lycée technique Maurice Delafosse';
try {
  const env = { ...process.env, ALUMNI_DATA_DIR: join(scratch, 'data'), TZ: process.env.TZ ?? 'Africa/Dakar' };
  delete env.DATABASE_URL;
  const alumni = (...args) =>
    execFileSync(process.execPath, [join(root, 'bin/alumni.js'), ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  alumni('fixtures', 'load');
  alumni('settings', 'set', 'school-name', SCHOOL, '--as', 'direction@ecole.example');
  for (const lang of ['en', 'fr']) {
    const pdf = join(scratch, `report-${lang}.pdf`);
    alumni('stats', 'report', '--pdf', pdf, '--min-cell', MIN_CELL, '--lang', lang);
    // Page 1 at 100 dpi (827 × 1169 pixels): written as docs/report-<lang>.png.
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdf, join(root, `docs/report-${lang}`)]);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
