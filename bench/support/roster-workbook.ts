import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/**
 * The generated roster (`;`, CRLF, UTF-8) as an Excel workbook of one sheet, every cell
 * text, as a registrar's spreadsheet saved as .xlsx would hold it (shared strings, as Excel
 * and LibreOffice write them): the .xlsx import then reads the very rows the CSV import
 * reads.
 */
export async function rosterWorkbook(csvPath: string, xlsxPath: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Diplômés');
  for await (const record of createReadStream(csvPath).pipe(parse({ delimiter: ';', relax_quotes: true })) as AsyncIterable<string[]>) {
    sheet.addRow(record).commit();
  }
  sheet.commit();
  await workbook.commit();
}
