import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AreaRecord, PostcodeRecord } from '../../src/app/areas/area-records.js';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { at } from './fixtures.js';

const square = (x: number, y: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  });

function anArea(overrides: Partial<AreaRecord> = {}): AreaRecord {
  return {
    code: 'E01006074',
    edition: 'lsoa-2021',
    level: 'lsoa',
    name: 'Trafford 025A',
    parentCode: 'E05015239',
    boundary: square(0, 0),
    pointLat: 0.5,
    pointLng: 0.5,
    bounds: [0, 0, 1, 1],
    source: 'test',
    updatedAt: at(0),
    ...overrides,
  };
}

const aPostcode = (overrides: Partial<PostcodeRecord> = {}): PostcodeRecord => ({
  postcode: 'SR1 1AA',
  lat: 54.908542,
  lng: -1.379728,
  lsoaCode: 'E01008703',
  lsoaEdition: 'lsoa-2011',
  wardCode: 'E05001158',
  authorityCode: 'E08000024',
  terminatedOn: '1999-12',
  located: true,
  ...overrides,
});

/** Repository contract: areas, populations, indicators and postcodes (national reference data). */
describe.each(databaseTargets())('Store contract on $name: areas', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  beforeEach(async () => {
    await emptyDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps one area per code and boundary set, and replaces it on upsert', async () => {
    const lsoa21 = anArea();
    const lsoa11 = anArea({ edition: 'lsoa-2011', name: 'Trafford 025A (2011)', parentCode: null });
    await store.areas.upsertAreas([lsoa21, lsoa11]);
    await store.areas.upsertAreas([{ ...lsoa21, name: 'Renamed' }]);
    const found = await store.areas.findByCode('E01006074');
    expect(found.map((a) => [a.edition, a.name])).toEqual([
      ['lsoa-2021', 'Renamed'],
      ['lsoa-2011', 'Trafford 025A (2011)'],
    ]);
    expect(found[0]).toEqual({ ...lsoa21, name: 'Renamed' });
    expect(await store.areas.listSummaries('lsoa', 'lsoa-2011')).toEqual([
      (({ boundary: _b, ...rest }) => rest)(lsoa11),
    ]);
  });

  it('sets parents in bulk and lists children', async () => {
    await store.areas.upsertAreas([
      anArea({
        code: 'E05015239',
        level: 'ward',
        edition: 'ward-2024',
        name: 'Altrincham',
        parentCode: null,
      }),
      anArea({ parentCode: null }),
      anArea({ code: 'E01006075', name: 'Trafford 025B', parentCode: null }),
    ]);
    await store.areas.setParents([
      { code: 'E01006074', edition: 'lsoa-2021', parentCode: 'E05015239' },
      { code: 'E01006075', edition: 'lsoa-2021', parentCode: 'E05015239' },
      { code: 'E05015239', edition: 'ward-2024', parentCode: 'E08000009' },
    ]);
    expect((await store.areas.children('E05015239')).map((a) => a.name)).toEqual([
      'Trafford 025A',
      'Trafford 025B',
    ]);
    expect((await store.areas.children('E08000009', 'ward-2024')).map((a) => a.code)).toEqual(['E05015239']);
  });

  it('finds candidate areas whose box holds a point', async () => {
    await store.areas.upsertAreas([
      anArea({ code: 'E01000001', boundary: square(0, 0), bounds: [0, 0, 1, 1] }),
      anArea({ code: 'E01000002', boundary: square(1, 0), bounds: [1, 0, 2, 1] }),
      anArea({ code: 'E01000003', boundary: null, bounds: null }),
    ]);
    const codes = async (lat: number, lng: number) =>
      (await store.areas.candidatesAt('lsoa', 'lsoa-2021', lat, lng)).map((a) => a.code).sort();
    expect(await codes(0.5, 0.5)).toEqual(['E01000001']);
    expect(await codes(0.5, 1)).toEqual(['E01000001', 'E01000002']);
    expect(await codes(5, 5)).toEqual([]);
  });

  it('writes 35,000 areas in batches', async () => {
    const many = Array.from({ length: 35_000 }, (_, i) =>
      anArea({ code: `E01${String(i).padStart(6, '0')}`, boundary: null, bounds: null }),
    );
    await store.transaction((trx) => trx.areas.upsertAreas(many));
    expect((await store.areas.listSummaries('lsoa')).length).toBe(35_000);
  });

  it('stores populations, indicators and values', async () => {
    await store.areas.upsertPopulations([
      { areaCode: 'E01006074', period: '2024-06-30', population: 1634, source: 'ONS' },
      { areaCode: 'E05015239', period: '2024-06-30', population: 11278, source: 'ONS' },
    ]);
    await store.areas.upsertPopulations([
      { areaCode: 'E01006074', period: '2024-06-30', population: 1635, source: 'ONS' },
    ]);
    expect(await store.areas.listPopulations(['E01006074'])).toEqual([
      { areaCode: 'E01006074', period: '2024-06-30', population: 1635, source: 'ONS' },
    ]);
    const definition = {
      key: 'imd-2025/imd',
      name: 'Index of Multiple Deprivation',
      unit: 'score',
      source: 'MHCLG',
      edition: 'IMD 2025',
      publishedOn: '2025-10-30',
      geographyEdition: 'lsoa-2021',
      higherIsMoreNeed: true,
    };
    await store.areas.upsertIndicator(definition);
    await store.areas.upsertIndicator({ ...definition, name: 'IMD' });
    expect(await store.areas.listIndicators()).toEqual([{ ...definition, name: 'IMD' }]);
    const value = {
      indicatorKey: 'imd-2025/imd',
      areaCode: 'E01006074',
      value: 8.742,
      rank: 26525,
      decile: 8,
    };
    await store.areas.upsertIndicatorValues([value, { ...value, areaCode: 'E01006075', value: null }]);
    await store.areas.upsertIndicatorValues([{ ...value, value: 9.5 }]);
    expect(await store.areas.valuesForAreas(['E01006074'])).toEqual([{ ...value, value: 9.5 }]);
    expect(await store.areas.listIndicatorValues(['imd-2025/imd'])).toHaveLength(2);
  });

  it('stores postcodes with their flags', async () => {
    const unlocated = aPostcode({
      postcode: 'SR1 1AB',
      lat: null,
      lng: null,
      located: false,
      terminatedOn: null,
    });
    await store.areas.upsertPostcodes([aPostcode(), unlocated]);
    expect(await store.areas.findPostcode('SR1 1AA')).toEqual(aPostcode());
    expect(await store.areas.findPostcode('SR1 1AB')).toEqual(unlocated);
    expect(await store.areas.findPostcode('SR9 9ZZ')).toBeUndefined();
    expect((await store.areas.listPostcodes(['SR1 1AA', 'SR9 9ZZ'])).map((p) => p.postcode)).toEqual([
      'SR1 1AA',
    ]);
  });

  it('gives an example postcode of an authority: live and located, the first in order', async () => {
    await store.areas.upsertPostcodes([
      aPostcode({ postcode: 'SR1 1AA', terminatedOn: '1999-12' }),
      aPostcode({ postcode: 'SR1 1AB', lat: null, lng: null, located: false, terminatedOn: null }),
      aPostcode({ postcode: 'SR2 7BB', terminatedOn: null }),
      aPostcode({ postcode: 'SR2 7BA', terminatedOn: null }),
      aPostcode({ postcode: 'M32 0TS', authorityCode: 'E08000009', terminatedOn: null }),
    ]);
    expect(await store.areas.examplePostcode('E08000024')).toBe('SR2 7BA');
    expect(await store.areas.examplePostcode('E08000009')).toBe('M32 0TS');
    expect(await store.areas.examplePostcode('E06000001')).toBeUndefined();
  });

  it('stores the 2011 to 2021 LSOA lookup', async () => {
    const split = [
      { lsoa11Code: 'E01000001', lsoa21Code: 'E01033000', changeCode: 'S' },
      { lsoa11Code: 'E01000001', lsoa21Code: 'E01033001', changeCode: 'S' },
    ];
    await store.areas.upsertLsoaChanges([
      ...split,
      { lsoa11Code: 'E01000002', lsoa21Code: 'E01000002', changeCode: 'U' },
    ]);
    await store.areas.upsertLsoaChanges([
      { lsoa11Code: 'E01000002', lsoa21Code: 'E01000002', changeCode: 'M' },
    ]);
    expect(await store.areas.listLsoaChanges(['E01000001'])).toEqual(split);
    expect((await store.areas.listLsoaChanges()).map((c) => c.changeCode)).toEqual(['S', 'S', 'M']);
  });
});
