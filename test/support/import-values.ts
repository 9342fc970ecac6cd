import fc from 'fast-check';

/*
 * The values the import properties generate: each good (even when hostile: formulas, quotes, commas, line
 * breaks, other scripts, very long text) or bad (empty, wrong type, huge numbers, bad dates, bad codes), with
 * what the importer must say about the bad ones.
 */

/** One generated value: its text, and what the importer must say about it when it is bad. */
export interface Cell {
  readonly value: string;
  /** 'skips' when the row must be skipped for it, 'kept' when it must be reported and the row imported. */
  readonly bad?: 'skips' | 'kept';
  /** The field the problem names, when not the column itself; `anyField` when it may be any. */
  readonly field?: string;
}

/** A value that depends on the row's place in the file, so keys (ids, codes, names) are unique. */
export type CellMaker = (index: number) => Cell;

/** A generated row: a value per column, or (for JSON files) a record with what it must produce. */
export interface GeneratedRow {
  readonly cells?: Readonly<Record<string, Cell>>;
  readonly record?: unknown;
  readonly bad?: readonly { readonly field?: string; readonly bad: 'skips' | 'kept' }[];
}

export type RowMaker = (index: number) => GeneratedRow;

/** For a bad value whose problem may name another field (such as latitude for a bad longitude). */
export const anyField = '*';

export const good = (value: string): Cell => ({ value });
export const skips = (value: string, field?: string): Cell => ({ value, bad: 'skips', field });
export const kept = (value: string, field?: string): Cell => ({ value, bad: 'kept', field });

/** Free text that every importer must take as it is: formulas, quotes, commas, line breaks, other scripts. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '=cmd|"/c calc"!A1',
    '+SUM(1,2)',
    '-2+3',
    '@SUM(A1:A9)',
    'Comma, "quoted" and ""doubled"" text',
    'Line one\nline two',
    'Carriage\r\nreturn and\rold Mac',
    'Café ☕ ŵŷ ł Ω Ж مرحبا 😀',
    '<script>alert(1)</script>',
    "O'Brien & Sons; DROP TABLE services;--",
    '   padded   ',
    'tab\there',
    '\u202eright-to-left override',
    'null',
    'NaN',
    'undefined',
    '{"json": [1, 2]}',
  ),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    // Control characters are generated on purpose elsewhere, as bad values.
    // eslint-disable-next-line no-control-regex -- keeping them out of good text is the point
    .map((text) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''))
    .filter((text) => text.trim().length > 0),
);

/** Values of the wrong type or shape for a number, a code or a date. */
export const wrongType: fc.Arbitrary<string> = fc.constantFrom(
  'abc',
  'true',
  'null',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '[]',
  '{}',
  '=1+1',
  '0x1F',
  '12abc',
  '١٢٣',
  '💥',
);

/** A long text (a few thousand characters), still a single value. */
export const longText = (length: number) =>
  fc.constantFrom('x', 'é', '☕', 'a b ').map((unit) => unit.repeat(length));

/**
 * Builds a row from a cell maker per column, and `groups` of cells that are only good or bad together (such as
 * a latitude and a longitude).
 */
export function rowOf(
  columns: Readonly<Record<string, fc.Arbitrary<CellMaker>>>,
  ...groups: fc.Arbitrary<Readonly<Record<string, Cell>>>[]
): fc.Arbitrary<RowMaker> {
  return fc.tuple(fc.record(columns), ...groups).map(([makers, ...grouped]) => (index: number) => {
    const cells: Record<string, Cell> = {};
    for (const [column, make] of Object.entries(makers)) cells[column] = make(index);
    for (const group of grouped) Object.assign(cells, group);
    return { cells };
  });
}

/** A cell the same for every row, chosen from `values`. */
export const anyOf = (...cells: Cell[]): fc.Arbitrary<CellMaker> =>
  fc.constantFrom(...cells).map((cell) => () => cell);

/** A cell from an arbitrary of cells. */
export const cellFrom = (cells: fc.Arbitrary<Cell>): fc.Arbitrary<CellMaker> =>
  cells.map((cell) => () => cell);

/** Files every CSV importer refuses whole: empty, blank, a header alone, an unclosed quote, UTF-32. */
export function refusedCsvFiles(header: readonly string[]): Record<string, Buffer | string> {
  const line = header.join(',');
  const utf32 = Buffer.alloc((line.length + 1) * 4);
  utf32.writeUInt32LE(0xfeff, 0);
  [...line].forEach((character, index) =>
    utf32.writeUInt32LE(character.codePointAt(0) ?? 0, (index + 1) * 4),
  );
  return {
    'empty.csv': '',
    'blank.csv': '  \r\n\n\t\n',
    'bom-only.csv': '\uFEFF',
    'header-only.csv': `${line}\r\n\r\n`,
    'header-only-utf16.csv': Buffer.from(`\uFEFF${line}\r\n`, 'utf16le'),
    'unclosed-quote.csv': `${line}\n"open${',x'.repeat(header.length - 1)}\n`,
    'utf-32.csv': utf32,
  };
}
