import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRoster } from '../../src/import/read.js';

// csv-spectrum: other people's CSV edge cases, each with the JSON a parser should give.
const spectrum = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const files = readdirSync(join(spectrum, 'csvs')).map((file) => basename(file, '.csv'));

/**
 * Where the import's reader deliberately gives something else than csv-spectrum's JSON
 * (the README says the same).
 */
const DIFFERENCES: Record<string, (expected: Array<Record<string, string>>) => Array<Record<string, string>>> = {
  // The JSON has a phone number that is not the one in the CSV (a mistake in csv-spectrum).
  location_coordinates: (expected) => expected.map((row) => ({ ...row, 'Contact Phone Number': '2095257564' })),
};

describe('csv-spectrum through the import reader', () => {
  it('covers every file of csv-spectrum', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)('%s.csv gives its expected JSON', async (name) => {
    const roster = await openRoster(join(spectrum, 'csvs', `${name}.csv`));
    const rows: Array<Record<string, string>> = [];
    for await (const record of roster.records) {
      expect(record.malformed).toBeUndefined();
      rows.push(Object.fromEntries(roster.header.map((column, i) => [column, record.cells[i] ?? ''])));
    }
    const json: unknown = JSON.parse(readFileSync(join(spectrum, 'json', `${name}.json`), 'utf8'));
    const expected = (Array.isArray(json) ? json : [json]) as Array<Record<string, string>>;
    expect(rows).toEqual((DIFFERENCES[name] ?? ((rows) => rows))(expected));
  });
});
