import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRoster, unreadableRecord, type SourceRecord } from '../../src/import/read.js';
import { reasonText } from '../../src/import/reasons.js';
import { encodeWindows1252, rosterDir } from '../support/rosters.js';

async function read(bytes: Buffer): Promise<{ encoding: string; records: SourceRecord[] }> {
  const path = join(rosterDir(), 'roster.csv');
  writeFileSync(path, bytes);
  const roster = await openRoster(path);
  const records: SourceRecord[] = [];
  for await (const record of roster.records) records.push(record);
  return { encoding: roster.encoding, records };
}

describe('the encoding a roster is read in', () => {
  it('reads a mostly UTF-8 file as UTF-8, telling each byte that is not from a real U+FFFD; Windows-1252 with one pair of bytes valid in UTF-8 stays Windows-1252', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Nom;Matricule\r\nAdèle;E-1\r\nZoé;E-2\r\nAd'),
      Buffer.from([0xe8]),
      Buffer.from('le;E-3\r\nAd\uFFFDle;E-4\r\nAwa\0;E-5\r\n'),
    ]);
    const { encoding, records } = await read(bytes);
    expect(encoding).toBe('utf-8');
    expect(records.map((record) => unreadableRecord(record, 2)).map((problem) => problem && reasonText(problem))).toEqual([
      null,
      null,
      'holds bytes that are not valid UTF-8 (0xE8) in a file read as UTF-8: retype the characters they stand for',
      'holds U+FFFD (\uFFFD), the mark of a character lost before this file was written: retype it',
      'holds a NUL character',
    ]);

    const text = encodeWindows1252('Nom;Matricule\r\nAdèle;E-1\r\nZoé;E-2\r\nJérôme;E-3\r\n');
    const accidental = Buffer.from([0xc3, 0xa9]); // "Ã©" in Windows-1252, "é" in UTF-8
    const windows = await read(Buffer.concat([text, Buffer.from('X'), accidental, Buffer.from(';E-4\r\n')]));
    expect(windows.encoding).toBe('windows-1252');
    expect(windows.records.map((record) => record.cells[0])).toEqual(['Adèle', 'Zoé', 'Jérôme', 'XÃ©']);
  });
});
