import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext, Importer } from '../../src/app/interchange.js';
import { imdImporter } from '../../src/interchange/areas/imd.js';
import { indicatorImporter } from '../../src/interchange/areas/indicator.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { postcodesImporter } from '../../src/interchange/areas/postcodes.js';
import { ruralUrbanImporter } from '../../src/interchange/areas/rural-urban.js';
import { readSource } from '../../src/interchange/read-source.js';
import {
  anyOf,
  cellFrom,
  checkImporterProperty,
  checkRefusals,
  good,
  hostileText,
  kept,
  propertyRuntime,
  propertyTargets,
  refusedCsvFiles,
  rowOf,
  skips,
  wrongType,
  type Cell,
  type CellMaker,
  type RowMaker,
} from '../support/import-properties.js';

/*
 * The national reference imports (postcodes, lookups, populations, deprivation, indicators, rural-urban), each
 * through 10,000 generated rows. Every row with a bad value is skipped: reference data is all or nothing per row.
 */

const mostly = (goodCells: fc.Arbitrary<CellMaker>, badCells: fc.Arbitrary<CellMaker>) =>
  fc.oneof({ weight: 20, arbitrary: goodCells }, { weight: 1, arbitrary: badCells });
const skipsFrom = (...values: string[]) =>
  cellFrom(fc.oneof(fc.constantFrom(...values), wrongType).map((v) => skips(v)));
/** For deprivation scores, ranks and deciles, "NA", "n/a" and "null" mean no value, so they are not bad. */
const badNumber = (...values: string[]) =>
  cellFrom(
    fc
      .oneof(
        fc.constantFrom(...values),
        wrongType.filter((v) => v !== 'null'),
      )
      .map((v) => skips(v)),
  );
const pad = (n: number) => String(n).padStart(6, '0');
/** A code of `prefix` unique to the row, now and then in lower case or with spaces round it. */
const code = (prefix: string, of: (index: number) => number = (index) => index) =>
  fc
    .constantFrom(
      (c: string) => c,
      (c: string) => c.toLowerCase(),
      (c: string) => `  ${c} `,
    )
    .map((write) => (index: number) => good(write(`${prefix}${pad(of(index))}`)));
const badCode = (wrongLevel: string) => skipsFrom('', 'E1', 'S01000001', 'N99999999', wrongLevel);
const names = cellFrom(hostileText.map(good));

const letters = 'ABCDEFGHIJKLMNOPRSTUWYZ';
/** A real-shaped postcode unique to the row (23 × 23 areas × 9 districts), written in the ways files write them. */
const postcode = fc
  .constantFrom(
    (p: string) => p,
    (p: string) => p.toLowerCase(),
    (p: string) => p.replace(' ', ''),
    (p: string) => p.replace(' ', '  '),
  )
  .map((write) => (index: number) => {
    const area = `${letters[index % 23] ?? 'A'}${letters[Math.floor(index / 23) % 23] ?? 'A'}`;
    return good(write(`${area}${(Math.floor(index / 529) % 9) + 1} 1AA`));
  });

const pairs = (
  columns: readonly [string, string],
  goodPairs: readonly (readonly [string, string])[],
  badPairs: readonly (readonly [string, string, string])[],
): fc.Arbitrary<Record<string, Cell>> =>
  fc.oneof(
    {
      weight: 20,
      arbitrary: fc
        .constantFrom(...goodPairs)
        .map(([a, b]) => ({ [columns[0]]: good(a), [columns[1]]: good(b) })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...badPairs).map(([a, b, field]) => ({
        [columns[0]]: field === columns[0] ? skips(a) : good(a),
        [columns[1]]: field === columns[1] ? skips(b) : good(b),
      })),
    },
  );

interface AreaCase {
  readonly kind: string;
  readonly importer: Importer;
  readonly options?: Record<string, string>;
  readonly header: readonly string[];
  readonly rows: fc.Arbitrary<RowMaker>;
}

const cases: readonly AreaCase[] = [
  {
    kind: 'postcodes',
    importer: postcodesImporter(readSource),
    header: ['pcds', 'lat', 'long', 'lsoa21', 'osward', 'laua', 'doterm'],
    rows: rowOf(
      {
        pcds: mostly(postcode, skipsFrom('', 'ABC 1234', 'SW1A')),
        lsoa21: mostly(
          anyOf(good('E01006074'), good(''), good('S01000001'), good('E99999999')),
          anyOf(kept('=cmd'), kept('E1')),
        ),
        osward: mostly(anyOf(good('E05000820'), good('')), anyOf(kept('ward 7'))),
        laua: mostly(anyOf(good('E08000009'), good('')), anyOf(kept('[]'))),
        doterm: mostly(anyOf(good(''), good('202103')), skipsFrom('2021', '202113', '202100')),
      },
      pairs(
        ['lat', 'long'],
        [
          ['53.4', '-2.2'],
          ['99.999999', '0'],
          ['', ''],
          ['-90', '180'],
          [' 51.5 ', '-0.1'],
        ],
        [
          ['91', '0', 'lat'],
          ['abc', '1', 'lat'],
          ['1e999', '0', 'lat'],
          ['0x35', '0', 'lat'],
          ['53', '181', 'long'],
          ['53', '0x1F', 'long'],
        ],
      ),
    ),
  },
  {
    kind: 'lookup',
    importer: lookupImporter(readSource),
    header: ['lsoa21_code', 'lsoa21_name', 'ward24_code', 'ward24_name', 'ltla24_code', 'ltla24_name'],
    rows: rowOf({
      lsoa21_code: mostly(code('E01'), badCode('E05000001')),
      lsoa21_name: names,
      // Each ward always under the same authority, as in a real lookup.
      ward24_code: mostly(
        code('E05', (index) => index % 300),
        badCode('E01000001'),
      ),
      ward24_name: names,
      ltla24_code: mostly(
        code('E08', (index) => (index % 300) % 10),
        badCode('E05000001'),
      ),
      ltla24_name: names,
    }),
  },
  {
    kind: 'population',
    importer: populationImporter(readSource),
    header: ['area_code', 'area_name', 'all_ages', 'date'],
    rows: rowOf({
      area_code: mostly(code('E01'), badCode('E12000001')),
      area_name: names,
      all_ages: mostly(
        anyOf(good('0'), good('1,234'), good('100000000'), good('1500')),
        skipsFrom('-1', '1.5', '100000001', '1e20', ''),
      ),
      date: mostly(
        anyOf(good('2024-06-30'), good('2024'), good('2024-06')),
        skipsFrom('2024-13', '2024-02-30', 'mid 2024', ''),
      ),
    }),
  },
  {
    kind: 'imd',
    importer: imdImporter(readSource),
    header: ['lsoa21_code', 'IMD_score', 'IMD_rank', 'IMD_decile', 'Income_score'],
    rows: rowOf({
      lsoa21_code: mostly(code('E01'), badCode('E05000001')),
      IMD_score: mostly(
        anyOf(good('12.5'), good(''), good('NA'), good('-0.3'), good('null')),
        badNumber('abc'),
      ),
      IMD_rank: mostly(anyOf(good('1'), good('33755'), good('')), badNumber('0', '1.5', '1000001', '1e20')),
      IMD_decile: mostly(anyOf(good('1'), good('10'), good('')), badNumber('0', '11', '2.5')),
      Income_score: mostly(anyOf(good('0.25'), good('n/a')), badNumber('high')),
    }),
  },
  {
    kind: 'indicator',
    importer: indicatorImporter(readSource),
    options: { name: 'Fuel poverty', unit: 'per cent', source: 'DESNZ', edition: '2023', date: '2025-04-24' },
    header: ['area_code', 'value'],
    rows: rowOf({
      area_code: mostly(code('E01'), skipsFrom('', 'E1', 'S01000001')),
      value: mostly(anyOf(good('1.5'), good('-3'), good('1e3'), good('1,000')), skipsFrom('', 'n/a', 'lots')),
    }),
  },
  {
    kind: 'rural-urban',
    importer: ruralUrbanImporter(readSource),
    header: ['lsoa21_code', 'ruc21_code', 'ruc'],
    rows: rowOf(
      { lsoa21_code: mostly(code('E01'), badCode('E05000001')) },
      pairs(
        ['ruc', 'ruc21_code'],
        [
          ['Rural', ''],
          ['', 'UN1'],
          ['urban', 'RLF1'],
          [' RURAL ', 'x'],
        ],
        [
          ['Suburban', '', 'ruc'],
          ['', 'X1', 'ruc'],
          ['', '', 'ruc'],
          ['=cmd', '42', 'ruc'],
        ],
      ),
    ),
  },
];

describe.each(propertyTargets)('national reference imports of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;

  beforeAll(async () => {
    database = await propertyRuntime(target.postgres);
    context = {
      services: database.runtime.services,
      partnershipId: undefined,
      actor: { userId: null, label: 'Test' },
    };
  }, 60_000);
  afterAll(() => database.close());

  describe.each(cases)('$kind', ({ importer, options, header, rows }) => {
    it('reports every bad value on its line, skips only bad rows and writes only on apply (10,000 rows)', async () => {
      await checkImporterProperty(database.runtime, {
        importer,
        context: () => ({ ...context, options }),
        format: { kind: 'csv', header },
        rows,
        runs: 4,
        rowsPerRun: 2500,
      });
    }, 60_000);

    it('refuses empty, header-only and unreadable files, writing nothing', async () => {
      await checkRefusals(database.runtime, importer, { ...context, options }, refusedCsvFiles(header));
    }, 60_000);
  });
});
