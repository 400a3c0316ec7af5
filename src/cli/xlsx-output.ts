import { cellValue, formatCell, type Column } from './output.js';
import type { OutputFile } from '../output-file.js';

/**
 * Rows written as an Excel workbook (.xlsx) of one sheet: the header, then a row each,
 * every cell text, as formatCell writes it for CSV. Text cells are never run as formulas,
 * so no cell needs the CSV export's guard. Streamed (exceljs's WorkbookWriter): pages
 * are written as they come, memory stays flat whatever the number of rows; the file
 * appears, whole, only once it is complete (OutputFile). Returns how many rows it holds.
 */
export async function writeWorkbook<Row>(
  file: OutputFile,
  sheetName: string,
  columns: Column<Row>[],
  pages: AsyncIterable<Row[]>,
): Promise<number> {
  const { default: ExcelJS } = await import('exceljs');
  let count = 0;
  await file.stageStreamed(async (path) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.addRow(columns.map((c) => c.header)).commit();
    for await (const page of pages) {
      for (const row of page) {
        // An empty cell is left out, as a spreadsheet leaves it.
        sheet.addRow(columns.map((c) => formatCell(cellValue(c, row)) || null)).commit();
      }
      count += page.length;
    }
    sheet.commit();
    await workbook.commit();
  });
  file.commit();
  return count;
}
