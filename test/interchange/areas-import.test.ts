import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportSourceError, type ImportContext, type Importer } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { imdImporter } from '../../src/interchange/areas/imd.js';
import { indicatorImporter } from '../../src/interchange/areas/indicator.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { postcodesImporter } from '../../src/interchange/areas/postcodes.js';
import { readSource } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const data = path.resolve('../shared/data');
const file = (relative: string) => path.join(data, relative);
const inline = async (text: string) => text;

describe('importing areas, populations, indicators and postcodes (real ONS and MHCLG files)', () => {
  let dir: string;
  let runtime: Runtime;
  const context = (options: Record<string, string> = {}): ImportContext => ({
    services: runtime.services,
    partnershipId: undefined,
    actor: { userId: null, label: 'Test' },
    options,
  });
  const twice = async (importer: Importer, source: string, options: Record<string, string> = {}) => {
    const preview = await importer.preview(source, context(options));
    const first = await importer.apply(source, context(options));
    const second = await importer.apply(source, context(options));
    return { preview, first, second };
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-areas-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const store = () => runtime.services.store.areas;

  it('imports local authority boundaries, refusing Scottish and Northern Irish codes with a reason', async () => {
    const importer = boundariesImporter(readSource);
    const { preview, first, second } = await twice(importer, file('geo/boundaries/lad_2024_uk_buc.geojson'), {
      level: 'lad',
    });
    expect(preview).toMatchObject({ read: 361, imported: 318, updated: 0, skipped: 43 });
    expect(first).toMatchObject({ read: 361, imported: 318, updated: 0, skipped: 43 });
    expect(second).toMatchObject({ imported: 0, updated: 0, skipped: 43 });
    expect(first.problems[0]?.reason).toMatch(
      /^N09\d{6} is a Northern Irish area: Common Ground covers England and Wales/,
    );
    const [trafford] = await store().findByCode('E08000009');
    expect(trafford).toMatchObject({ name: 'Trafford', edition: 'lad-2024', level: 'authority' });
  });

  it('imports Trafford wards (area_code) and LSOAs (LSOA21CD) with points inside their boundaries', async () => {
    const wards = await twice(
      boundariesImporter(readSource),
      file('geo/boundaries/wards_2023_trafford.geojson'),
      {
        level: 'ward',
      },
    );
    expect([wards.first.imported, wards.second.imported, wards.second.updated]).toEqual([21, 0, 0]);
    expect((await store().findByCode('E05015239'))[0]).toMatchObject({
      name: 'Altrincham',
      edition: 'ward-2024',
    });
    const lsoas = await twice(
      boundariesImporter(readSource),
      file('geo/boundaries/lsoa_2021_trafford.geojson'),
      {
        level: 'lsoa',
      },
    );
    expect([
      lsoas.preview.imported,
      lsoas.first.imported,
      lsoas.second.imported,
      lsoas.second.updated,
    ]).toEqual([139, 139, 0, 0]);
    const [lsoa] = await store().findByCode('E01006074');
    expect(lsoa).toMatchObject({ edition: 'lsoa-2021', name: 'Trafford 025A' });
    expect(lsoa?.pointLat).toBeGreaterThan(53.38);
    expect(lsoa?.pointLat).toBeLessThan(53.4);
  });

  it('reads gzipped GeoJSON: all 33,755 LSOAs in England', { timeout: 60_000 }, async () => {
    const report = await boundariesImporter(readSource).preview(
      file('geo/boundaries/lsoa_2021_england_bsc.geojson.gz'),
      context({ level: 'lsoa' }),
    );
    expect(report).toMatchObject({ read: 33_755, imported: 33_755 - 139, updated: 0, skipped: 0 });
  });

  it('says when a ward file is imported as LSOAs', async () => {
    const report = await boundariesImporter(readSource).preview(
      file('geo/boundaries/wards_2023_trafford.geojson'),
      {
        ...context({ level: 'lsoa', 'code-field': 'area_code' }),
      },
    );
    expect(report.skipped).toBe(21);
    expect(report.problems[0]?.reason).toContain('is a ward code, but this import is for neighbourhood');
    await expect(boundariesImporter(inline).preview('{"type":"Feature"}', context())).rejects.toThrow(
      ImportSourceError,
    );
  });

  it('links LSOAs to wards to authorities from the ONS lookup', async () => {
    const { first, second } = await twice(
      lookupImporter(readSource),
      file('geo/lookups/lookup_lsoa21_ward24_lad24.csv'),
    );
    expect(first).toMatchObject({ read: 35_672, updated: 160, skipped: 0 });
    expect(second).toMatchObject({ imported: 0, updated: 0 });
    const wards = await store().children('E08000009');
    expect(wards).toHaveLength(21);
    expect(wards.every((w) => w.boundary !== null)).toBe(true);
    const lsoas = await store().children('E05015239', 'lsoa-2021');
    expect(lsoas.length).toBeGreaterThan(3);
  });

  it('recognises the 2011 to 2021 LSOA lookup', async () => {
    const { first, second } = await twice(
      lookupImporter(readSource),
      file('geo/lookups/lookup_lsoa11_lsoa21_lad22.csv'),
    );
    expect(first).toMatchObject({ read: 35_795, imported: 35_795, skipped: 0 });
    expect(second).toMatchObject({ imported: 0, updated: 0 });
    expect(await store().listLsoaChanges(['E01020782'])).toEqual([
      { lsoa11Code: 'E01020782', lsoa21Code: 'E01020782', changeCode: 'U' },
    ]);
  });

  it('counts only the Persons rows of the population files', async () => {
    const lsoa = await twice(
      populationImporter(readSource),
      file('population/trafford_mid2024_population_lsoa21.csv'),
    );
    const ward = await twice(
      populationImporter(readSource),
      file('population/trafford_mid2024_population_ward.csv'),
    );
    expect([lsoa.first.read, lsoa.first.imported, lsoa.second.imported, lsoa.second.updated]).toEqual([
      139, 139, 0, 0,
    ]);
    expect([ward.first.read, ward.first.imported, ward.second.updated]).toEqual([21, 21, 0]);
    expect(await store().listPopulations(['E01006074', 'E05015239'])).toEqual([
      { areaCode: 'E01006074', period: '2024-06-30', population: 1634, source: expect.any(String) },
      { areaCode: 'E05015239', period: '2024-06-30', population: 11278, source: expect.any(String) },
    ]);
  });

  it(
    'imports every IMD 2025 domain and keeps IMD 2019 on 2011 LSOAs apart',
    { timeout: 60_000 },
    async () => {
      const imd = imdImporter(readSource);
      const y2025 = await twice(imd, file('deprivation/imd2025_england_lsoa21.csv'));
      expect(y2025.first).toMatchObject({ read: 33_755, imported: 33_755, skipped: 0 });
      expect(y2025.second).toMatchObject({ imported: 0, updated: 0 });
      const y2019 = await imd.apply(file('deprivation/imd2019_england_lsoa11.csv'), context());
      expect(y2019).toMatchObject({ read: 32_844, imported: 32_844, skipped: 0 });
      const definitions = await store().listIndicators();
      expect(definitions.filter((d) => d.edition === 'IMD 2025').map((d) => d.key)).toEqual([
        'imd-2025/crime',
        'imd-2025/education',
        'imd-2025/employment',
        'imd-2025/environment',
        'imd-2025/health',
        'imd-2025/housing-and-services',
        'imd-2025/imd',
        'imd-2025/income',
      ]);
      expect(new Set(definitions.map((d) => `${d.edition} on ${d.geographyEdition}`))).toEqual(
        new Set(['IMD 2025 on lsoa-2021', 'IMD 2019 on lsoa-2011']),
      );
      const values = await store().valuesForAreas(['E01000001']);
      expect(values.find((v) => v.indicatorKey === 'imd-2025/imd')).toMatchObject({
        value: 8.742,
        rank: 26525,
        decile: 8,
      });
      expect(values.find((v) => v.indicatorKey === 'imd-2019/imd')).toMatchObject({
        value: null,
        rank: 29199,
        decile: 9,
      });
    },
  );

  it('imports any area code and value CSV as an indicator, with row problems', async () => {
    const csv = 'area_code,value\nE01006074,12.5\nE01006075,n/a x\nNOTACODE,3\nE01006074,4\n';
    const importer = indicatorImporter(inline);
    await expect(importer.preview(csv, context({ name: 'Fuel poverty' }))).rejects.toThrow(
      /Give the indicator’s unit, source, edition and date published/,
    );
    const options = {
      name: 'Fuel poverty',
      unit: '% of households',
      source: 'DESNZ',
      edition: '2023',
      date: '2025-04-24',
    };
    const { first, second } = await twice(importer, csv, options);
    expect(first).toMatchObject({ read: 4, imported: 1, skipped: 3 });
    expect(first.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'value'],
      [4, 'area_code'],
      [5, 'area_code'],
    ]);
    expect(second).toMatchObject({ imported: 0, updated: 0 });
    expect((await store().listIndicators()).find((d) => d.key === 'fuel-poverty/2023')).toMatchObject({
      geographyEdition: 'lsoa-2021',
      unit: '% of households',
    });
  });

  it('imports the Sunderland postcode file, keeping terminated and unlocated postcodes flagged', async () => {
    const { first, second } = await twice(
      postcodesImporter(readSource),
      file('geo/postcodes/nspl_nov2021_SR.csv'),
    );
    expect(first).toMatchObject({ read: 8765, imported: 8765, skipped: 0 });
    expect(second).toMatchObject({ imported: 0, updated: 0 });
    expect(await store().findPostcode('SR1 1AA')).toMatchObject({
      terminatedOn: '1999-12',
      located: true,
      lsoaCode: 'E01008703',
      lsoaEdition: 'lsoa-2011',
    });
    const text = fs.readFileSync(file('geo/postcodes/nspl_nov2021_SR.csv'), 'utf8');
    const unlocated = text
      .split('\n')
      .find((line) => line.includes('99.999999'))
      ?.split(',')[2]
      ?.replace(/"/g, '');
    expect(await store().findPostcode(unlocated ?? '')).toMatchObject({ located: false, lat: null });
  });
});
