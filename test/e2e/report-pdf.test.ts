import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/messages.js';
import { findChromium, printPdf } from '../../src/report/chromium.js';
import { reportHtml, type ReportInput } from '../../src/report/html.js';
import { runJob } from '../../src/services/jobs.js';
import { runCli } from '../support/cli.js';
import { createServerDatabase, type TestDatabase } from '../support/databases.js';
import { rosterWithKnownFigures } from '../support/stats.js';

const chromiumPath = findChromium(process.env);
const inCi = process.env.CI === 'true';
const SCHOOL = 'Lycée technique Maurice Delafosse';

/** The text of each page of a PDF, as poppler reads it (pdftotext -f N -l N). */
function pagesOf(file: string): string[] {
  const count = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
}

/** A page's lines, without blank ones. */
const linesOf = (page: string) =>
  page
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The board-ready PDF (issue 27, point 9), printed by the built CLI with the system
 * Chromium and read back with poppler: the school's name on each page, page numbers,
 * charts that say what they plot, `--pdf` alone, and no heading left at a page's foot.
 */
describe.skipIf(!chromiumPath && !inCi)('the outcome report as a PDF', () => {
  let t_: TestDatabase;
  let scratch: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error('CI=true and no Chromium found: install the Debian package chromium (.ci/run does).');
    t_ = await createServerDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'alumni-report-pdf-'));
    await rosterWithKnownFigures(t_.db);
    await runJob(t_.db, 'refresh-stats', 'alumni/test report');
    await t_.db.insertInto('parametre').values({ cle: 'school-name', valeur: SCHOOL }).execute();
    env = { ...t_.env, ALUMNI_CHROMIUM: chromiumPath, LANG: 'C', TZ: 'Africa/Dakar' };
  });
  afterAll(async () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await t_?.close();
  });

  it('--pdf alone: exit 0, a PDF and nothing else; each page names the school and says its number, the charts say what they plot', async () => {
    const dir = mkdtempSync(join(scratch, 'alone-'));
    const pdf = join(dir, 'report.pdf');
    const made = await runCli(['stats', 'report', '--pdf', pdf, '--min-cell', '3'], { env, timeoutMs: 90_000 });
    expect(made.stderr).toContain(`PDF written: ${pdf}`);
    expect(made.stderr).not.toContain('No school name');
    expect(made.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['report.pdf']);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      const lines = linesOf(page);
      expect(lines, `page ${i + 1}`).toContain(SCHOOL);
      expect(lines, `page ${i + 1}`).toContain(`Page ${i + 1} / ${pages.length}`);
    });
    // The title: the school's name above it.
    const first = linesOf(pages[0]!);
    expect(first.indexOf('Graduate outcomes')).toBeGreaterThan(first.indexOf(SCHOOL));
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(
      'Employment rate per field: graduates working, among the graduates of the field whose situation is known (working or searching), in percent',
    );
    expect(text).toContain(
      'Knowledge rate (graduates whose situation is known, among all graduates) and employment rate (graduates working, among those whose situation is known) per class year, in percent',
    );
    expect(text).toContain('Knowledge rate and employment rate over the class years, in percent');
  });

  it('--school names another school for one run; in French the pages are "Page 1 sur N"; times in the local time zone', async () => {
    const pdf = join(scratch, 'autre.pdf');
    const html = join(scratch, 'autre.html');
    const made = await runCli(['stats', 'report', '--pdf', pdf, '--html', html, '--school', 'École des Mines', '--lang', 'fr'], {
      env: { ...env, TZ: 'Asia/Tokyo' },
      timeoutMs: 90_000,
    });
    expect(made.code).toBe(0);
    const pages = pagesOf(pdf);
    pages.forEach((page, i) => {
      expect(linesOf(page)).toContain('École des Mines');
      expect(linesOf(page)).toContain(`Page ${i + 1} sur ${pages.length}`);
    });
    expect(pages.join('\n')).not.toContain(SCHOOL);
    // Generated now, in Tokyo's time (UTC+9) as French writes it.
    const tokyo = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Tokyo' });
    const footer = /Généré le .+ à (\d\d:\d\d)/.exec(pages[0]!)![1]!;
    const [hours, minutes] = footer.split(':').map(Number) as [number, number];
    const shown = hours * 60 + minutes;
    const expected = tokyo.format(new Date()).split(':').map(Number) as [number, number];
    expect(Math.abs(shown - (expected[0] * 60 + expected[1])) % (24 * 60)).toBeLessThan(10);
    expect(readFileSync(html, 'utf8')).toContain('<span class="school">École des Mines</span>');
  });

  it('neither --html nor --pdf: exit 2, one sentence, nothing written', async () => {
    const none = await runCli(['stats', 'report'], { env });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error: Name the report to write: --html FILE, --pdf FILE, or both.');
  });

  it('with no school name set, the report is still made and the command says how to set one', async () => {
    await t_.db.deleteFrom('parametre').execute();
    try {
      const html = join(scratch, 'anonymous.html');
      const made = await runCli(['stats', 'report', '--html', html], { env });
      expect(made.code).toBe(0);
      expect(made.stderr).toContain('No school name on the report: set it once with alumni settings set school-name');
      expect(existsSync(html)).toBe(true);
      expect(readFileSync(html, 'utf8')).not.toContain('class="school"');
    } finally {
      await t_.db.insertInto('parametre').values({ cle: 'school-name', valeur: SCHOOL }).execute();
    }
  });

  it('no heading is the last line of a page, nor a list left with one item at its foot, however long the report', async () => {
    // Reports of growing length (more fields, more class years), so that headings fall at
    // every height of a page; each printed, then each page read on its own.
    const headings = new Set([
      ...(['years', 'trend', 'fields', 'employers', 'methodology'] as const).map((s) => t(`report.section.${s}`)),
      t('report.caption.years'),
      t('report.caption.fields'),
      ...(['graduates', 'working', 'searching', 'known', 'knowledge', 'employment', 'rounding', 'sources', 'small', 'order'] as const).map(
        (m) => t(`report.method.${m}.term`),
      ),
    ]);
    const figures = (n: number) => {
      const working = n % 3;
      return {
        total_diplomes: n,
        nb_travaillent: working,
        nb_recherche: n - working,
        nb_inconnu: 0,
        taux_connaissance: 100,
        taux_emploi: (100 * working) / n,
      };
    };
    const failures: string[] = [];
    for (const size of [4, 7, 10, 13, 16, 19, 22, 25]) {
      const years = Array.from({ length: size }, (_, i) => ({ annee_sortie: 2000 + i, ...figures(8 + i) }));
      const input: ReportInput = {
        years,
        fields: Array.from({ length: size + 3 }, (_, i) => ({ domaine: `Domaine ${String(i + 1).padStart(2, '0')}`, ...figures(6 + i) })),
        employers: years.map((y) => ({ annee_sortie: y.annee_sortie, organisation_id: 'org-1', nom_organisation: 'Sonatel', alumni: 6 })),
        refreshedAt: new Date(),
        generatedAt: new Date(),
        range: {},
        minCell: 5,
        school: SCHOOL,
      };
      const file = join(scratch, `long-${size}.pdf`);
      writeFileSync(file, await printPdf(chromiumPath!, await reportHtml(input)));
      const pages = pagesOf(file);
      pages.forEach((page, i) => {
        // The page's own text: without its margins (the school, the title, the footer).
        const body = linesOf(page).filter((line) => line !== SCHOOL && !/^Graduate outcomes — |^Generated |^Page \d+ \/ \d+$/.test(line));
        const last = body.at(-1) ?? '';
        if (i < pages.length - 1 && headings.has(last)) failures.push(`${size}: page ${i + 1} ends with the heading "${last}"`);
        // The employers per class: a page breaking the list leaves at least two items on each side.
        const item = (line: string | undefined) => line !== undefined && /^\d{4}: Sonatel/.test(line);
        if (item(last) && !item(body.at(-2))) failures.push(`${size}: page ${i + 1} ends with one item of a list`);
        if (item(body[0]) && !item(body[1])) failures.push(`${size}: page ${i + 1} starts with the last item of a list alone`);
      });
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
