import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, type CsvCell } from './csv-text.js';

const strict = (text: string): string[][] =>
  parse(text, {
    bom: true,
    relax_quotes: false,
    relax_column_count: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as string[][];

describe('csvText', () => {
  it.each<[string, CsvCell, string]>([
    ['plain text as it is', 'Food bank', 'Food bank'],
    ['a comma, quoted', 'Hall, Church Street', '"Hall, Church Street"'],
    ['a double quote, doubled and quoted', 'The "Hub"', '"The ""Hub"""'],
    ['a bare line feed, quoted', 'Line one\nline two', '"Line one\nline two"'],
    ['a bare carriage return, quoted', 'Line one\rline two', '"Line one\rline two"'],
    ['CR LF, quoted', 'Line one\r\nline two', '"Line one\r\nline two"'],
    ['a number as digits', 12.5, '12.5'],
    ['nothing as an empty field', null, ''],
    ['undefined as an empty field', undefined, ''],
  ])('writes %s', (_name, cell, field) => {
    expect(csvText([[cell, 'x']])).toBe(`${field},x\r\n`);
  });

  it('starts with a byte order mark only when asked', () => {
    expect(csvText([['a']], { bom: true })).toBe('\uFEFFa\r\n');
    expect(csvText([['a']])).toBe('a\r\n');
  });

  it('reads back with a strict parser as exactly the rows written', () => {
    const rows = [
      ['Name', 'Description', 'Notes'],
      ['Hall, Church Street', 'Says "hello"\nand more', 'Ends with a line feed\n'],
      ['\nstarts with one', ' spaces kept ', '"'],
      ['', 'a\r\nb\rc', ',,,'],
    ];
    expect(strict(csvText(rows, { bom: true }))).toEqual(rows);
  });
});
