import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  ImportSourceError,
  type ImportContext,
  type Importer,
  type ImportReport,
} from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createPostgresDatabase, testDatabaseUrl } from './database.js';
import { dumpTables } from './test-app.js';

/*
 * Property-based tests of the importers: files of thousands of generated rows, each value either good (even
 * when hostile: formulas, quotes, commas, line breaks, unicode, very long text) or bad (empty, wrong type,
 * control characters, huge numbers, bad dates, bad codes), in random encodings and line endings. Each file is
 * previewed and applied on a real database, and the report is checked against what was generated: every bad
 * value is a problem on its line, no good row is skipped, a preview writes nothing and an apply writes all it
 * promised. Runs are few and rows many, so 10,000 rows go through each importer within its time limit.
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

const controlCharacters = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0090'];

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

/** A key cell made from the row's place: unique in the file, and the same place gives the same key each run. */
export const keyed = (make: (index: number) => string): fc.Arbitrary<CellMaker> =>
  fc.constant((index: number) => good(make(index)));

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le';

function encode(text: string, encoding: Encoding): Buffer {
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
interface Expected {
  readonly line: number;
  readonly bad: readonly { readonly field?: string; readonly bad: 'skips' | 'kept' }[];
  readonly description: string;
}

/** A CSV file of the rows, with some rows given a value too many or too few and some values a control character. */
function csvFile(
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
function jsonFile(rows: readonly GeneratedRow[], wrap: (records: unknown[]) => unknown) {
  return {
    text: JSON.stringify(wrap(rows.map((row) => row.record))),
    expected: rows.map((row, index) => ({
      line: index + 1,
      bad: row.bad ?? [],
      description: JSON.stringify(row.record).slice(0, 300),
    })),
  };
}

export interface ImporterProperty {
  /** The importer, given the functions that read a file. */
  readonly importer: Importer;
  /** The database the import is run on, with what it needs (a partnership, its areas). */
  readonly context: () => ImportContext;
  readonly format:
    | { readonly kind: 'csv'; readonly header: readonly string[] }
    | { readonly kind: 'json'; readonly wrap: (records: unknown[]) => unknown; readonly extension: string };
  readonly rows: fc.Arbitrary<RowMaker>;
  readonly runs: number;
  readonly rowsPerRun: number;
  /** How many records the import writes to hold now, to check an apply adds as many as its preview said. */
  readonly count?: () => Promise<number>;
}

/** The rows of one report at each line, problems and notes together. */
function problemsByLine(report: ImportReport) {
  const byLine = new Map<number, { field: string; outcome: string; reason: string }[]>();
  for (const problem of [...report.problems, ...(report.notes ?? [])]) {
    const list = byLine.get(problem.row) ?? [];
    list.push(problem);
    byLine.set(problem.row, list);
  }
  return byLine;
}

/** Checks a report against what the generated rows should produce. */
export function checkReport(report: ImportReport, expected: readonly Expected[]): void {
  const byLine = problemsByLine(report);
  const lines = new Set(expected.map((row) => row.line));
  for (const row of byLine.keys()) {
    if (row !== 0 && !lines.has(row)) throw new Error(`A problem names line ${row}, where no row starts`);
  }
  expect(report.read).toBe(expected.length);
  const skippedLines = new Set(
    report.problems.filter((p) => p.outcome === 'skipped' && p.row !== 0).map((p) => p.row),
  );
  expect(report.skipped).toBe(skippedLines.size);
  for (const row of expected) {
    const found = byLine.get(row.line) ?? [];
    const context = () => `line ${row.line} ${row.description}: found ${JSON.stringify(found)}`;
    if (row.bad.length === 0) {
      if (found.length > 0) throw new Error(`A good row was reported: ${context()}`);
      continue;
    }
    const fieldMatches = (bad: { field?: string }, problem: { field: string }) =>
      bad.field === undefined || bad.field === anyField || problem.field === bad.field;
    const skipping = row.bad.filter((bad) => bad.bad === 'skips');
    const skipped = skipping.length > 0;
    if (skipped) {
      // A skipped row must say why; the smaller defects of a row that is not kept need not be listed too.
      if (!found.some((p) => p.outcome === 'skipped' && skipping.some((bad) => fieldMatches(bad, p))))
        throw new Error(`No skipped problem for ${skipping.map((b) => b.field).join(', ')}: ${context()}`);
    } else {
      for (const bad of row.bad) {
        if (!found.some((p) => fieldMatches(bad, p)))
          throw new Error(`No problem for ${bad.field ?? 'a bad value'}: ${context()}`);
      }
      if (found.some((p) => p.outcome === 'skipped'))
        throw new Error(`A row with only values that are put right was skipped: ${context()}`);
    }
    if (skipped && !skippedLines.has(row.line)) throw new Error(`A bad row was not skipped: ${context()}`);
  }
}

/**
 * Runs the property: `runs` files of `rowsPerRun` generated rows, each previewed (writing nothing) and applied
 * (the same report, and as many new records as it said); the last is previewed again (nothing left to do).
 */
export async function checkImporterProperty(runtime: Runtime, property: ImporterProperty): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-import-property-'));
  const n = property.rowsPerRun;
  let file = 0;
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.array(property.rows, { minLength: n, maxLength: n }),
        fc.array(
          fc.constantFrom(
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'none',
            'columns',
            'control',
          ),
          {
            minLength: n,
            maxLength: n,
          },
        ),
        fc.array(fc.constantFrom(...controlCharacters), { minLength: n, maxLength: n }),
        fc
          .array(fc.boolean(), { minLength: n, maxLength: n })
          .map((blank) => blank.map((b, i) => b && i % 7 === 0)),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le'),
        fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
        async (makers, damage, controls, blankLines, encoding, eol) => {
          const rows = makers.map((make, index) => make(index));
          const { format } = property;
          const { text, expected } =
            format.kind === 'csv'
              ? csvFile(format.header, rows, damage, controls, eol, blankLines)
              : jsonFile(rows, format.wrap);
          file += 1;
          const source = path.join(dir, `file-${file}.${format.kind === 'csv' ? 'csv' : format.extension}`);
          fs.writeFileSync(source, encode(text, format.kind === 'csv' ? encoding : 'utf-8'));

          const context = property.context();
          const before = await dumpTables(runtime);
          const countBefore = await property.count?.();
          const preview = await property.importer.preview(source, context);
          expect(await dumpTables(runtime)).toEqual(before);
          checkReport(preview, expected);

          const applied = await property.importer.apply(source, context);
          expect(applied).toEqual(preview);
          if (property.count && countBefore !== undefined)
            expect(await property.count()).toBe(countBefore + preview.imported);
          // Once is enough to show an apply leaves nothing undone; every run would double the time.
          if (file === property.runs)
            expect(await property.importer.preview(source, context)).toMatchObject({
              imported: 0,
              updated: 0,
            });
        },
      ),
      { numRuns: property.runs, endOnFailure: true },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Files the importer must refuse whole: each throws an ImportSourceError on preview and apply and writes nothing. */
export async function checkRefusals(
  runtime: Runtime,
  importer: Importer,
  context: ImportContext,
  files: Readonly<Record<string, Buffer | string>>,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-import-refusal-'));
  try {
    const before = await dumpTables(runtime);
    for (const [name, content] of Object.entries(files)) {
      const source = path.join(dir, name);
      fs.writeFileSync(source, content);
      for (const run of [importer.preview, importer.apply]) {
        const outcome = await run.call(importer, source, context).then(
          (report) => report,
          (error: unknown) => error,
        );
        if (!(outcome instanceof ImportSourceError))
          throw new Error(
            `${name} was not refused: ${outcome instanceof Error ? outcome.stack : JSON.stringify(outcome)}`,
          );
      }
    }
    expect(await dumpTables(runtime)).toEqual(before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A runtime on SQLite, or on a PostgreSQL database of its own when `postgres`; `close` removes it all. */
export async function propertyRuntime(
  postgres: boolean,
): Promise<{ runtime: Runtime; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-property-'));
  const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
  let drop: (() => Promise<void>) | undefined;
  if (postgres) {
    const database = await createPostgresDatabase();
    env.DATABASE_URL = database.url;
    drop = database.drop;
  }
  const runtime = await openRuntime(parseConfig(env));
  return {
    runtime,
    async close() {
      await runtime.close();
      await drop?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The databases the properties run on: SQLite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const propertyTargets = [
  { name: 'sqlite', postgres: false },
  ...(testDatabaseUrl() ? [{ name: 'postgres', postgres: true }] : []),
];

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
