import { once } from 'node:events';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
// Loading the reader puts its fixes of exceljs in place (src/import/exceljs-fixes.ts).
import '../../src/import/xlsx.js';

const require = createRequire(import.meta.url);
const exceljs = require.resolve('exceljs');
const unzipper = require(require.resolve('unzipper', { paths: [exceljs] })) as { Parse: (options: object) => Duplex };
const iterateStream = require(require.resolve('exceljs/lib/utils/iterate-stream.js')) as (stream: Duplex) => AsyncIterable<{
  path: string;
  autodrain(): void;
}>;

describe("the ZIP entries of a workbook, as exceljs's streaming reader takes them", () => {
  it('all come, even to a reader slower than the unzipping (the last parts of a workbook are small)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['Promotions 2023 et 2024']);
    workbook.addWorksheet('Diplômés').addRow(['Nom complet', 'Matricule']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    // As exceljs's WorkbookReader.parse reads them, but held on the first entry until the
    // unzipper has read the whole file: the state a loaded machine reaches by chance.
    const zip = unzipper.Parse({ forceStream: true });
    const allRead = once(zip, 'finish');
    zip.end(bytes);
    const paths: string[] = [];
    for await (const entry of iterateStream(zip)) {
      if (paths.length === 0) await allRead;
      paths.push(entry.path);
      entry.autodrain();
    }
    expect(paths).toContain('xl/worksheets/sheet2.xml');
    expect(paths.at(-1)).toBe('xl/workbook.xml');
  });
});
