import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cut, drawTable, fitWidths } from '../../src/cli/table.js';

const lines = (drawn: string) => drawn.split('\n');
const widest = (drawn: string) => Math.max(...lines(stripVTControlCharacters(drawn)).map((line) => stringWidth(line)));

describe('fitWidths', () => {
  it('keeps the natural widths when they fit', () => {
    expect(fitWidths([5, 10, 3], 80)).toEqual([5, 10, 3]);
  });

  it('shrinks the widest column first, down to the width', () => {
    // 2 gaps of 2 cells: 40 - 4 = 36 cells for the columns.
    const widths = fitWidths([8, 40, 20], 40);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(36);
    expect(widths[0]).toBe(8);
    expect(widths[1]).toBeGreaterThanOrEqual(widths[2]!);
  });

  it('never cuts a column below its floor', () => {
    expect(fitWidths([30, 30, 30], 10)).toEqual([6, 6, 6]);
  });
});

describe('cut', () => {
  const length = (text: string) => stringWidth(text);
  it('ends a cut text with an ellipsis within the width', () => {
    expect(cut('Télécommunications', 8, length)).toBe('Télécom…');
    expect(cut('court', 8, length)).toBe('court');
  });
  it('counts wide characters as two cells', () => {
    const shown = cut('東京大学東京大学', 7, length);
    expect(length(shown)).toBeLessThanOrEqual(7);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('drawTable', () => {
  it('lines the columns up two cells apart, without borders or trailing blanks', async () => {
    const drawn = await drawTable(
      {
        headers: ['Matricule', 'E-mail'],
        rows: [
          ['ETU-1', 'a@b.sn'],
          ['ETU-22', 'longer.name@exemple.sn'],
        ],
      },
      { width: 80 },
    );
    expect(lines(drawn)).toEqual(['Matricule  E-mail', 'ETU-1      a@b.sn', 'ETU-22     longer.name@exemple.sn']);
  });

  it('fits a wide table to 80 columns, cutting the widest cells with …', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [
      `ETU-${i}`,
      `Prénom${i} Nom-de-famille-très-long`,
      `personne.${i}@exemple-universite.sn`,
      'Génie civil et environnement',
    ]);
    const drawn = await drawTable({ headers: ['Matricule', 'Nom', 'E-mail', 'Domaine'], rows }, { width: 60 });
    expect(widest(drawn)).toBeLessThanOrEqual(60);
    expect(drawn).toContain('…');
    expect(lines(drawn)).toHaveLength(6);
  });

  it('measures wide characters and emoji by the cells they take', async () => {
    const drawn = await drawTable(
      {
        headers: ['nom', 'note'],
        rows: [
          ['東京大学', '👍 bien'],
          ['e\u0301cole', 'ok'],
        ],
      },
      { width: 80 },
    );
    const [header, first, second] = lines(drawn);
    expect(stringWidth(first!.slice(0, first!.indexOf('👍')))).toBe(stringWidth(header!.slice(0, header!.indexOf('note'))));
    expect(second!.indexOf('ok')).toBeGreaterThan(0);
  });

  it('colours headers and cells after measuring and cutting them, so columns still line up', async () => {
    const bold = new Chalk({ level: 1 }).bold;
    const drawn = await drawTable(
      { headers: ['nom', 'id'], rows: [['Adèle', '12345']] },
      { width: 80, paintHeader: bold, paintCell: (_, text) => bold(text) },
    );
    expect(drawn).toContain(bold('nom'));
    expect(lines(stripVTControlCharacters(drawn))).toEqual(['nom    id', 'Adèle  12345']);
  });
});

describe('fitWidths with headers wider than their data', () => {
  it('cuts such a header before any data', () => {
    // "Graduation year" (15) over "2017" (4): the header gives way first.
    expect(fitWidths([12, 15, 20], 50, [12, 4, 20])).toEqual([12, 14, 20]);
    expect(fitWidths([12, 15, 20], 44, [12, 4, 20])).toEqual([12, 8, 20]);
  });
});
