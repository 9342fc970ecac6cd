import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImportLimits, type ImportLimits } from '../../src/app/imports/import-limits.js';
import { ImportSourceError } from '../../src/app/interchange.js';
import { readGrantFile } from '../../src/interchange/grants-360giving-source.js';

/**
 * Spreadsheets are read as a stream within limits on rows, columns and unpacked size; a file past a limit is
 * refused with a message naming it, and a zip bomb is refused before anything in it is parsed.
 */

const header = ['Identifier', 'Title', 'Amount Awarded', 'Award Date', 'Currency'];
const grantRow = (i: number) => [
  `360G-limits-${i}`,
  `Grant ${i}`,
  1000 + i,
  new Date(Date.UTC(2025, 0, 1 + i)),
  'GBP',
];

async function workbook(rows: readonly unknown[][], sheetName = 'grants'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row as unknown[]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const limits = (change: Partial<ImportLimits>): ImportLimits => ({ ...defaultImportLimits, ...change });

/** The offset of a part's entry in the zip's central directory. */
function directoryEntry(zip: Buffer, name: string): number {
  for (let at = zip.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')); at > 0; at -= 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) continue;
    const length = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + length) === name) return at;
  }
  throw new Error(`No part ${name}`);
}

/** The zip with one part saying it unpacks to `size` bytes, whatever it really holds. */
function declaring(zip: Buffer, name: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  copy.writeUInt32LE(size, directoryEntry(copy, name) + 24);
  return copy;
}

async function refusal(read: Promise<unknown>): Promise<string> {
  const error = await read.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportSourceError);
  return (error as Error).message;
}

describe('reading a spreadsheet within limits', () => {
  it('reads every row of a workbook within the limits, with its numbers and dates', async () => {
    const file = await workbook([header, ...[1, 2, 3, 4, 5].map(grantRow)]);
    const contents = await readGrantFile(file, 'grants.xlsx', limits({ maxRows: 5 }));
    expect(contents.grants).toHaveLength(5);
    expect(contents.grants[0]).toMatchObject({
      id: '360G-limits-1',
      title: 'Grant 1',
      amountAwarded: 1001,
      currency: 'GBP',
    });
    expect((contents.grants[0] as { awardDate: unknown }).awardDate).toEqual(new Date(Date.UTC(2025, 0, 2)));
  });

  it('refuses a workbook with a row more than the limit, naming the limit', async () => {
    const file = await workbook([header, ...[1, 2, 3, 4, 5, 6].map(grantRow)]);
    const message = await refusal(readGrantFile(file, 'grants.xlsx', limits({ maxRows: 5 })));
    expect(message).toContain('more than 5 rows of data');
    expect(message).toContain('Split it into files of 5 rows or fewer');
  });

  it('counts every row of a long sheet exactly, before parsing it, across the pieces it is unpacked in', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => grantRow(i + 1));
    const file = await workbook([header, ...rows]);
    expect((await readGrantFile(file, 'grants.xlsx', limits({ maxRows: 3000 }))).grants).toHaveLength(3000);
    const message = await refusal(readGrantFile(file, 'grants.xlsx', limits({ maxRows: 2999 })));
    expect(message).toContain('more than 2,999 rows of data');
  });

  it('refuses a workbook with any sheet past the row limit, even one that is not read', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('grants').addRows([header, grantRow(1)]);
    book.addWorksheet('Lookup').addRows(Array.from({ length: 12 }, (_, i) => [`code ${i}`]));
    const file = Buffer.from(await book.xlsx.writeBuffer());
    expect(await refusal(readGrantFile(file, 'grants.xlsx', limits({ maxRows: 10 })))).toContain(
      'more than 10 rows of data',
    );
    expect((await readGrantFile(file, 'grants.xlsx', limits({ maxRows: 11 }))).grants).toHaveLength(1);
  });

  it('refuses a row wider than the column limit, saying which row', async () => {
    const file = await workbook([header, grantRow(1), [...grantRow(2), 'extra', 'more']]);
    const message = await refusal(readGrantFile(file, 'grants.xlsx', limits({ maxColumns: 6 })));
    expect(message).toContain('more than 6 columns');
    expect(message).toContain('row 3 reaches column 7');
  });

  it('applies the row and column limits to 360Giving CSV and JSON files too', async () => {
    const csv = [header.join(','), ...[1, 2, 3].map((i) => `360G-c-${i},T,10,2025-01-01,GBP`)].join('\n');
    expect(await refusal(readGrantFile(Buffer.from(csv), 'g.csv', limits({ maxRows: 2 })))).toContain(
      'more than 2 rows of data',
    );
    expect((await readGrantFile(Buffer.from(csv), 'g.csv', limits({ maxRows: 3 }))).grants).toHaveLength(3);
    expect(await refusal(readGrantFile(Buffer.from(csv), 'g.csv', limits({ maxColumns: 4 })))).toContain(
      'more than 4 columns',
    );
    const json = JSON.stringify({ grants: [1, 2, 3].map((i) => ({ id: `360G-j-${i}` })) });
    expect(await refusal(readGrantFile(Buffer.from(json), 'g.json', limits({ maxRows: 2 })))).toContain(
      'more than 2 rows of data',
    );
  });

  it('refuses a workbook whose parts say they unpack past the limit before parsing any of it', async () => {
    const honest = await workbook([header, grantRow(1)]);
    const bomb = declaring(honest, 'xl/worksheets/sheet1.xml', 3_000_000_000);
    // The sheet's packed bytes are spoiled: had it been parsed, the message would say it is damaged.
    const sheet = directoryEntry(bomb, 'xl/worksheets/sheet1.xml');
    const local = bomb.readUInt32LE(sheet + 42);
    const dataStart = local + 30 + bomb.readUInt16LE(local + 26) + bomb.readUInt16LE(local + 28);
    bomb.fill(0xff, dataStart, dataStart + bomb.readUInt32LE(sheet + 20));
    const message = await refusal(readGrantFile(bomb, 'grants.xlsx'));
    expect(message).toContain('too large to read safely');
    expect(message).toContain('would take 2,862 MB, and the most we read is 100 MB');
  });

  it('refuses an honest workbook that unpacks past the limit, naming the limit', async () => {
    const file = await workbook([header, ['360G-big', 'x'.repeat(3 * 1024 * 1024), 5, new Date(), 'GBP']]);
    expect(file.length).toBeLessThan(100_000);
    const message = await refusal(
      readGrantFile(file, 'grants.xlsx', limits({ maxUnpackedBytes: 1024 * 1024 })),
    );
    expect(message).toContain('the most we read is 1 MB');
  });

  it('refuses a zip bomb: a part that unpacks to more than it says', async () => {
    const file = await workbook([header, ['360G-big', 'x'.repeat(5 * 1024 * 1024), 5, new Date(), 'GBP']]);
    const bomb = declaring(file, 'xl/sharedStrings.xml', 2_000);
    const message = await refusal(readGrantFile(bomb, 'grants.xlsx'));
    expect(message).toContain('unpacks to more than the file says it does');
    expect(message).toContain('the most we read is 100 MB a part');
  });

  it('says a file that is not a workbook cannot be read', async () => {
    const message = await refusal(readGrantFile(Buffer.from('PK\x03\x04 not really a zip'), 'grants.xlsx'));
    expect(message).toMatch(/^The file is not a readable Excel workbook \(\.xlsx\)/);
  });
});

describe('a workbook written with its sheets before its shared text', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-sheets-first-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads right, and leaves no temporary copy of a sheet behind', async () => {
    const file = path.join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('Summary');
    sheet.addRow(['Not', 'grants']).commit();
    sheet.commit();
    const grants = writer.addWorksheet('grants');
    grants.addRow(header).commit();
    for (let i = 1; i <= 300; i += 1) grants.addRow(grantRow(i)).commit();
    grants.commit();
    await writer.commit();
    // ExcelJS names its temporary copies tmp-<process id>-…
    const copies = () => fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const before = copies();

    const contents = await readGrantFile(fs.readFileSync(file), file);
    expect(contents.grants).toHaveLength(300);
    expect(contents.grants[299]).toMatchObject({ id: '360G-limits-300', title: 'Grant 300' });
    expect(copies()).toEqual(before);
  });
});
