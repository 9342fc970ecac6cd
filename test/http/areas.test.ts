import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/app/interchange.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { imdImporter } from '../../src/interchange/areas/imd.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { populationImporter } from '../../src/interchange/areas/population.js';
import { postcodesImporter } from '../../src/interchange/areas/postcodes.js';
import { readSource } from '../../src/interchange/read-source.js';
import { buildDemoGeography, demoAuthorityPlaces } from '../../src/domain/demo/demo-areas.js';
import { buildDemoPostcodes } from '../../src/domain/demo/demo-postcodes.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);

let t: TestApp;
let viewer: Browser;

beforeAll(async () => {
  t = await createTestApp();
  const apply = (importer: Importer, file: string, options: Record<string, string> = {}) =>
    importer.apply(data(file), {
      services: t.runtime.services,
      partnershipId: undefined,
      actor: { userId: null, label: 'Test' },
      options,
    });
  await apply(boundariesImporter(readSource), 'geo/boundaries/lad_2024_uk_buc.geojson', { level: 'lad' });
  await apply(boundariesImporter(readSource), 'geo/boundaries/wards_2023_trafford.geojson', {
    level: 'ward',
  });
  await apply(boundariesImporter(readSource), 'geo/boundaries/lsoa_2021_trafford.geojson', { level: 'lsoa' });
  await apply(boundariesImporter(readSource), 'geo/boundaries/lsoa_2021_sunderland.geojson', {
    level: 'lsoa',
  });
  // The demo-LA IMD file also carries each LSOA's ward and authority, so it serves as a small lookup.
  await apply(lookupImporter(readSource), 'deprivation/imd2025_lsoa21_demo_las.csv');
  await apply(imdImporter(readSource), 'deprivation/imd2025_lsoa21_demo_las.csv');
  await apply(populationImporter(readSource), 'population/trafford_mid2024_population_lsoa21.csv');
  await apply(postcodesImporter(readSource), 'geo/postcodes/nspl_nov2021_SR.csv');
  const store = t.runtime.services.store;
  const trafford = {
    id: '7b0d2c4e-0000-4000-8000-000000000009',
    slug: 'trafford',
    name: 'Trafford Together',
    localAuthorityCode: 'E08000009',
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  await store.partnerships.insert(trafford);
  const user = await store.users.findByEmail(demoAccounts.northmoorViewer);
  await store.memberships.insert({
    id: '7b0d2c4e-0000-4000-8000-000000000010',
    partnershipId: trafford.id,
    userId: user?.id ?? '',
    role: 'viewer',
    organisationId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  viewer = new Browser(t.app);
  await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('area pages', () => {
  it('lists the authority and its wards, linked from the partnership menu', async () => {
    const page = await viewer.get('/p/trafford/areas');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/p/trafford/areas"');
    expect(page.body).toContain('21 wards in Trafford');
    expect(page.body).toContain('<a class="govuk-link" href="/p/trafford/areas/E05015239">Altrincham</a>');
    expect(page.body).toContain('role="img"');
  });

  it('shows a ward profile with its LSOAs, a map and population-weighted indicators', async () => {
    const page = await viewer.get('/p/trafford/areas/E05015239');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Altrincham</h1>');
    expect(page.body).toMatch(/<title id="area-map-title">Map of Altrincham<\/title>/);
    expect(page.body).toContain('Population-weighted average of');
    expect(page.body).toContain('weighted by population)');
    expect(page.body).toContain('National deprivation decile (IMD 2025)');
    expect(page.body).not.toContain('Not known');
    expect(page.body).toContain('Index of Multiple Deprivation');
    expect(page.body).toMatch(/href="\/p\/trafford\/areas\/E01\d{6}">Trafford \d{3}[A-Z]</);
  });

  it('shows an LSOA with national ranks and deciles', async () => {
    const page = await viewer.get('/p/trafford/areas/e01006074');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Trafford 025A');
    expect(page.body).toMatch(/among the \d+% (most|least) deprived in England/);
    expect(page.body).toContain('1,634 people');
    expect(page.body).toContain('(a point inside the boundary)');
  });

  it('gives 404 for an area outside the partnership and to people outside it', async () => {
    expect((await viewer.get('/p/trafford/areas/E08000024')).statusCode).toBe(404);
    expect((await viewer.get('/p/trafford/areas/E01008703')).statusCode).toBe(404);
    expect((await viewer.get('/p/trafford/areas/not-a-code')).statusCode).toBe(404);
    const outsider = new Browser(t.app);
    await outsider.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    for (const url of [
      '/p/trafford/areas',
      '/p/trafford/areas/E05015239',
      '/p/trafford/postcode?postcode=SR1+1AE',
    ]) {
      expect((await outsider.get(url)).statusCode).toBe(404);
    }
    expect((await outsider.get('/p/northmoor/areas')).statusCode).toBe(404);
  });

  it('shows the demo authority’s generated wards and neighbourhoods', async () => {
    const page = await viewer.get('/p/northmoor/areas');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('12 wards in Northmoor');
    const ward = await viewer.get('/p/northmoor/areas/E05099101');
    expect(ward.statusCode).toBe(200);
    expect(ward.body).toContain('Moorside');
    expect(ward.body).toContain('Demo deprivation (fictional)');
    expect(ward.body).toContain('Population-weighted average of 4 neighbourhoods');
    expect(ward.body).toContain('National deprivation decile (Demo deprivation (fictional))');
    expect(ward.body).toMatch(
      /<path d="[^"]+" fill="#(0b3d91|1d5aa8|3a78bd|5b95cf|7fb0dd|a3c8e8|c3dbef|dbe9f5|ecf3fa|ffffff)"/,
    );
  });

  it('says when no areas have been imported for the authority', async () => {
    const store = t.runtime.services.store;
    const user = await store.users.findByEmail(demoAccounts.northmoorViewer);
    await store.partnerships.insert({
      id: '7b0d2c4e-0000-4000-8000-000000000020',
      slug: 'nowhere',
      name: 'Nowhere',
      localAuthorityCode: 'E06099999',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await store.memberships.insert({
      id: '7b0d2c4e-0000-4000-8000-000000000021',
      partnershipId: '7b0d2c4e-0000-4000-8000-000000000020',
      userId: user?.id ?? '',
      role: 'viewer',
      organisationId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const page = await viewer.get('/p/nowhere/areas');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No boundaries or statistics have been imported');
  });
});

describe('postcode lookup', () => {
  it('shows an empty form', async () => {
    const page = await viewer.get('/p/trafford/postcode');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="get" action="/p/trafford/postcode"');
    expect(page.body).not.toContain('There is a problem');
  });

  it('finds the areas for a postcode in any format', async () => {
    const page = await viewer.get('/p/trafford/postcode?postcode=sr11ae');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('SR1 1AE');
    expect(page.body).toContain('Sunderland (E08000024)');
    expect(page.body).toMatch(/Sunderland \d{3}[A-Z] \(E01\d{6}\)/);
    expect(page.body).toContain('is outside Trafford Together');
  });

  it.each([
    ['SR1+1AA', 'stopped being used in December 1999'],
    ['SR43+2AA', 'gives no location'],
    ['SR9+9ZZ', 'is not in the postcode file'],
  ])('explains %s', async (postcode, message) => {
    const page = await viewer.get(`/p/trafford/postcode?postcode=${postcode}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(message);
  });

  it('finds a generated demo postcode inside the demo authority, linking to its areas', async () => {
    const place = demoAuthorityPlaces.northmoor;
    if (!place) throw new Error('no demo place');
    const geography = buildDemoGeography({ code: 'E06099001', ...place, authorityNumber: 1 });
    const live = buildDemoPostcodes(geography, place.postcodeArea)[5];
    const page = await viewer.get(
      `/p/northmoor/postcode?postcode=${encodeURIComponent(live?.postcode ?? '')}`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/p/northmoor/areas/${live?.lsoaCode ?? ''}"`);
    expect(page.body).toContain(`href="/p/northmoor/areas/${live?.wardCode ?? ''}"`);
    expect(page.body).not.toContain('is outside');
    const terminated = await viewer.get('/p/northmoor/postcode?postcode=nm19zz');
    expect(terminated.body).toContain('NM1 9ZZ stopped being used in June 2019');
  });

  it('shows an error summary for something that is not a postcode', async () => {
    const page = await viewer.get('/p/trafford/postcode?postcode=hello');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('There is a problem');
    expect(page.body).toContain('href="#postcode"');
    expect(page.body).toContain('<title>Error: Find the areas for a postcode');
  });
});
