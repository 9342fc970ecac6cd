import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { grantsImporter } from '../../src/interchange/grants-360giving-import.js';
import { readSourceBytes } from '../../src/interchange/read-source.js';
import type { propertyRuntime } from '../support/import-properties.js';
import {
  anyOf,
  cellFrom,
  checkImporterProperty,
  checkRefusals,
  good,
  hostileText,
  kept,
  longText,
  propertyPartnership,
  propertyTargets,
  refusedCsvFiles,
  rowOf,
  skips,
  wrongType,
  type CellMaker,
} from '../support/import-properties.js';

const header = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Award Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Planned Dates:Start Date',
  'Planned Dates:Duration (months)',
  'Beneficiary Location:Geographic Code',
  'Beneficiary Location:Geographic Code Type',
];

const mostly = (goodCells: fc.Arbitrary<CellMaker>, badCells: fc.Arbitrary<CellMaker>) =>
  fc.oneof({ weight: 25, arbitrary: goodCells }, { weight: 1, arbitrary: badCells });
const text = cellFrom(fc.oneof({ weight: 20, arbitrary: hostileText }, longText(2000)).map(good));

/** Values the grant is skipped for, in the column named, or put right and noted (kept). */
const grantRow = rowOf(
  {
    Identifier: mostly(
      fc.constant((index: number) => good(`360G-test-${index}`)),
      anyOf(skips('')),
    ),
    Title: mostly(text, anyOf(skips(''), skips('  '))),
    Description: mostly(text, anyOf(kept(''))),
    Currency: mostly(
      anyOf(good('GBP'), good('gbp')),
      fc.oneof(
        anyOf(kept('EUR')),
        cellFrom(fc.constantFrom('', 'pounds', 'GB', '£', '123', '[]').map((v) => skips(v))),
      ),
    ),
    'Amount Awarded': mostly(
      anyOf(good('1250.50'), good('£1,000'), good('0'), good('99999999999999999999999'), good('1e3')),
      cellFrom(
        fc.oneof(fc.constantFrom('', 'abc', '-5', '1e999', '12 pounds'), wrongType).map((v) => skips(v)),
      ),
    ),
    'Award Date': mostly(
      anyOf(good('2024-06-19'), good('2024-06-19T00:00:00+00:00')),
      fc.oneof(
        anyOf(kept('24/07/2014')),
        cellFrom(
          fc
            .oneof(fc.constantFrom('', '2024-02-30', '31/02/2024', 'yesterday'), wrongType)
            .map((v) => skips(v)),
        ),
      ),
    ),
    'Funding Org:Identifier': mostly(anyOf(good('GB-CHC-1164021')), anyOf(skips(''))),
    'Funding Org:Name': mostly(text, anyOf(skips(''))),
    'Planned Dates:Start Date': mostly(
      anyOf(good(''), good('2024-07-01')),
      cellFrom(fc.constantFrom('2024-13-01', 'soon', '1e3').map((v) => kept(v))),
    ),
    'Planned Dates:Duration (months)': mostly(
      anyOf(good(''), good('12'), good('6.5')),
      cellFrom(fc.constantFrom('a year', '-3', '0x10').map((v) => kept(v))),
    ),
  },
  // A recipient is an identifier and a name: a grant with neither has no recipient and is skipped.
  fc.oneof(
    {
      weight: 25,
      arbitrary: fc
        .tuple(fc.constantFrom('GB-CHC-1234567', 'GB-COH-01234567', ''), hostileText)
        .map(([id, name]) => ({
          'Recipient Org:Identifier': good(id),
          'Recipient Org:Name': good(name),
        })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        'Recipient Org:Identifier': skips(''),
        'Recipient Org:Name': good(''),
      }),
    },
  ),
  // A beneficiary location's code and its type, now and then written the wrong way round (put right, noted).
  fc.oneof(
    {
      weight: 25,
      arbitrary: fc.constantFrom(['', ''], ['E05000820', 'WD'], ['E08000009', 'MD']).map(([code, type]) => ({
        'Beneficiary Location:Geographic Code': good(code),
        'Beneficiary Location:Geographic Code Type': good(type),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constant({
        'Beneficiary Location:Geographic Code': good('WD'),
        'Beneficiary Location:Geographic Code Type': kept('E05000820'),
      }),
    },
  ),
);

describe.each(propertyTargets)('360Giving grants import of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;
  const importer = grantsImporter(readSourceBytes);

  beforeAll(async () => {
    ({ database, context } = await propertyPartnership(target.postgres));
  }, 60_000);
  afterAll(() => database.close());

  it('reports every bad value on its line, skips only bad rows and writes only on apply (10,000 rows)', async () => {
    await checkImporterProperty(database.runtime, {
      importer,
      context: () => context,
      format: { kind: 'csv', header },
      rows: grantRow,
      runs: 4,
      rowsPerRun: 2500,
      count: () => database.runtime.services.store.grants.count(context.partnershipId ?? ''),
    });
  }, 60_000);

  it('refuses empty, header-only, unreadable and wrongly shaped files, writing nothing', async () => {
    await checkRefusals(database.runtime, importer, context, {
      ...refusedCsvFiles(header),
      'no-identifier-column.csv': 'Title,Amount Awarded\nA,1\n',
      'not-a-package.json': '{"grants": 3}',
    });
  }, 60_000);
});
