import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { drawTable } from '../../src/cli/table.js';

/** What cli-table3 drew for lists before src/cli/table.ts, with the same options. */
function cliTable3(headers: string[], rows: string[][]): string {
  const table = new Table({
    head: headers,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

describe('drawTable', () => {
  const cases: Array<[string, string[], string[][]]> = [
    [
      'plain text',
      ['matricule', 'email'],
      [
        ['ETU-1', 'a@b.sn'],
        ['ETU-22', 'longer.name@exemple.sn'],
      ],
    ],
    [
      'accented Latin, as the import stores it (NFC)',
      ['nom', 'domaine'],
      [
        ['Adèle Ba', 'Génie civil'],
        ['Zoé Ñandú Œuvré', 'Économie'],
      ],
    ],
    [
      'wide characters, emoji and a combining accent',
      ['nom', 'note'],
      [
        ['東京大学', '👍 bien'],
        ['e\u0301cole', 'ok'],
      ],
    ],
    [
      'a cell over several lines',
      ['message', 'by'],
      [
        ['first line\nsecond, longer line', 'Awa'],
        ['one', 'Moussa\nDiop'],
      ],
    ],
    ['empty cells and no rows', ['a', 'b', 'c'], []],
    [
      'empty cells',
      ['a', 'b'],
      [
        ['', 'x'],
        ['y', ''],
      ],
    ],
  ];

  it.each(cases)('draws what cli-table3 drew: %s', async (_, headers, rows) => {
    expect(await drawTable(headers, rows)).toBe(cliTable3(headers, rows));
  });

  it('colours the header after measuring it, so columns still line up', async () => {
    const cyan = new Chalk({ level: 1 }).cyan;
    const drawn = await drawTable(['nom', 'id'], [['Adèle', '12345']], (text) => cyan(text));
    expect(drawn).toContain(`│ ${cyan('nom')}   │ ${cyan('id')}    │`);
    expect(stripVTControlCharacters(drawn)).toBe(cliTable3(['nom', 'id'], [['Adèle', '12345']]));
  });
});
