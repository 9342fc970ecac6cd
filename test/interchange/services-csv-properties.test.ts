import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { openSource, readSource } from '../../src/interchange/read-source.js';
import { servicesCsvColumns, servicesCsvImporter } from '../../src/interchange/services-csv-import.js';
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

/** Mostly good cells, now and then a bad one. */
const mostly = (goodCells: fc.Arbitrary<CellMaker>, badCells: fc.Arbitrary<CellMaker>) =>
  fc.oneof({ weight: 15, arbitrary: goodCells }, { weight: 1, arbitrary: badCells });
const keptFrom = (...values: string[]) =>
  cellFrom(fc.oneof(fc.constantFrom(...values), wrongType).map((v) => kept(v)));
/** Free text: hostile but never a problem. Mostly empty, as in real files, to keep 10,000 rows quick. */
const free = cellFrom(
  fc
    .oneof({ weight: 40, arbitrary: fc.constant('') }, { weight: 12, arbitrary: hostileText }, longText(1000))
    .map(good),
);
const description = cellFrom(fc.oneof({ weight: 30, arbitrary: hostileText }, longText(5000)).map(good));
const required = (make: (index: number) => string) =>
  mostly(
    fc.constant((index: number) => good(make(index))),
    anyOf(skips(''), skips('   '), skips('\r\n')),
  );

const row = rowOf(
  {
    id: required((index) => `S${index}`),
    name: mostly(cellFrom(hostileText.map(good)), anyOf(skips(''), skips('  '))),
    // A few organisations, each always with the same kind and no identifier, so services move between none.
    organisation: mostly(
      fc
        .constantFrom('St Clement’s, "Church"', 'Refuge =Trust', 'Café ☕ Club')
        .map((name) => (index: number) => good(`${name} ${index % 40}`)),
      anyOf(skips('')),
    ),
    organisation_kind: mostly(anyOf(good('')), keptFrom('charity')),
    organisation_identifier: mostly(anyOf(good('')), keptFrom('GB-CHC-12', 'abc')),
    description,
    status: mostly(
      anyOf(good(''), good('active'), good('Inactive'), good('temporarily closed')),
      keptFrom('open'),
    ),
    themes: mostly(
      anyOf(good(''), good('food'), good('Food; domestic-abuse')),
      keptFrom('cake', 'food;cake'),
    ),
    url: mostly(
      anyOf(good(''), good('https://example.org/a?b=1'), good('www.example.org')),
      keptFrom('not a url', 'abc'),
    ),
    email: mostly(
      anyOf(good(''), good('help@example.org'), good('mailto:Help@Example.org')),
      keptFrom('not-an-email'),
    ),
    phone: free,
    eligibility: free,
    minimum_age: mostly(anyOf(good(''), good('0'), good('18')), keptFrom('121', '-1', '1.5', '0x1F')),
    maximum_age: mostly(anyOf(good(''), good('120'), good(' 65 ')), keptFrom('200', '[]')),
    cost: free,
    how_to_access: free,
    languages: free,
    accessibility: free,
    location_name: free,
    address: free,
    postcode: mostly(anyOf(good(''), good('M41 0AA'), good('sw1a1aa')), keptFrom('ABC 1234', 'M41')),
    visibility: mostly(
      anyOf(good(''), good('public'), good('Area-only'), good('hidden')),
      keptFrom('secret'),
    ),
    area_codes: mostly(
      anyOf(good(''), good('E05000820'), good('e05000820|W01000001')),
      keptFrom('E1234', 'E05000820;X1'),
    ),
    opening_times: mostly(
      anyOf(good(''), good('Mon 09:00-17:00'), good('Mon 09:00-12:00; Fri 2pm-4.30pm')),
      keptFrom('Someday', 'Mon 17:00-09:00'),
    ),
    contact_name: free,
    contact_email: mostly(anyOf(good(''), good('a.person@example.org')), keptFrom('a.person@')),
    contact_phone: free,
    last_checked: mostly(
      anyOf(good(''), good('2026-01-15'), good('2025-12-01T10:00:00Z')),
      keptFrom('2026-02-31', '1', '12', '2026-13-01', '15/01/2026'),
    ),
  },
  // Capacity is a number of people and a period, good or bad together.
  fc.oneof(
    {
      weight: 15,
      arbitrary: fc
        .constantFrom(['', ''], ['40', 'week'], ['1', 'Day'], ['', 'month'])
        .map(([people, period]) => ({
          capacity_people: good(people),
          capacity_period: good(period),
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(['abc', 'week'], ['40', 'fortnight'], ['0', 'day'], ['1e20', 'year'], ['0x1F', 'week'])
        .map(([people, period]) => ({ capacity_people: kept(people), capacity_period: good(period) })),
    },
  ),
  // A point is a latitude and a longitude in the UK, both or neither; the problem is reported on the latitude.
  fc.oneof(
    {
      weight: 15,
      arbitrary: fc
        .constantFrom(['', ''], ['53.4481', '-2.3543'], [' 51.5 ', '-0.12'])
        .map(([latitude, longitude]) => ({ latitude: good(latitude), longitude: good(longitude) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          ['100', '101'],
          ['53.4', ''],
          ['', '-2'],
          ['abc', '-2'],
          ['0x35', '-2'],
          ['53.4', '1e999'],
        )
        .map(([latitude, longitude]) => ({
          latitude: kept(latitude, 'latitude'),
          longitude: good(longitude),
        })),
    },
  ),
);

describe.each(propertyTargets)('services CSV import of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;
  const importer = servicesCsvImporter(readSource, openSource);

  beforeAll(async () => {
    ({ database, context } = await propertyPartnership(target.postgres));
  }, 60_000);
  afterAll(() => database.close());

  it('reports every bad value on its line, skips only bad rows and writes only on apply (10,000 rows)', async () => {
    await checkImporterProperty(database.runtime, {
      importer,
      context: () => context,
      format: { kind: 'csv', header: servicesCsvColumns },
      rows: row,
      runs: 4,
      rowsPerRun: 2500,
      count: async () =>
        (await database.runtime.services.directory.search(context.partnershipId ?? '', {})).total,
    });
  }, 60_000);

  it('refuses empty, header-only, unreadable and wrongly shaped files, writing nothing', async () => {
    await checkRefusals(database.runtime, importer, context, {
      ...refusedCsvFiles(servicesCsvColumns),
      'no-id-column.csv': 'name,organisation\nPantry,Church\n',
    });
  }, 60_000);
});
