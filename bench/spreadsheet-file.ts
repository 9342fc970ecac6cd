// `node --import tsx bench/spreadsheet-file.ts FILE ROWS`: writes the import benchmark's large workbook.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

/**
 * A 360Giving-titled workbook of `rows` grant identifiers, written a row at a time with ExcelJS's streaming
 * writer and shared strings, as Excel saves them: a million rows make a file of about 12 MB.
 */
export async function writeSpreadsheet(file: string, rows: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('grants');
  sheet.addRow(['Identifier']).commit();
  for (let i = 0; i < rows; i += 1) sheet.addRow([`360G-bench-${i}`]).commit();
  sheet.commit();
  await workbook.commit();
}

const [file, rows] = process.argv.slice(2);
if (!file || !rows) {
  process.stderr.write('Usage: node --import tsx bench/spreadsheet-file.ts FILE ROWS\n');
  process.exitCode = 2;
} else {
  await writeSpreadsheet(file, Number(rows));
}
