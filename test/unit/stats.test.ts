import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeIsUtf8, rateBar } from '../../src/cli/bars.js';
import { UsageError } from '../../src/errors.js';
import { findChromium } from '../../src/report/chromium.js';
import { suppressSmallCells } from '../../src/report/suppression.js';
import { addCounts, formatRate, percent, situationRates } from '../../src/services/stats-rates.js';

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
    expect(formatRate(null)).toBe('—');
    expect(formatRate(66.67)).toBe('66.67 %');
    expect(formatRate(100)).toBe('100.00 %');
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
