import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localeIsUtf8, rateBar, rateText } from '../../src/cli/bars.js';
import { refreshedLine } from '../../src/commands/stats/shared.js';
import { UsageError } from '../../src/errors.js';
import { findChromium } from '../../src/report/chromium.js';
import { suppressSmallCells } from '../../src/report/suppression.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { reportHtml, type ReportInput } from '../../src/report/html.js';
import { addCounts, percent, situationRates } from '../../src/services/stats-rates.js';
import { compareNames } from '../../src/services/stats.js';

const inLanguage = (language: 'en' | 'fr') => setLanguage({ language, source: '--lang', value: language });
afterEach(() => setLanguage({ language: 'en', source: 'default' }));

describe('the rates', () => {
  it('knowledge = known / graduates, employment = working / known, in percent with two decimals', () => {
    expect(situationRates({ total_diplomes: 10, nb_travaillent: 6, nb_recherche: 2 })).toEqual({
      total_diplomes: 10,
      nb_travaillent: 6,
      nb_recherche: 2,
      nb_inconnu: 2,
      taux_connaissance: 80,
      taux_emploi: 75,
    });
    expect(situationRates({ total_diplomes: 3, nb_travaillent: 2, nb_recherche: 1 }).taux_emploi).toBe(66.67);
    expect(situationRates({ total_diplomes: 3, nb_travaillent: 1, nb_recherche: 2 }).taux_emploi).toBe(33.33);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 6)).toBe(16.67);
  });

  it('a year where nobody answered has a knowledge rate of 0 and no employment rate (no division by zero)', () => {
    expect(situationRates({ total_diplomes: 4, nb_travaillent: 0, nb_recherche: 0 })).toMatchObject({
      nb_inconnu: 4,
      taux_connaissance: 0,
      taux_emploi: null,
    });
    expect(situationRates({ total_diplomes: 0, nb_travaillent: 0, nb_recherche: 0 })).toMatchObject({
      taux_connaissance: null,
      taux_emploi: null,
    });
  });

  it('read as each language writes them: 66.67% in English, 66,67 % (no-break space) in French, — when none', () => {
    expect(rateText(null)).toBe('—');
    expect(rateText(66.67)).toBe('66.67%');
    expect(rateText(100)).toBe('100.00%');
    inLanguage('fr');
    expect(rateText(null)).toBe('—');
    expect(rateText(66.67)).toBe('66,67\u00a0%');
    expect(rateText(100)).toBe('100,00\u00a0%');
  });

  it('a total adds the counts and takes its rates from the sums, not from the rates', () => {
    const total = addCounts([
      { total_diplomes: 10, nb_travaillent: 9, nb_recherche: 1 },
      { total_diplomes: 2, nb_travaillent: 0, nb_recherche: 1 },
    ]);
    expect(total).toEqual({ total_diplomes: 12, nb_travaillent: 9, nb_recherche: 2 });
    expect(situationRates(total).taux_emploi).toBe(81.82);
  });
});

describe('the bars', () => {
  it('are zero-based, 100 % fills the width, eighths of a cell in Unicode', () => {
    expect(rateBar(100, true, 10)).toBe('██████████');
    expect(rateBar(0, true, 10)).toBe('          ');
    expect(rateBar(50, true, 10)).toBe('█████     ');
    expect(rateBar(55, true, 10)).toBe('█████▌    ');
    expect(rateBar(66.67, true, 20)).toBe('█████████████▍      ');
    expect(rateBar(150, true, 4)).toBe('████');
    expect(rateBar(-3, true, 4)).toBe('    ');
    for (const rate of [0, 12.5, 33.33, 99.9, 100]) expect(rateBar(rate, true)).toHaveLength(20);
  });

  it('are # outside a UTF-8 locale, and blank where there is no rate', () => {
    expect(rateBar(50, false, 10)).toBe('#####     ');
    expect(rateBar(66.67, false, 12)).toBe('########    ');
    expect(rateBar(null, true, 5)).toBe('     ');
    expect(rateBar(null, false, 5)).toBe('     ');
  });

  it('the locale is read as POSIX reads it: LC_ALL, then LC_CTYPE, then LANG; none is C', () => {
    expect(localeIsUtf8({})).toBe(false);
    expect(localeIsUtf8({ LANG: 'fr_FR.UTF-8' })).toBe(true);
    expect(localeIsUtf8({ LANG: 'C.utf8' })).toBe(true);
    expect(localeIsUtf8({ LANG: 'fr_FR.UTF-8', LC_ALL: 'C' })).toBe(false);
    expect(localeIsUtf8({ LANG: 'C', LC_CTYPE: 'en_US.UTF-8' })).toBe(true);
    expect(localeIsUtf8({ LANG: 'fr_FR.ISO-8859-1' })).toBe(false);
  });
});

describe('small-cell suppression', () => {
  const rows = (...sizes: number[]) => sizes.map((n, i) => ({ name: `r${i}`, n }));
  const marks = (sizes: number[], minCell = 5) => {
    const table = suppressSmallCells(rows(...sizes), (r) => r.n, minCell);
    return { marks: table.rows.map((r) => r.suppressed), totalSuppressed: table.totalSuppressed };
  };

  it('hides nothing when every row counts at least min-cell', () => {
    expect(marks([5, 12, 40])).toEqual({ marks: [null, null, null], totalSuppressed: false });
  });

  it('one small row beside a total: the smallest other row is hidden too, so the total gives nothing away', () => {
    expect(marks([30, 3, 8, 12])).toEqual({ marks: [null, 'primary', 'complementary', null], totalSuppressed: false });
  });

  it('two small rows that together are still small: a third is hidden', () => {
    expect(marks([20, 1, 2, 9, 7])).toEqual({ marks: [null, 'primary', 'primary', null, 'complementary'], totalSuppressed: false });
  });

  it('small rows that together reach min-cell need no complement', () => {
    expect(marks([20, 3, 2])).toEqual({ marks: [null, 'primary', 'primary'], totalSuppressed: false });
  });

  it('every row hidden and the whole still too small: the total is hidden as well', () => {
    expect(marks([1, 2])).toEqual({ marks: ['primary', 'primary'], totalSuppressed: true });
    expect(marks([2], 3)).toEqual({ marks: ['primary'], totalSuppressed: true });
  });

  it('hidden rows together never count fewer than min-cell, unless the total is hidden too', () => {
    for (const sizes of [
      [1, 50],
      [4, 4, 100],
      [1, 1, 1, 6, 6],
      [2, 9, 3, 5, 5],
    ]) {
      const table = suppressSmallCells(rows(...sizes), (r) => r.n, 5);
      const hidden = table.rows.filter((r) => r.suppressed).reduce((sum, r) => sum + r.row.n, 0);
      expect(hidden === 0 || hidden >= 5 || table.totalSuppressed).toBe(true);
      expect(table.rows.filter((r) => r.suppressed).length).not.toBe(1);
    }
  });
});

describe('finding Chromium', () => {
  it('looks at ALUMNI_CHROMIUM, then chromium on PATH, then the fallbacks; none is null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alumni-chromium-path-'));
    try {
      const onPath = join(dir, 'chromium');
      writeFileSync(onPath, '#!/bin/sh\n', { mode: 0o755 });
      expect(findChromium({ PATH: `/nonexistent:${dir}` }, [])).toBe(onPath);
      expect(findChromium({ PATH: '/nonexistent' }, [onPath])).toBe(onPath);
      expect(findChromium({ PATH: '/nonexistent' }, ['/nonexistent/chromium'])).toBeNull();
      expect(findChromium({ PATH: '', ALUMNI_CHROMIUM: onPath }, [])).toBe(onPath);
      expect(() => findChromium({ ALUMNI_CHROMIUM: join(dir, 'nope') }, [onPath])).toThrow(UsageError);
      expect(() => findChromium({ ALUMNI_CHROMIUM: join(dir, 'nope') }, [])).toThrow(/Debian package `chromium`/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('French order of names', () => {
  it('puts École between E and F (not after Z), whatever the language of the run', () => {
    const names = ['Zoologie', 'Froid', 'École', 'Électricité', 'Eau', 'Génie civil', 'ecole'];
    const expected = ['Eau', 'ecole', 'École', 'Électricité', 'Froid', 'Génie civil', 'Zoologie'];
    expect([...names].sort(compareNames)).toEqual(expected);
    inLanguage('fr');
    expect([...names].sort(compareNames)).toEqual(expected);
  });
});

describe('the refresh line', () => {
  const now = new Date('2026-12-07T14:22:00Z');
  it('says when and how long ago, in the language of the run', () => {
    expect(refreshedLine(new Date('2026-12-07T11:22:00Z'), now)).toMatch(/^Statistics view last refreshed 7 Dec 2026, \d\d:22 \(3 h ago\)/);
    expect(refreshedLine(null, now)).toContain('no recorded refresh');
    inLanguage('fr');
    expect(refreshedLine(new Date('2026-12-04T14:22:00Z'), now)).toMatch(
      /^Statistiques par promotion mises à jour le 4 déc\. 2026 à \d\d:22 \(il y a 3 jours\) ; `alumni stats employment --refresh` les remet à jour\.$/,
    );
    expect(refreshedLine(null, now)).toBe(
      "Les statistiques par promotion n'ont jamais été mises à jour ; lancez `alumni jobs run refresh-stats`.",
    );
  });
});

describe('the report in each language', () => {
  const figures = (total: number, working: number, searching: number) =>
    situationRates({ total_diplomes: total, nb_travaillent: working, nb_recherche: searching });
  const input = (): ReportInput => ({
    years: [
      { annee_sortie: 2023, ...figures(1234, 700, 300) },
      { annee_sortie: 2024, ...figures(12, 9, 1) },
    ],
    fields: [
      { domaine: 'Eau et assainissement', ...figures(600, 300, 100) },
      { domaine: 'École normale', ...figures(400, 250, 100) },
      { domaine: 'Froid industriel', ...figures(246, 159, 101) },
    ],
    employers: [{ annee_sortie: 2023, organisation_id: '1', nom_organisation: 'Sonatel', alumni: 1200 }],
    refreshedAt: new Date('2026-12-07T10:00:00Z'),
    generatedAt: new Date('2026-12-07T14:22:00Z'),
    range: { from: 2023, to: 2024 },
    minCell: 5,
  });
  // What a board must never read: the schema's names.
  const schemaNames =
    /annee_sortie|travailleur|stats_emploi_par_annee|total_diplomes|nb_travaillent|nb_recherche|taux_emploi|etudiant|domaine_reference|<code>/;

  it('in English: its words, numbers as English writes them, no column or table name', async () => {
    const html = await reportHtml(input());
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Graduate outcomes</h1>');
    expect(html).toContain('<td class="num">1,234</td>');
    expect(html).toContain('<td class="num">70.00%</td>');
    expect(html).toContain('<dt>Working</dt>');
    expect(html).toContain('<dt>Searching</dt>');
    expect(html).toContain('<dt>Known situation</dt>');
    expect(html).toContain('Sonatel (1,200)');
    expect(html).not.toMatch(schemaNames);
  });

  it('in French: « Devenir des diplômés », lang="fr", French numbers and dates, a plain methodology, École between E and F', async () => {
    inLanguage('fr');
    const html = await reportHtml(input());
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Devenir des diplômés</h1>');
    expect(html).toContain('<title>Devenir des diplômés — promotions 2023 à 2024</title>');
    expect(html).toMatch(
      /promotions 2023 à 2024 · établi le 7 déc\. 2026 à \d\d:22 · chiffres par promotion arrêtés au 7 déc\. 2026 à \d\d:00/,
    );
    expect(html).toContain('<th scope="col">Diplômés</th><th scope="col">En emploi</th><th scope="col">En recherche</th>');
    expect(html).toContain('<th scope="col">Taux net d&#39;emploi</th>');
    expect(html).toContain('<td class="num">1\u202f234</td>');
    expect(html).toContain('<td class="num">70,00\u00a0%</td>');
    expect(html).toContain('<tr class="total"><th scope="row">Ensemble</th>');
    expect(html).toContain('<h2>Méthodologie</h2>');
    expect(html).toContain('<dt>En emploi</dt>\n<dd>Un diplômé qui a indiqué à l&#39;école qu&#39;il a un emploi.</dd>');
    expect(html).toContain('<dt>Situation connue</dt>');
    expect(html).toContain('<strong>2023</strong> : Sonatel (1\u202f200)');
    expect(html).toContain(
      '<figcaption>Taux net d&#39;emploi par domaine : diplômés en emploi, parmi les diplômés du domaine dont la situation est connue (en emploi ou en recherche), en pourcentage</figcaption>',
    );
    expect(html).not.toMatch(schemaNames);
    for (const english of [
      'Graduate',
      'Employment rate',
      'Methodology',
      'Knowledge rate',
      'hidden†',
      'hidden:',
      'class of',
      'classes ',
      'generated',
    ]) {
      expect(html).not.toContain(english);
    }
    // The fields' rows: E, then É, then F.
    const rows = [...html.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
    expect(rows.filter((r) => /^(Eau|École|Froid)/.test(r!))).toEqual(['Eau et assainissement', 'École normale', 'Froid industriel']);
  });
});
