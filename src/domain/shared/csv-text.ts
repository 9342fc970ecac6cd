import { stringify } from 'csv-stringify/sync';

/** One value of a spreadsheet row: empty when null or undefined. */
export type CsvCell = string | number | null | undefined;

export interface CsvTextOptions {
  /** Start with a byte order mark, so Excel reads the text as UTF-8: true for the first piece of a download. */
  readonly bom?: boolean;
}

/**
 * Rows as CSV text (RFC 4180): records end with CR LF, and every field holding a comma, a double quote, a CR or
 * a LF is quoted. csv-stringify, told to end records with CR LF, otherwise leaves a field with a bare LF
 * unquoted, and Excel and strict readers then split the record in two. Every CSV download is written here.
 */
export function csvText(rows: readonly (readonly CsvCell[])[], options: CsvTextOptions = {}): string {
  return stringify(
    rows.map((row) => [...row]),
    { bom: options.bom ?? false, record_delimiter: '\r\n', quote_record_delimiter: true },
  );
}
