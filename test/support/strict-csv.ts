import { parse } from 'csv-parse/sync';

/**
 * CSV read as Excel and most standard readers do: no loose quotes, every row as long as the header, and a CR, a
 * LF or CR LF outside quotes ends the record (csv-parse otherwise keeps to the first line ending it meets, so it
 * would read a bare LF inside a CR LF file as part of the field).
 */
export function strictCsvRows(text: string): string[][] {
  return parse(text, {
    bom: true,
    relax_quotes: false,
    relax_column_count: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as string[][];
}
