import ExcelJS from 'exceljs';
import { ImportSourceError } from '../app/interchange.js';
import {
  maxUnpackedTotal,
  tooManyColumns,
  tooManyRows,
  unpacksTooLarge,
  unpacksToMoreThanItSays,
  type ImportLimits,
} from '../app/imports/import-limits.js';
import { unpackedSize, ZipFormatError, zipParts, zipStreamOf, type ZipPart } from './xlsx-zip.js';

/** One worksheet as the reader sees it before choosing it: its tab name and its first row. */
export interface SheetHeading {
  readonly name: string;
  readonly header: readonly ExcelJS.CellValue[];
}

/** A row's cells as ExcelJS gives them: index 1 is column A. */
export type CellValues = readonly ExcelJS.CellValue[];

/** Workbooks write some characters as _xHHHH_ (a carriage return is _x000D_); the full reader decodes them. */
const escapedCharacter = /_x([0-9A-Fa-f]{4})_/g;
const decodeText = (text: string) =>
  text.includes('_x')
    ? text.replace(escapedCharacter, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

function decodedCells(values: CellValues): CellValues {
  return values.map((value) => {
    if (typeof value === 'string') return decodeText(value);
    if (value && typeof value === 'object' && 'richText' in value) {
      return { richText: value.richText.map((part) => ({ ...part, text: decodeText(part.text) })) };
    }
    return value;
  });
}

const unreadable = (reason: string) =>
  new ImportSourceError(`The file is not a readable Excel workbook (.xlsx): ${reason}.`);

/**
 * The parts a workbook's rows are read from, in the order a streaming reader needs them: the sheet list and
 * shared text before the sheets. Themes, pictures and document properties are never unpacked.
 */
const partOrder = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/styles.xml',
  'xl/sharedStrings.xml',
] as const;
const sheetNumber = (name: string) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1];

function partsToRead(parts: readonly ZipPart[]): ZipPart[] {
  const named = partOrder.flatMap((name) => parts.filter((part) => part.name === name));
  const sheets = parts
    .filter((part) => sheetNumber(part.name) !== undefined)
    .sort((a, b) => Number(sheetNumber(a.name)) - Number(sheetNumber(b.name)));
  return [...named, ...sheets];
}

const ROW_TAG = Buffer.from('<row');
/** What may follow `<row` in a row's start tag: white space, `>` or `/`, not `<rowBreaks`. */
const endsRowName = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3e, 0x2f]);

/** Counts the rows in a sheet's XML as it is unpacked, piece by piece, including a tag split between two. */
function rowCounter() {
  let rows = 0;
  let tail: Buffer = Buffer.alloc(0);
  return {
    inspect(piece: Buffer) {
      const text = tail.length > 0 ? Buffer.concat([tail, piece]) : piece;
      for (let at = text.indexOf(ROW_TAG); at !== -1; at = text.indexOf(ROW_TAG, at + ROW_TAG.length)) {
        const next = text[at + ROW_TAG.length];
        if (next !== undefined && endsRowName.has(next)) rows += 1;
      }
      // A tag cut short at the end is counted with the next piece; a counted one never reaches back this far.
      tail = text.subarray(Math.max(0, text.length - ROW_TAG.length));
    },
    rows: () => rows,
  };
}

/**
 * Measures the parts before any is parsed: what each says it unpacks to (refused over the limit), then what it
 * really does (a part that unpacks to more than it says is a zip bomb), counting each sheet's rows on the way
 * (a sheet longer than the header and the most rows is refused too). Unpacking to measure stops at the
 * declared size, so a bomb costs no more than an honest file of the same size.
 */
async function checkedParts(bytes: Buffer, limits: ImportLimits): Promise<ZipPart[]> {
  let parts: ZipPart[];
  try {
    parts = partsToRead(zipParts(bytes));
  } catch (error) {
    if (error instanceof ZipFormatError) throw unreadable(error.message);
    throw error;
  }
  if (!parts.some((part) => sheetNumber(part.name) !== undefined)) throw unreadable('it has no worksheets');
  const largest = Math.max(...parts.map((part) => part.declaredSize));
  if (largest > limits.maxUnpackedBytes) {
    throw new ImportSourceError(unpacksTooLarge(limits, 'part', largest));
  }
  const total = parts.reduce((sum, part) => sum + part.declaredSize, 0);
  if (total > maxUnpackedTotal(limits)) throw new ImportSourceError(unpacksTooLarge(limits, 'whole', total));
  for (const part of parts) {
    const counter = rowCounter();
    const inspect = sheetNumber(part.name) === undefined ? undefined : counter.inspect;
    try {
      if ((await unpackedSize(bytes, part, part.declaredSize, inspect)) > part.declaredSize) {
        throw new ImportSourceError(unpacksToMoreThanItSays(limits));
      }
      if (counter.rows() > limits.maxRows + 1) throw new ImportSourceError(tooManyRows(limits));
    } catch (error) {
      if (error instanceof ZipFormatError) throw unreadable(error.message);
      throw error;
    }
  }
  return parts;
}

/** The inner parts of ExcelJS's streaming reader that decide whether a sheet is parsed at once. */
interface ReaderState {
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
}

/**
 * Reads one worksheet of an .xlsx workbook as a stream, row by row, within the limits: the first sheet
 * `wanted` accepts by its name and header row. Calls `each` with every row under the header and its row
 * number. Throws ImportSourceError, naming the limit, as soon as a limit is passed; returns the chosen
 * sheet's heading, or undefined when no sheet was wanted.
 */
export async function readWorksheet(
  bytes: Buffer,
  limits: ImportLimits,
  wanted: (sheet: SheetHeading) => boolean,
  each: (values: CellValues, rowNumber: number) => void,
): Promise<SheetHeading | undefined> {
  const input = zipStreamOf(bytes, await checkedParts(bytes, limits));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // tells dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  // Without these, ExcelJS copies a sheet it meets before the shared text to a temporary file, which could be
  // left behind; the parts are put in order above, so they are always read first when the workbook has them.
  Object.assign(reader as unknown as ReaderState, { sharedStrings: [], workbookRels: [] });
  try {
    for await (const sheet of reader) {
      let heading: SheetHeading | undefined;
      let chosen = false;
      let dataRows = 0;
      for await (const row of sheet) {
        const columns = row.cellCount;
        if (columns > limits.maxColumns) {
          throw new ImportSourceError(tooManyColumns(limits, row.number, columns));
        }
        if (!heading) {
          const name = (sheet as unknown as { name?: string }).name ?? '';
          heading = { name, header: decodedCells(row.values as CellValues) };
          chosen = wanted(heading);
          if (!chosen) break;
          continue;
        }
        dataRows += 1;
        if (dataRows > limits.maxRows) throw new ImportSourceError(tooManyRows(limits));
        each(decodedCells(row.values as CellValues), row.number);
      }
      if (heading && chosen) return heading;
    }
    return undefined;
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    throw unreadable((error as Error).message);
  } finally {
    input.destroy();
  }
}
