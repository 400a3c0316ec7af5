import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, type Stats } from 'node:fs';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import type { CellValue, Row } from 'exceljs';
import { problem, UsageError } from '../errors.js';
import { describeFsError } from '../files.js';
import { shortened, SHOWN_ITEMS } from '../text.js';
import { normaliseHeader } from './headers.js';
import type { ReadOptions, Roster, SourceRecord } from './read.js';
import { fixExcelStreamingReader } from './exceljs-fixes.js';

fixExcelStreamingReader();

/**
 * Excel workbooks (.xlsx) as rosters: the rows of one sheet as the same records the CSV
 * reader gives, so the rest of the import cannot tell them apart. Read with exceljs's
 * streaming reader: rows come one at a time, memory does not grow with the sheet.
 */

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The old binary Excel format (.xls), an OLE compound file. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The workbook at `path` opened as a roster when it is one (by its content: an .xlsx is
 * a ZIP file), else null for the CSV reader. An old .xls, a file named .xlsx that is not
 * a ZIP file, and --sheet given with a CSV file are refused (exit 2).
 */
export async function openIfWorkbook(path: string, stats: Stats, options: ReadOptions & { name: string }): Promise<Roster | null> {
  const head = firstBytes(path, OLE_MAGIC.length);
  if (head.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    throw new UsageError(problem('import.xlsx.old_xls', { name: options.name }));
  }
  if (head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return openWorkbook(path, stats, options);
  if (/\.xlsx$/i.test(options.name)) throw new UsageError(problem('import.xlsx.not_zip', { name: options.name }));
  if (options.sheet !== undefined) throw new UsageError(problem('import.xlsx.sheet_with_csv', { name: options.name }));
  return null;
}

function firstBytes(path: string, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return bytes.subarray(0, readSync(fd, bytes, 0, length, 0));
  } catch {
    return Buffer.alloc(0); // the CSV reader says what is wrong with the file
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function openWorkbook(path: string, stats: Stats, options: ReadOptions & { name: string }): Promise<Roster> {
  const { default: ExcelJS } = await import('exceljs');
  const name = options.name;
  const hash = createHash('sha256');
  let bytesRead = 0;
  let failure: unknown;
  const source = createReadStream(path, { signal: options.signal });
  // Every byte goes through the hash, for the check that both passes read one file.
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // A failed read (an abort) ends the workbook's input, so that its reader stops; the
  // failure is what the records then throw.
  source.on('error', (error) => {
    failure ??= error;
    tap.end();
  });
  source.pipe(tap);
  // Let go of once read (below): its shared strings, a sheet's every distinct text, would
  // otherwise stay in memory through the import's second pass.
  let workbook: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader> | undefined = new ExcelJS.stream.xlsx.WorkbookReader(tap, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date from a number, and give number formats (leading zeros).
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetNames: string[] = [];
  const namesOf = (reader: unknown) => ((reader as WorkbookModel).model?.sheets ?? []).map((sheet) => sheet.name);

  const records = (async function* (): AsyncGenerator<SourceRecord> {
    let found = false;
    try {
      for await (const sheet of workbook!) {
        sheetNames = namesOf(workbook);
        const sheetName = (sheet as unknown as { name?: string }).name ?? '';
        const wanted = options.sheet === undefined ? sheetName === (sheetNames[0] ?? sheetName) : sameName(sheetName, options.sheet);
        if (found || !wanted) {
          // Read through all the same: exceljs deletes a sheet it parked in a temporary file
          // as soon as the next one is asked for, and a stream still opening it then fails.
          for await (const _row of sheet) void _row;
          continue;
        }
        found = true;
        for await (const row of sheet) {
          // A sheet exceljs parks in a temporary file is read from there, not from the aborted stream.
          if (options.signal?.aborted) throw options.signal.reason;
          const cells = rowCells(row);
          if (cells.some((cell) => cell.trim() !== '')) yield { line: row.number, cells };
        }
      }
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (failure) throw new UsageError(problem('import.file.cannot_read', { name, why: describeFsError(failure) }));
      throw new UsageError(problem('import.xlsx.damaged', { name }), { cause: error });
    } finally {
      sheetNames = namesOf(workbook);
      workbook = undefined;
    }
    if (options.signal?.aborted) throw options.signal.reason;
    if (failure) throw new UsageError(problem('import.file.cannot_read', { name, why: describeFsError(failure) }));
    // The rest of the file after the last sheet (the ZIP directory): read, for the checksum.
    if (!source.destroyed && !tap.readableEnded) {
      tap.resume();
      await once(tap, 'end');
    }
    if (sheetNames.length === 0) throw new UsageError(problem('import.xlsx.no_sheets', { name }));
    if (!found) {
      const sheets = sheetNames.slice(0, SHOWN_ITEMS).map((sheet) => shortened(sheet));
      throw new UsageError(
        problem('import.xlsx.no_such_sheet', {
          name,
          sheet: options.sheet === undefined ? null : shortened(options.sheet),
          sheets,
          sheetsMore: sheetNames.length - sheets.length,
        }),
      );
    }
  })();

  const first = await records.next();
  if (first.done) throw new UsageError(problem('import.xlsx.empty_sheet', { name }));
  const header = first.value.cells.map((cell) => cell.trim());
  return {
    name,
    // What the rejects file of a workbook is written in (README, "The roster import").
    encoding: 'utf-8',
    delimiter: ';',
    header,
    records: { [Symbol.asyncIterator]: () => records },
    stats,
    bytesRead: () => bytesRead,
    totalBytes: stats.size,
    // A sheet's rows take some 20 to 60 compressed bytes each; too many only sizes an index generously.
    estimatedRows: Math.ceil(stats.size / 20),
    checksum: () => hash.copy().digest('hex'),
  };
}

interface WorkbookModel {
  model?: { sheets?: Array<{ name: string }> };
}

/** Sheet names as Excel compares them: without regard to case (and here, accents or spaces). */
function sameName(a: string, b: string): boolean {
  return a === b || normaliseHeader(a) === normaliseHeader(b);
}

/** A row's cells as text, by column (column A is cells[0]). */
function rowCells(row: Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return cells;
}

/**
 * A cell's value as the text a CSV file would hold: a number as its digits (a phone
 * stored as a number, 771234567, is those digits), a number formatted with leading zeros
 * (`00000`) with them, a date as an ISO date (the year where a year is expected: see
 * values.year), a formula as its result, rich text as its text.
 */
export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('error' in value) return String(value.error);
  if ('text' in value) return String(value.text); // a hyperlink
  return '';
}

function numberText(value: number, numFmt?: string): string {
  if (Number.isInteger(value)) {
    const digits = String(Math.abs(value));
    const width = numFmt !== undefined && /^0+$/.test(numFmt) ? numFmt.length : 0;
    return `${value < 0 ? '-' : ''}${digits.padStart(width, '0')}`;
  }
  // Excel keeps 15 significant digits: 0.1 + 0.2 is shown 0.3, and read so.
  return String(Number(value.toPrecision(15)));
}

/** The date as written in ISO 8601: the day alone at midnight, else with the time. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
