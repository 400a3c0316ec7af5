import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportOptions } from '../../src/services/roster-import.js';

/** A scratch folder for roster files and their rejects. */
export function rosterDir(): string {
  return mkdtempSync(join(tmpdir(), 'alumni-rosters-'));
}

/**
 * Writes a roster as a registrar's spreadsheet would: `rows` joined with the delimiter
 * (cells are written as given, quotes included) and the line ending, in the encoding.
 */
export function writeRoster(
  dir: string,
  name: string,
  rows: string[][],
  options: { delimiter?: string; eol?: string; encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1252' } = {},
): string {
  const text = rows.map((cells) => cells.join(options.delimiter ?? ';')).join(options.eol ?? '\r\n') + (options.eol ?? '\r\n');
  const path = join(dir, name);
  const encoding = options.encoding ?? 'utf-8';
  if (encoding === 'windows-1252') writeFileSync(path, encodeWindows1252(text));
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
  return path;
}

/** Windows-1252 encoding of Latin text (what Excel writes for "CSV (separator: ;)"). */
export function encodeWindows1252(text: string): Buffer {
  const decoder = new TextDecoder('windows-1252');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from(
    [...text].map((char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`"${char}" has no Windows-1252 byte`);
      return byte;
    }),
  );
}

export const HEADER = ['Nom complet', 'Matricule', 'E-mail', 'Année de sortie', 'Téléphone', 'Filière', 'Travailleur'];

/** A roster import's options in the tests: upsert, written, `SN` for national phones, small batches; `overrides` win. */
export function rosterImportOptions(file: string, dir: string, overrides: Partial<ImportOptions> = {}): ImportOptions {
  return {
    file,
    mode: 'upsert',
    dryRun: false,
    allOrNothing: false,
    map: {},
    country: 'SN',
    createMissingReferences: false,
    batchSize: 2,
    cwd: dir,
    ...overrides,
  };
}
