import { stringify } from 'csv-stringify/sync';
import { good, type GeneratedRow } from './import-values.js';

/*
 * Files of generated rows as importers meet them: CSV in any of the encodings files arrive in, with either line
 * ending, blank lines, rows with a value too many or too few and values holding control characters; or JSON.
 * Each comes with what every row should produce, at the line (or record number) it is written on.
 */

export const controlCharacters = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0090'];

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf-16be-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
  }
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** What one generated row should produce, at the line (or record number) it is written on. */
export interface Expected {
  readonly line: number;
  readonly bad: readonly { readonly field?: string; readonly bad: 'skips' | 'kept' }[];
  readonly description: string;
}

/** A CSV file of the rows, with some rows given a value too many or too few and some values a control character. */
export function csvFile(
  header: readonly string[],
  rows: readonly GeneratedRow[],
  damage: readonly ('none' | 'columns' | 'control')[],
  controls: readonly string[],
  eol: '\n' | '\r\n',
  blankLines: readonly boolean[],
): { text: string; expected: Expected[] } {
  const options = { record_delimiter: eol, quoted_match: /[\r\n]/ } as const;
  let text = stringify([header], options);
  let line = 1 + lineBreaks(text);
  const expected: Expected[] = [];
  rows.forEach((row, index) => {
    if (blankLines[index]) {
      text += eol;
      line += 1;
    }
    const cells = header.map((column) => row.cells?.[column] ?? good(''));
    let values = cells.map((cell) => cell.value);
    let bad = header.flatMap((column, at) => {
      const cell = cells[at];
      return cell?.bad ? [{ field: cell.field ?? column, bad: cell.bad }] : [];
    });
    if (damage[index] === 'columns') {
      // One value too many or too few; never a single empty value, which is a blank line (skipped, rightly).
      const fewer = values.slice(0, -1);
      values = index % 2 === 0 || fewer.join('') === '' ? [...values, 'extra'] : fewer;
      bad = [{ field: '', bad: 'skips' }];
    } else if (damage[index] === 'control') {
      const at = values.findIndex((value) => value.length >= 2 && /^[!-~]/.test(value));
      const value = values[at];
      if (value !== undefined) {
        values = values.map((v, i) =>
          i === at ? `${value.slice(0, 1)}${controls[index] ?? '\u0000'}${value.slice(1)}` : v,
        );
        bad = [...bad, { field: header[at] ?? '', bad: 'kept' }];
      }
    }
    const record = stringify([values], options);
    expected.push({ line, bad, description: JSON.stringify(values).slice(0, 300) });
    text += record;
    line += lineBreaks(record);
  });
  return { text, expected };
}

/** A JSON list of the records (or `wrap` round it), each record's number its place in the list. */
export function jsonFile(rows: readonly GeneratedRow[], wrap: (records: unknown[]) => unknown) {
  return {
    text: JSON.stringify(wrap(rows.map((row) => row.record))),
    expected: rows.map((row, index) => ({
      line: index + 1,
      bad: row.bad ?? [],
      description: JSON.stringify(row.record).slice(0, 300),
    })),
  };
}
