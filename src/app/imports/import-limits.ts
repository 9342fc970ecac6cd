/**
 * How much of a file an import reads before refusing it: enough for any real partnership's data, little enough
 * that a file built to overload the service (a million rows, or a small workbook that unpacks to gigabytes) is
 * refused early, with a message that says which limit it passed.
 */
export interface ImportLimits {
  /** Rows of data under the header (IMPORT_MAX_ROWS). */
  readonly maxRows: number;
  /** Columns in any row of a spreadsheet (IMPORT_MAX_COLUMNS). */
  readonly maxColumns: number;
  /** What one part of a workbook may unpack to (IMPORT_MAX_UNPACKED_MB); the parts read together, four times it. */
  readonly maxUnpackedBytes: number;
}

export const MEGABYTE = 1024 * 1024;

export const defaultImportLimits: ImportLimits = {
  maxRows: 200_000,
  maxColumns: 200,
  maxUnpackedBytes: 100 * MEGABYTE,
};

/** The parts of a workbook read together may unpack to this much at most. */
export const maxUnpackedTotal = (limits: ImportLimits) => limits.maxUnpackedBytes * 4;

const count = (n: number) => n.toLocaleString('en-GB');
export const megabytes = (bytes: number) => count(Math.ceil(bytes / MEGABYTE));

export function tooManyRows(limits: ImportLimits): string {
  return `The file has more than ${count(limits.maxRows)} rows of data, the most that can be imported at once, so nothing was imported. Split it into files of ${count(limits.maxRows)} rows or fewer and import each one.`;
}

export function tooManyColumns(limits: ImportLimits, row: number, columns: number): string {
  return `The file has more than ${count(limits.maxColumns)} columns, the most we read (row ${count(row)} reaches column ${count(columns)}), so nothing was imported. Delete the columns you do not need and upload it again.`;
}

export function unpacksTooLarge(limits: ImportLimits, what: 'part' | 'whole', bytes: number): string {
  const limit = what === 'part' ? limits.maxUnpackedBytes : maxUnpackedTotal(limits);
  const subject = what === 'part' ? 'one sheet or part of it would take' : 'it would take';
  return `The workbook is too large to read safely: once unpacked, ${subject} ${megabytes(bytes)} MB, and the most we read is ${megabytes(limit)} MB. Nothing was imported. Split the rows into smaller workbooks, or save it as CSV, and upload each one.`;
}

export function unpacksToMoreThanItSays(limits: ImportLimits): string {
  return `The workbook is not safe to read: part of it unpacks to more than the file says it does (the most we read is ${megabytes(limits.maxUnpackedBytes)} MB a part), as files built to overload a service do. Nothing was imported. Open it in your spreadsheet program, save it again and upload the new copy.`;
}
