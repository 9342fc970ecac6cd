import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { needsCsvColumns, needsCsvImporter } from '../../src/interchange/needs-csv.js';
import { readSource } from '../../src/interchange/read-source.js';
import {
  anyOf,
  cellFrom,
  checkImporterProperty,
  checkRefusals,
  good,
  propertyRuntime,
  propertyTargets,
  refusedCsvFiles,
  rowOf,
  skips,
  wrongType,
  type CellMaker,
} from '../support/import-properties.js';

const mostly = (goodCells: fc.Arbitrary<CellMaker>, badCells: fc.Arbitrary<CellMaker>) =>
  fc.oneof({ weight: 20, arbitrary: goodCells }, { weight: 1, arbitrary: badCells });
const skipsFrom = (...values: string[]) =>
  cellFrom(fc.oneof(fc.constantFrom(...values), wrongType).map((v) => skips(v)));

/**
 * Evidence as partners write it, with formulas, quotes, commas, line breaks and other scripts, but never about
 * one person (which the import must refuse, and does: see the bad values).
 */
const evidencePieces = [
  'About 40 families a week ask for food parcels.',
  '=SUM(A1:A9) households on prepayment meters, "cutting back" on heating',
  'Older people, living alone, say they rarely talk to anyone.\nReferrals are up.',
  'Café ☕ users: ŵŷ ł Ω Ж مرحبا 😀',
  '<b>Queues</b> at the hub; 3 in 10 turned away',
  '+44 per cent more than last winter',
];
const evidence = mostly(
  fc.tuple(fc.constantFrom(...evidencePieces), fc.constantFrom('', ...evidencePieces)).map(
    ([first, second]) =>
      () =>
        good(`${first} ${second}`),
  ),
  anyOf(
    skips(''),
    skips('x'.repeat(2001)),
    skips('Mrs Smith on 07700 900123 needs food.'),
    skips('Email jo.bloggs@example.org about her rent.'),
  ),
);

describe.each(propertyTargets)('needs import of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;
  let areaCodes: string[] = [];
  const importer = needsCsvImporter(readSource);

  beforeAll(async () => {
    database = await propertyRuntime(target.postgres);
    const { services } = database.runtime;
    await services.demo.seed({ password: () => 'test-password-1234' });
    const partnership = await services.partnerships.findBySlug('northmoor');
    if (!partnership) throw new Error('no demo partnership');
    areaCodes = (await services.needs.context(partnership)).areas.list.map((area) => area.code);
    context = { services, partnershipId: partnership.id, actor: { userId: null, label: 'Test' } };
  }, 60_000);
  afterAll(() => database.close());

  it('reports every bad value on its line, skips only bad rows and writes only on apply (10,000 rows)', async () => {
    const row = rowOf({
      id: fc.constant((index: number) => good(`N-${index}`)),
      area_code: mostly(
        fc
          .tuple(
            fc.nat(),
            fc.constantFrom(
              (code: string) => code,
              (code: string) => ` ${code.toLowerCase()} `,
            ),
          )
          .map(
            ([at, write]) =>
              () =>
                good(write(areaCodes[at % areaCodes.length] ?? '')),
          ),
        skipsFrom('E01999999', 'E08000009x', ''),
      ),
      theme: mostly(anyOf(good('food'), good('Fuel and energy'), good('FOOD')), skipsFrom('weather', '')),
      severity: mostly(
        anyOf(good('1'), good('4'), good('Low'), good('moderate'), good('HIGH')),
        skipsFrom('5', '0', ''),
      ),
      people_affected: mostly(
        anyOf(good(''), good('40'), good('1,200'), good('10000000')),
        skipsFrom('0', '-1', '1.5', 'lots', '10000001', '1e20'),
      ),
      evidence,
      source: mostly(
        anyOf(good('survey'), good('VCS frontline'), good('council-data')),
        skipsFrom('rumour', ''),
      ),
      organisation: mostly(anyOf(good(''), good('Northmoor Food Bank')), skipsFrom('Nobody Ltd')),
      reported_on: mostly(
        anyOf(good('2025-11-01'), good('15/12/2025'), good('1/2/2024')),
        skipsFrom('2099-01-01', '2025-02-30', '31/02/2025', '', 'yesterday'),
      ),
    });
    await checkImporterProperty(database.runtime, {
      importer,
      context: () => context,
      format: { kind: 'csv', header: needsCsvColumns },
      rows: row,
      runs: 4,
      rowsPerRun: 2500,
      count: async () =>
        (await database.runtime.services.store.needs.listForPartnership(context.partnershipId ?? '')).length,
    });
  }, 60_000);

  it('refuses empty, header-only, unreadable and wrongly shaped files, writing nothing', async () => {
    await checkRefusals(database.runtime, importer, context, {
      ...refusedCsvFiles(needsCsvColumns),
      'no-evidence-column.csv': 'area_code,theme,severity\nE08000009,food,1\n',
    });
  }, 60_000);
});
