import type ExcelJS from 'exceljs';
import { ImportSourceError, type ImportProblem } from '../app/interchange.js';
import type { GrantFileContents } from '../app/funding/grant-import.js';
import {
  defaultImportLimits,
  tooManyColumns,
  tooManyRows,
  type ImportLimits,
} from '../app/imports/import-limits.js';
import { grantFromTitledRow } from '../domain/funding/flattened-grant.js';
import { cleanJsonRecord, controlCharactersProblem } from './control-characters.js';
import { readCsv } from './csv-rows.js';
import { readWorksheet, type SheetHeading } from './spreadsheet-reader.js';
import { sniffEncoding } from './text-encoding.js';

/**
 * Reads a 360Giving file into grants in the standard's nested JSON shape: a JSON package (`{"grants": […]}`),
 * or a CSV or Excel spreadsheet with the standard's column titles. Text is UTF-8 (with or without a byte-order
 * mark); a file whose bytes are not valid UTF-8 is read as Windows-1252, as older spreadsheets save CSV.
 */

/**
 * Windows-1252's characters for bytes 0x80–0x9F (€, ‘, ’, “, ”, –, …). Node 20's TextDecoder reads
 * 'windows-1252' as ISO-8859-1, which leaves these bytes as invisible control characters, so they are put right
 * after decoding.
 */
const windows1252High: Record<number, string> = {
  0x80: '\u20ac',
  0x82: '\u201a',
  0x83: '\u0192',
  0x84: '\u201e',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02c6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8e: '\u017d',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201c',
  0x94: '\u201d',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02dc',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203a',
  0x9c: '\u0153',
  0x9e: '\u017e',
  0x9f: '\u0178',
};

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => windows1252High[c.charCodeAt(0)] ?? c);
}

/**
 * Text of a file: UTF-16 when its first bytes say so, UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 * A byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array): {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
} {
  const sniffed = sniffEncoding(bytes);
  if (sniffed !== 'utf-8') return { text: new TextDecoder(sniffed).decode(bytes), encoding: sniffed };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function fromJson(text: string, limits: ImportLimits): GrantFileContents {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportSourceError(
      `The file is not valid JSON, so nothing was imported: ${(error as Error).message}. Check the file was saved completely, or export it again from the system that made it.`,
    );
  }
  const grants = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { grants?: unknown }).grants)
      ? (parsed as { grants: unknown[] }).grants
      : null;
  if (!grants) {
    throw new ImportSourceError(
      'The file is JSON but not a 360Giving package: it must be an object with a "grants" list, like {"grants": [ … ]}.',
    );
  }
  if (grants.length > limits.maxRows) throw new ImportSourceError(tooManyRows(limits));
  const cleanedValues: ImportProblem[] = [];
  const cleanGrants = grants.map((grant: unknown, index) => {
    const { value, cleaned } = cleanJsonRecord(grant);
    for (const { field, removed } of cleaned)
      cleanedValues.push(controlCharactersProblem(index + 1, field, removed));
    return value;
  });
  return {
    grants: cleanGrants,
    firstRow: 1,
    extraColumns: [],
    notes: [],
    reading: { problems: cleanedValues, skipped: 0 },
  };
}

function fromRows(rows: Record<string, unknown>[], lines: readonly number[]): GrantFileContents {
  const extra = new Set<string>();
  const grants = rows.map((row) => {
    const { grant, extraColumns } = grantFromTitledRow(row);
    for (const column of extraColumns) extra.add(column);
    return grant;
  });
  return { grants, firstRow: 2, rows: lines, extraColumns: [...extra], notes: [] };
}

function requireIdentifierColumn(header: readonly string[]): void {
  if (!header.some((title) => title.trim().toLowerCase() === 'identifier')) {
    throw new ImportSourceError(
      'The file has no "Identifier" column, so it is not in the 360Giving standard. The first row must hold the standard’s column titles, such as Identifier, Title, Amount Awarded and Award Date.',
    );
  }
}

function fromCsv(text: string, limits: ImportLimits): GrantFileContents {
  const table = readCsv(text);
  if (table.headers.length > limits.maxColumns) {
    throw new ImportSourceError(tooManyColumns(limits, 1, table.headers.length));
  }
  if (table.rows.length + table.skipped > limits.maxRows) throw new ImportSourceError(tooManyRows(limits));
  requireIdentifierColumn(table.headers);
  const contents = fromRows(
    table.rows.map((row) => row.values),
    table.rows.map((row) => row.line),
  );
  return { ...contents, reading: table };
}

/** A cell as the reader wants it: text trimmed, numbers and dates as they are, formulas as their result. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  return null;
}

const titlesOf = (header: readonly ExcelJS.CellValue[]) => header.map((v) => String(cellValue(v) ?? ''));

/** The grants on a workbook's "grants" sheet (or its first sheet with an Identifier column), read as a stream. */
async function fromXlsx(bytes: Buffer, limits: ImportLimits): Promise<GrantFileContents> {
  const rows: Record<string, unknown>[] = [];
  const lines: number[] = [];
  let header: string[] = [];
  const isGrantsSheet = (sheet: SheetHeading) => {
    header = titlesOf(sheet.header);
    return (
      sheet.name.trim().toLowerCase() === 'grants' || header.some((t) => t.toLowerCase() === 'identifier')
    );
  };
  const sheet = await readWorksheet(bytes, limits, isGrantsSheet, (values, rowNumber) => {
    const row: Record<string, unknown> = {};
    let filled = false;
    header.forEach((title, column) => {
      if (!title) return;
      const value = cellValue(values[column]);
      if (value !== null && value !== '') filled = true;
      row[title] = value;
    });
    if (!filled) return;
    rows.push(row);
    lines.push(rowNumber);
  });
  if (!sheet) {
    throw new ImportSourceError(
      'No sheet in the workbook has an "Identifier" column, so it is not in the 360Giving standard. Put the grants on a sheet called "grants" whose first row holds the standard’s column titles.',
    );
  }
  requireIdentifierColumn(header);
  return fromRows(rows, lines);
}

/**
 * The grants in a file, telling JSON, CSV and Excel apart by their first bytes, not only the name. A file past
 * one of the `limits` is refused, naming it.
 */
export async function readGrantFile(
  bytes: Buffer,
  fileName: string,
  limits: ImportLimits = defaultImportLimits,
): Promise<GrantFileContents> {
  if (bytes.length === 0) throw new ImportSourceError('The file is empty.');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) return fromXlsx(bytes, limits);
  const { text, encoding } = decodeText(bytes);
  const body = text.replace(/^\uFEFF/, '');
  const contents =
    /^\s*[[{]/.test(body) || /\.json$/i.test(fileName) ? fromJson(body, limits) : fromCsv(body, limits);
  if (encoding === 'windows-1252') {
    return {
      ...contents,
      notes: [
        ...contents.notes,
        'The file is not UTF-8, so it was read as Windows-1252 (the encoding older versions of Excel save CSV in). Check accented letters and symbols such as £ and € look right; saving as "CSV UTF-8" avoids this.',
      ],
    };
  }
  return contents;
}
