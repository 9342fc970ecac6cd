import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/app/interchange.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { parseConfig } from '../../src/config.js';
import { aggregateFigures } from '../../src/domain/areas/aggregate.js';
import { areaLocator } from '../../src/domain/areas/locator.js';
import type { Boundary } from '../../src/domain/areas/representative-point.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { imdImporter } from '../../src/interchange/areas/imd.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { postcodesImporter } from '../../src/interchange/areas/postcodes.js';
import { readSource } from '../../src/interchange/read-source.js';
import { openRuntime, type Runtime } from '../../src/main.js';

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);
const csv = (relative: string): Record<string, string>[] =>
  parse(fs.readFileSync(data(relative), 'utf8'), { columns: true, bom: true });

describe('areas use-cases on the real Trafford and Sunderland files', () => {
  let dir: string;
  let runtime: Runtime;
  let trafford: PartnershipRecord;
  let sunderland: PartnershipRecord;

  const apply = (importer: Importer, file: string, options: Record<string, string> = {}) =>
    importer.apply(data(file), {
      services: runtime.services,
      partnershipId: undefined,
      actor: { userId: null, label: 'Test' },
      options,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-areas-app-'));
    runtime = await openRuntime(parseConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
    const boundaries = boundariesImporter(readSource);
    await apply(boundaries, 'geo/boundaries/wards_2023_trafford.geojson', { level: 'ward' });
    await apply(boundaries, 'geo/boundaries/lsoa_2021_trafford.geojson', { level: 'lsoa' });
    await apply(boundaries, 'geo/boundaries/wards_2022_sunderland.geojson', { level: 'ward' });
    await apply(boundaries, 'geo/boundaries/lsoa_2021_sunderland.geojson', { level: 'lsoa' });
    await apply(lookupImporter(readSource), 'geo/lookups/lookup_lsoa21_ward24_lad24.csv');
    await apply(lookupImporter(readSource), 'geo/lookups/lookup_lsoa11_lsoa21_lad22.csv');
    await apply(populationImporter(readSource), 'population/trafford_mid2024_population_lsoa21.csv');
    await apply(imdImporter(readSource), 'deprivation/imd2025_lsoa21_demo_las.csv');
    await apply(postcodesImporter(readSource), 'geo/postcodes/nspl_nov2021_SR.csv');
    const store = runtime.services.store;
    trafford = {
      id: 'p-t',
      slug: 'trafford',
      name: 'Trafford',
      localAuthorityCode: 'E08000009',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    sunderland = {
      ...trafford,
      id: 'p-s',
      slug: 'sunderland',
      name: 'Sunderland',
      localAuthorityCode: 'E08000024',
    };
    await store.partnerships.insert(trafford);
    await store.partnerships.insert(sunderland);
  }, 60_000);
  afterAll(async () => {
    await runtime.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a partnership its own authority and wards', async () => {
    const areas = await runtime.services.areas.forPartnership(trafford);
    expect(areas.authority?.name).toBe('Trafford');
    expect(areas.wards).toHaveLength(21);
    expect(areas.wards[0]?.name).toBe('Altrincham');
  });

  it('summarises every ward: people, neighbourhoods and deprivation', async () => {
    const overview = await runtime.services.areas.overview(trafford);
    expect(overview.deprivationEdition).toBe('IMD 2025');
    expect(overview.wards).toHaveLength(21);
    expect(overview.wards.reduce((n, w) => n + w.lsoas, 0)).toBe(139);
    const persons = csv('population/trafford_mid2024_population_lsoa21.csv').filter(
      (r) => r.sex === 'Persons',
    );
    const total = persons.reduce((n, r) => n + Number(r.all_ages), 0);
    expect(overview.wards.reduce((n, w) => n + (w.population ?? 0), 0)).toBe(total);
    const mostDeprived = csv('deprivation/imd2025_lsoa21_demo_las.csv').filter(
      (r) => r.lad24_code === 'E08000009' && Number(r.IMD_decile) <= 2,
    ).length;
    expect(overview.wards.reduce((n, w) => n + (w.deprivation?.mostDeprived ?? 0), 0)).toBe(mostDeprived);
  });

  it('aggregates LSOA IMD scores to a ward, weighted by population', async () => {
    const profile = await runtime.services.areas.profile(trafford, 'E05015239');
    expect(profile?.area.name).toBe('Altrincham');
    expect(profile?.trail.map((a) => a.name)).toEqual(['Trafford']);
    const lsoas = profile?.children ?? [];
    expect(lsoas.length).toBeGreaterThan(3);
    const population = new Map(
      csv('population/trafford_mid2024_population_lsoa21.csv')
        .filter((r) => r.sex === 'Persons')
        .map((r) => [r.area_code, Number(r.all_ages)]),
    );
    const imd = new Map(csv('deprivation/imd2025_lsoa21_demo_las.csv').map((r) => [r.lsoa21_code, r]));
    const expected = aggregateFigures(
      lsoas.map((l) => ({
        value: Number(imd.get(l.code)?.IMD_score),
        population: population.get(l.code) ?? null,
      })),
    );
    const row = profile?.indicators.find((i) => i.definition.key === 'imd-2025/imd');
    expect(row?.aggregation?.method).toBe('population-weighted mean');
    expect(row?.aggregation?.lsoas).toBe(lsoas.length);
    expect(row?.value).toBeCloseTo(expected?.value ?? Number.NaN, 9);
    expect(row?.aggregation?.deciles.reduce((a, b) => a + b, 0)).toBe(lsoas.length);
    expect(profile?.population?.summed).toBe(true);
    const weights = lsoas.map((l) => population.get(l.code) ?? 0);
    const total = weights.reduce((a, b) => a + b, 0);
    const lat = lsoas.reduce((sum, l, i) => sum + (l.pointLat ?? 0) * (weights[i] ?? 0), 0) / total;
    expect(profile?.point?.method).toBe('population-weighted mean');
    expect(profile?.point?.lat).toBeCloseTo(lat, 5);
  });

  it('uses the plain mean where populations are unknown, and says so', async () => {
    const profile = await runtime.services.areas.profile(sunderland, 'E08000024');
    expect(profile?.children.length).toBe(25);
    const row = profile?.indicators.find((i) => i.definition.key === 'imd-2025/imd');
    expect(row?.aggregation).toMatchObject({ method: 'plain mean', lsoas: 185 });
  });

  it('shows an LSOA its national deciles, and refuses areas of another authority', async () => {
    const lsoa = await runtime.services.areas.profile(trafford, 'E01006074');
    expect(lsoa?.trail.map((a) => a.level)).toEqual(['authority', 'ward']);
    expect(lsoa?.indicators.find((i) => i.definition.key === 'imd-2025/imd')).toMatchObject({
      rank: expect.any(Number),
      decile: expect.any(Number),
    });
    expect(await runtime.services.areas.profile(sunderland, 'E01006074')).toBeUndefined();
    expect(await runtime.services.areas.profile(trafford, 'E08000024')).toBeUndefined();
    expect(await runtime.services.areas.profile(trafford, 'nonsense')).toBeUndefined();
  });

  it.each([
    ['sr1 1aa', 'terminated', 'stopped being used in December 1999'],
    ['SR43 2AA', 'unlocated', 'gives no location'],
    ['SR9 9ZZ', 'unknown', 'is not in the postcode file'],
    ['SR9', 'invalid', 'not a UK postcode'],
  ])('explains %s (%s)', async (postcode, kind, message) => {
    const result = await runtime.services.areas.lookupPostcode(postcode);
    expect(result.kind).toBe(kind);
    expect('message' in result && result.message).toContain(message);
  });

  it('finds a live postcode’s LSOA, ward and authority from the boundaries', async () => {
    const result = await runtime.services.areas.lookupPostcode('SR11AE');
    expect(result).toMatchObject({ kind: 'found', postcode: 'SR1 1AE', method: 'boundaries' });
    if (result.kind !== 'found') return;
    expect(result.lsoa?.code).toMatch(/^E01/);
    expect(result.ward?.parentCode).toBe('E08000024');
    expect(result.authority?.name).toBe('Sunderland');
  });

  it('without 2021 boundaries, reaches the 2021 LSOA through the 2011 to 2021 lookup', async () => {
    // County Durham: no LSOA boundaries imported, and SR7 0AA's 2011 LSOA is unchanged in 2021.
    const result = await runtime.services.areas.lookupPostcode('SR7 0AA');
    expect(result).toMatchObject({ kind: 'found', method: '2011 to 2021 lookup' });
    if (result.kind !== 'found') return;
    expect(result.lsoa?.code).toBe('E01020782');
    expect(result.authority?.name).toBe('County Durham');
  });

  it('agrees with the NSPL 2011 LSOA through the ONS 2011→2021 lookup for unchanged LSOAs', () => {
    const features = (
      JSON.parse(fs.readFileSync(data('geo/boundaries/lsoa_2021_sunderland.geojson'), 'utf8')) as {
        features: { properties: { LSOA21CD: string }; geometry: Boundary }[];
      }
    ).features;
    const locator = areaLocator(features.map((f) => ({ code: f.properties.LSOA21CD, boundary: f.geometry })));
    const unchanged = new Map(
      csv('geo/lookups/lookup_lsoa11_lsoa21_lad22.csv')
        .filter((r) => r.change_code === 'U' && r.ltla22_code === 'E08000024')
        .map((r) => [r.lsoa11_code, r.lsoa21_code]),
    );
    const postcodes = csv('geo/postcodes/nspl_nov2021_SR.csv').filter(
      (p) => p.doterm === '' && p.lat !== '99.999999' && unchanged.has(p.lsoa11 ?? ''),
    );
    expect(postcodes.length).toBeGreaterThan(3000);
    const agree = postcodes.filter(
      (p) => locator.locate({ lat: Number(p.lat), lng: Number(p.long) }) === unchanged.get(p.lsoa11 ?? ''),
    ).length;
    // The boundaries are super-generalised (BSC), so postcodes near an edge can fall next door: we measured 84.7%.
    expect(agree / postcodes.length).toBeGreaterThan(0.8);
  });
});
