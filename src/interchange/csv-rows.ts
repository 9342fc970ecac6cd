import { Readable, pipeline } from 'node:stream';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { ImportSourceError } from '../app/interchange.js';
import { piecesOfText } from './read-source.js';

/** Rows of a CSV file keyed by its header (as written, trimmed). A byte-order mark is ignored. */
export function csvRows(text: string): Record<string, string>[] {
  try {
    return parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new ImportSourceError(`The file is not valid CSV: ${(error as Error).message}`);
  }
}

/**
 * Calls `each` with every row of a CSV file keyed by its header, without keeping the rows: for large files,
 * where holding every row as well as what is made of them would double the memory needed. Returns the count.
 */
export function eachCsvRow(text: string, each: (row: Record<string, string>, index: number) => void): number {
  let count = 0;
  try {
    parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      on_record: (record: Record<string, string>) => {
        each(record, count);
        count += 1;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    throw new ImportSourceError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  return count;
}

/**
 * Rows of a CSV file keyed by its header, `size` at a time, parsed only as they are asked for: a large file's
 * rows are never all in memory at once, and the caller can wait (to write to the database) between batches.
 */
export async function* csvRowBatches(
  text: string | AsyncIterable<string>,
  size: number,
): AsyncGenerator<Record<string, string>[]> {
  const source = Readable.from(typeof text === 'string' ? piecesOfText(text) : text, { objectMode: false });
  const parser = parseStream({
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  // A source that fails (a file that cannot be read) fails the parser with it, rather than leaving it waiting.
  pipeline(source, parser, () => undefined);
  let batch: Record<string, string>[] = [];
  try {
    for await (const record of parser) {
      batch.push(record as Record<string, string>);
      if (batch.length < size) continue;
      const full = batch;
      batch = [];
      yield full;
    }
  } catch (error) {
    if (error instanceof ImportSourceError) throw error;
    throw new ImportSourceError(`The file is not valid CSV: ${(error as Error).message}`);
  } finally {
    source.destroy();
    parser.destroy();
  }
  if (batch.length > 0) yield batch;
}

/** Checks the first row has every column in `required`, naming the ones missing. */
export function requireColumns(
  rows: readonly Record<string, string>[],
  required: readonly string[],
  what: string,
): void {
  const first = rows[0];
  if (!first) return;
  const missing = required.filter((column) => !(column in first));
  if (missing.length > 0) {
    throw new ImportSourceError(
      `The file is not ${what}: it has no ${missing.map((m) => `"${m}"`).join(', ')} column${missing.length > 1 ? 's' : ''}. ` +
        `The first row must name the columns.`,
    );
  }
}
