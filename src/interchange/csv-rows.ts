import { Readable, pipeline } from 'node:stream';
import { parse as parseStream, type Info, type Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { ImportSourceError, type ImportProblem } from '../app/interchange.js';
import { controlCharactersProblem, withoutControlCharacters } from './control-characters.js';
import { emptyFileMessage, piecesOfText } from './read-source.js';

/** One row of a CSV file under its header. */
export interface CsvRow {
  /** The line the row starts on: the header is line 1, so the first row under it is line 2. */
  readonly line: number;
  /** The row's values (trimmed), keyed by the header's column names. */
  readonly values: Record<string, string>;
}

/**
 * What reading a CSV file found wrong before any importer looked at the values: a skipped problem for each row
 * with more or fewer values than the header names columns (the row is left out), and a kept problem for each
 * value that held control characters (they are removed; the row is kept).
 */
export interface CsvReading {
  readonly headers: readonly string[];
  readonly problems: readonly ImportProblem[];
  /** How many rows were left out: the skipped problems, one per row. */
  readonly skipped: number;
}

/** A CSV file read whole: the header, the rows that fit it and what reading found wrong. */
export interface CsvTable extends CsvReading {
  /** The rows with as many values as the header names columns, in file order. */
  readonly rows: readonly CsvRow[];
}

export interface CsvOptions {
  /** Key values by the column names in lower case (as written, trimmed, when false). */
  readonly lowerCaseHeaders?: boolean;
}

const headerOnlyMessage =
  'The file has a header but no rows: there is nothing under the column names on line 1 to import.';

/** Tab-separated when the first line has tabs and no commas (as Excel's "Unicode text" saves), else commas. */
function delimiterOf(start: string): string {
  const firstLine = /[^\r\n]*[^\s][^\r\n]*/.exec(start)?.[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

const parserOptions = (delimiter: string) =>
  ({
    bom: true,
    delimiter,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as const;

const lineBreaks = (values: readonly string[]) =>
  values.reduce((count, value) => count + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * Turns parsed records into rows under the first record (the header), numbering each by the line it starts on.
 * The parser's own line count goes wrong after a quoted line break written as CR LF, so lines are counted here:
 * the blank lines it skipped before a record, and the line breaks inside the record's quoted values.
 */
class CsvRowMaker {
  headers: string[] | undefined;
  rowCount = 0;
  skipped = 0;
  private nextLine = 1;
  private emptyLinesSeen = 0;

  constructor(private readonly options: CsvOptions) {}

  /** Takes the next record: the header, or a row with the problems reading it found (rows with none have none). */
  take(values: string[], info: Info): { row?: CsvRow; problems: ImportProblem[] } {
    const line = this.nextLine + (info.empty_lines - this.emptyLinesSeen);
    this.emptyLinesSeen = info.empty_lines;
    this.nextLine = line + lineBreaks(values) + 1;
    if (!this.headers) {
      this.headers = values.map((h) => {
        const name = withoutControlCharacters(h.replace(/^\uFEFF/, '')).text.trim();
        return this.options.lowerCaseHeaders ? name.toLowerCase() : name;
      });
      return { problems: [] };
    }
    this.rowCount += 1;
    const columns = this.headers.length;
    if (values.length !== columns) {
      this.skipped += 1;
      const reason =
        `Line ${line} has ${values.length} value${values.length === 1 ? '' : 's'} but the header names ${columns} column${columns === 1 ? '' : 's'}: ` +
        'check for a missing or extra comma, or a value holding a comma without quotes round it. The row is skipped.';
      return { problems: [{ row: line, field: '', reason, outcome: 'skipped' }] };
    }
    const row: Record<string, string> = {};
    const problems: ImportProblem[] = [];
    this.headers.forEach((name, index) => {
      const { text, removed } = withoutControlCharacters(values[index] ?? '');
      if (removed > 0) problems.push(controlCharactersProblem(line, name, removed));
      row[name] = removed > 0 ? text.trim() : text;
    });
    return { row: { line, values: row }, problems };
  }

  /** Refuses a file with no header, or a header and nothing under it. */
  finish(): void {
    if (!this.headers) throw new ImportSourceError(emptyFileMessage);
    if (this.rowCount === 0) throw new ImportSourceError(headerOnlyMessage);
  }
}

const notCsv = (error: unknown) =>
  error instanceof ImportSourceError
    ? error
    : new ImportSourceError(`The file is not valid CSV: ${(error as Error).message}`);

/**
 * Reads a whole CSV file: the header (line 1), the rows, and a problem for each row with the wrong number of
 * values. A byte-order mark is ignored; an empty file, or one with only a header, is refused.
 */
export function readCsv(text: string, options: CsvOptions = {}): CsvTable {
  const maker = new CsvRowMaker(options);
  const rows: CsvRow[] = [];
  const problems: ImportProblem[] = [];
  try {
    // Each record is let go once it is a row (`on_record` keeps nothing), so a large file is not held twice.
    const keepNothing = (parsed: unknown) => {
      const { record, info } = parsed as { record: string[]; info: Info };
      const taken = maker.take(record, info);
      if (taken.row) rows.push(taken.row);
      problems.push(...taken.problems);
      return null;
    };
    parse(text, { ...parserOptions(delimiterOf(text.slice(0, 65_536))), on_record: keepNothing } as Options);
  } catch (error) {
    throw notCsv(error);
  }
  maker.finish();
  return { headers: maker.headers ?? [], rows, problems, skipped: maker.skipped };
}

/** A batch of a CSV file's rows, with what reading them found wrong. */
export type CsvBatch = CsvTable;

async function* inOrder(pieces: Iterable<string> | AsyncIterable<string>): AsyncGenerator<string> {
  yield* pieces;
}

/**
 * A CSV file's rows `size` at a time (with the problems of rows that do not fit the header), parsed only as
 * they are asked for: a large file's rows are never all in memory at once, and the caller can wait (to write to
 * the database) between batches. An empty file, or one with only a header, is refused once it is read.
 */
export async function* csvRowBatches(
  text: string | AsyncIterable<string>,
  size: number,
  options: CsvOptions = {},
): AsyncGenerator<CsvBatch> {
  const pieces = inOrder(typeof text === 'string' ? piecesOfText(text) : text);
  // The first line says which delimiter the file uses: read up to it before parsing.
  let start = '';
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
    start += next.value;
    if (/[^\s][^\r\n]*[\r\n]/.test(start) || start.length >= 65_536) break;
  }
  const source = Readable.from(
    (async function* () {
      if (start) yield start;
      yield* pieces;
    })(),
    { objectMode: false },
  );
  const parser = parseStream(parserOptions(delimiterOf(start)));
  // A source that fails (a file that cannot be read) fails the parser with it, rather than leaving it waiting.
  pipeline(source, parser, () => undefined);
  const maker = new CsvRowMaker(options);
  let rows: CsvRow[] = [];
  let problems: ImportProblem[] = [];
  let skippedBefore = 0;
  const batch = (): CsvBatch => {
    const taken = { headers: maker.headers ?? [], rows, problems, skipped: maker.skipped - skippedBefore };
    skippedBefore = maker.skipped;
    rows = [];
    problems = [];
    return taken;
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const taken = maker.take(record, info);
      if (taken.row) rows.push(taken.row);
      problems.push(...taken.problems);
      if (rows.length + maker.skipped - skippedBefore >= size) yield batch();
    }
  } catch (error) {
    throw notCsv(error);
  } finally {
    source.destroy();
    parser.destroy();
  }
  maker.finish();
  if (rows.length + problems.length > 0) yield batch();
}

/** Checks the header names every column in `required`, naming the ones missing. */
export function requireColumns(headers: readonly string[], required: readonly string[], what: string): void {
  const missing = required.filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    throw new ImportSourceError(
      `The file is not ${what}: it has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
        `The first row must name the columns.`,
    );
  }
}

/**
 * The problems of an import as it reports them: in the order of their rows (the file as a whole first; each
 * row's problems as they were found), each saying what became of its row, so a value put right on a row that
 * was skipped for another reason is shown as skipped too.
 */
export function rowProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const skippedRows = new Set(problems.filter((p) => p.outcome === 'skipped' && p.row > 0).map((p) => p.row));
  return problems
    .map((p) => (p.outcome === 'kept' && skippedRows.has(p.row) ? { ...p, outcome: 'skipped' as const } : p))
    .sort((a, b) => a.row - b.row);
}
