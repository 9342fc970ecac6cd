import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** The needs map, gaps list, explanations, exports and settings over the demo partnership Northmoor. */

let t: TestApp;
let admin: Browser;

beforeAll(async () => {
  t = await createTestApp();
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 60_000);
afterAll(() => t.close());

const csvRows = (body: string): Record<string, string>[] =>
  parse(body, { columns: true, bom: true }) as Record<string, string>[];

interface GeoJsonCollection {
  type: string;
  features: {
    type: string;
    geometry: { type: string; coordinates: unknown };
    properties: Record<string, unknown>;
  }[];
}

function expectFeatureCollection(body: string): GeoJsonCollection {
  const json = JSON.parse(body) as GeoJsonCollection;
  expect(json.type).toBe('FeatureCollection');
  expect(json.features.length).toBeGreaterThan(0);
  for (const feature of json.features) {
    expect(feature.type).toBe('Feature');
    expect(['Polygon', 'MultiPolygon', 'Point']).toContain(feature.geometry.type);
    expect(Array.isArray(feature.geometry.coordinates)).toBe(true);
    expect(typeof feature.properties).toBe('object');
  }
  return json;
}

const cellsOf = (html: string, marker: string) =>
  [...html.matchAll(new RegExp(`${marker}>([^<]+)<`, 'g'))].map((m) => Number(m[1]));

describe('the needs map without JavaScript', () => {
  it('has the filter form, a skip link, the SVG map with a legend and the full table of areas', async () => {
    const lsoas = (await t.runtime.services.areas.overview(await t.partnership('northmoor'))).wards.reduce(
      (n, w) => n + w.lsoas,
      0,
    );
    const page = await admin.get('/p/northmoor/needs/map?theme=food&level=lsoa&layer=need');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="get" action="/p/northmoor/needs/map"');
    expect(page.body).toContain('href="#needs-table">Skip to the table');
    expect(page.body).toMatch(/<svg[^>]+class="cg-boundary-map"/);
    expect(page.body).toContain('class="cg-map-legend"');
    expect(page.body).toContain('Need 80 to 100');
    const table = page.body.slice(page.body.indexOf('id="needs-table"'));
    expect(table.match(/<tr class="govuk-table__row">/g)?.length).toBe(lsoas + 1);
    expect(table).toContain('/p/northmoor/needs/gaps/');
    expect(page.body).toContain('High need');
    // The map and the gaps are pages of the Needs and resources section, in its sub-navigation.
    expect(page.body).toMatch(/class="govuk-service-navigation__link" href="\/p\/northmoor\/needs"/);
    expect(page.body).toMatch(
      /cg-sub-navigation__link" href="\/p\/northmoor\/needs\/map" aria-current="page"/,
    );
    expect(page.body).toMatch(/cg-sub-navigation__link" href="\/p\/northmoor\/needs\/gaps"/);
  });

  it('falls back to food, LSOAs and the gap layer for values it does not know', async () => {
    const page = await admin.get('/p/northmoor/needs/map?theme=nonsense&level=galaxy&layer=%3Cscript%3E');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Gap class for Food');
    expect(page.body).not.toContain('<script>');
  });

  it('shows wards when asked, with one row per ward', async () => {
    const wards = (await t.runtime.services.areas.forPartnership(await t.partnership('northmoor'))).wards;
    const page = await admin.get('/p/northmoor/needs/map?theme=food&level=ward&layer=gap');
    const table = page.body.slice(page.body.indexOf('id="needs-table"'));
    expect(table.match(/<tr class="govuk-table__row">/g)?.length).toBe(wards.length + 1);
  });
});

describe('GeoJSON', () => {
  it('gives the map its areas and the shown places of open services, never hidden ones', async () => {
    const response = await admin.get('/p/northmoor/needs/map.geojson?theme=domestic-abuse&level=lsoa');
    expect(response.headers['content-type']).toContain('application/geo+json');
    const json = expectFeatureCollection(response.body);
    expect(json.features.filter((f) => f.properties.kind === 'area').length).toBeGreaterThan(10);
    expect(json.features.filter((f) => f.properties.kind === 'service')).toEqual([]);
    const food = expectFeatureCollection(
      (await admin.get('/p/northmoor/needs/map.geojson?theme=food&level=ward')).body,
    );
    expect(food.features.filter((f) => f.properties.kind === 'service').length).toBeGreaterThan(0);
  });

  it('never draws an area-only place as a point', async () => {
    const partnership = await t.partnership('northmoor');
    const store = t.runtime.services.store;
    const pantry = (
      await store.directory.searchServices(partnership.id, { text: 'pantry', limit: 5, offset: 0 })
    ).items[0];
    const record = await store.directory.findService(partnership.id, pantry?.id ?? '');
    if (!record) throw new Error('The demo pantry is missing');
    const before = expectFeatureCollection(
      (await admin.get('/p/northmoor/needs/map.geojson?theme=food&level=lsoa')).body,
    );
    expect(before.features.some((f) => f.properties.id === record.id)).toBe(true);
    await store.directory.updateService({
      ...record,
      details: {
        ...record.details,
        locations: record.details.locations.map((l) => ({ ...l, visibility: 'area-only' as const })),
      },
    });
    const after = expectFeatureCollection(
      (await admin.get('/p/northmoor/needs/map.geojson?theme=food&level=lsoa')).body,
    );
    expect(after.features.some((f) => f.properties.id === record.id)).toBe(false);
    const page = await admin.get('/p/northmoor/needs/map?theme=food&level=lsoa');
    expect(page.body).toContain('services with places shown only by area are counted, not drawn');
    await store.directory.updateService(record);
  });

  it('exports the gaps as area polygons with each cell’s figures', async () => {
    const response = await admin.get('/p/northmoor/needs/gaps.geojson?theme=food&level=ward');
    expect(response.headers['content-disposition']).toContain('northmoor-gaps.geojson');
    const json = expectFeatureCollection(response.body);
    for (const feature of json.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
      expect(feature.properties).toMatchObject({ theme: 'food', level: 'ward' });
      expect(typeof feature.properties.gapClass).toBe('string');
    }
  });
});

describe('the gaps list', () => {
  it('sorts by gap score, area and theme with links that work without JavaScript', async () => {
    const byScore = csvRows((await admin.get('/p/northmoor/needs/gaps.csv?level=ward')).body);
    const scores = byScore.map((r) => Number(r['Gap score']));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const page = await admin.get('/p/northmoor/needs/gaps?level=ward');
    expect(page.body).toContain('aria-sort="descending"');
    const areaLink = /href="([^"]*sort=area[^"]*)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    expect(areaLink).toBeTruthy();
    const byArea = await admin.get(areaLink ?? '');
    const names = [
      ...byArea.body.matchAll(
        /<th scope="row" class="govuk-table__header"><a class="govuk-link" href="[^"]+">([^<]+)</g,
      ),
    ].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(byArea.body).toContain('aria-sort="ascending"');

    const byTheme = csvRows((await admin.get('/p/northmoor/needs/gaps.csv?level=ward&sort=theme')).body);
    const themes = byTheme.map((r) => r.Theme ?? '');
    expect(themes).toEqual([...themes].sort((a, b) => a.localeCompare(b)));
  });

  it('filters by theme, level and class', async () => {
    const rows = csvRows(
      (await admin.get('/p/northmoor/needs/gaps.csv?theme=food&level=ward&class=unmet-need')).body,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row).toMatchObject({ Theme: 'Food', Level: 'ward', 'Gap class': 'Unmet need' });
  });

  it('exports a CSV with a header and a row per area and theme', async () => {
    const response = await admin.get('/p/northmoor/needs/gaps.csv?theme=food');
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.split('\r\n')[0]).toContain(
      'Partnership,Area code,Area,Level,Theme,Need (0 to 100)',
    );
    const rows = csvRows(response.body);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]?.['Area code']).toMatch(/^E01/);
  });
});

describe('an explanation', () => {
  it('adds up: the statistics to the need, the services to the provision', async () => {
    const rows = csvRows((await admin.get('/p/northmoor/needs/gaps.csv?level=lsoa')).body);
    const counted = rows.find((r) => Number(r['Services counted']) > 1 && r['Need (0 to 100)'] !== '');
    if (!counted) throw new Error('No demo area has two services counted for a theme');
    const themes = t.runtime.services.directory.themes.themes;
    const themeId = themes.find((th) => th.name === counted.Theme)?.id ?? '';
    const page = await admin.get(`/p/northmoor/needs/gaps/${counted['Area code']}/${themeId}`);
    expect(page.statusCode).toBe(200);
    const contributions = cellsOf(page.body, 'data-contribution');
    expect(contributions.length).toBe(Number(counted['Services counted']));
    const total = Number(/id="provision-total">([^<]+)</.exec(page.body)?.[1]);
    expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 2);
    expect(total).toBeCloseTo(Number(counted['Provision (service-equivalents)']), 2);

    const percentiles = cellsOf(page.body, 'data-percentile');
    const weights = cellsOf(page.body, 'data-weight');
    expect(percentiles.length).toBeGreaterThan(0);
    const weighted =
      percentiles.reduce((n, p, i) => n + p * (weights[i] ?? 0), 0) / weights.reduce((a, b) => a + b, 0);
    const statisticsNeed = Number(/id="statistics-need">([^<]+)</.exec(page.body)?.[1]);
    expect(weighted).toBeCloseTo(statisticsNeed, 0);
    expect(statisticsNeed).toBeCloseTo(Number(counted['Need from statistics']), 1);
    expect(page.body).toContain(`/p/northmoor/areas/${counted['Area code']}`);
    expect(page.body).toContain('Thresholds in use');
  });

  it('lists the local needs records and combines them with the statistics by the weights', async () => {
    const rows = csvRows((await admin.get('/p/northmoor/needs/gaps.csv?level=lsoa')).body);
    const local = rows.find((r) => r['Need from local records'] !== '' && r['Need from statistics'] !== '');
    if (!local) throw new Error('No demo LSOA has a local needs record and statistics for one theme');
    const themeId =
      t.runtime.services.directory.themes.themes.find((th) => th.name === local.Theme)?.id ?? '';
    const page = await admin.get(`/p/northmoor/needs/gaps/${local['Area code']}/${themeId}`);
    expect(page.body).toContain('id="need-records"');
    const s = Number(local['Need from statistics']);
    const l = Number(local['Need from local records']);
    expect((s * 0.6 + l * 0.4) / 1).toBeCloseTo(Number(local['Need (0 to 100)']), 0);
    expect(page.body).toContain(`<strong>${local['Need (0 to 100)']}</strong>`);
  });

  it('is summarised on the area profile, with the area’s own local needs records', async () => {
    const rows = csvRows((await admin.get('/p/northmoor/needs/gaps.csv?level=ward')).body);
    const ward = rows[0]?.['Area code'] ?? '';
    const page = await admin.get(`/p/northmoor/areas/${ward}`);
    expect(page.body).toContain('Need and gaps by theme');
    expect(page.body).toContain(`/p/northmoor/needs/gaps/${ward}/`);
    expect(page.body).toContain('Local needs recorded for this area');
  });

  it('is not found for an unknown theme or an area outside the partnership', async () => {
    expect((await admin.get('/p/northmoor/needs/gaps/E01099121/nonsense')).statusCode).toBe(404);
    expect((await admin.get('/p/northmoor/needs/gaps/E01000001/food')).statusCode).toBe(404);
    const eastbrookLsoa = (await t.runtime.services.areas.overview(await t.partnership('eastbrook')))
      .wards[0];
    expect(
      (await admin.get(`/p/northmoor/needs/gaps/${eastbrookLsoa?.ward.code ?? ''}/food`)).statusCode,
    ).toBe(404);
  });
});

describe('settings', () => {
  const unmet = async () =>
    csvRows((await admin.get('/p/northmoor/needs/gaps.csv?theme=food&level=lsoa')).body).filter(
      (r) => r['Gap class'] === 'Unmet need',
    ).length;

  it('change the classification, and reset to the defaults', async () => {
    const before = await unmet();
    const form = await admin.get('/p/northmoor/needs/settings');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="60"');
    const saved = await admin.post('/p/northmoor/needs/settings', {
      statistics: '1',
      localRecords: '1',
      urban: '1.6',
      town: '4',
      rural: '8',
      highNeed: '1',
      lowNeed: '0',
      littleProvision: '50',
      thinProvision: '60',
      overlapProvision: '70',
    });
    expect(saved.statusCode).toBe(303);
    expect((await admin.get(String(saved.headers.location))).body).toContain('The settings were saved');
    const after = await unmet();
    expect(after).toBeGreaterThan(before);
    expect((await admin.get('/p/northmoor/needs/map?theme=food')).body).toContain(
      'A need score of 1 or more',
    );
    await admin.get('/p/northmoor/needs/settings');
    expect((await admin.post('/p/northmoor/needs/settings/reset')).statusCode).toBe(303);
    expect(await unmet()).toBe(before);
    const audit = await admin.get('/p/northmoor/audit');
    expect(audit.body).toContain('Changed the needs map settings');
    expect(audit.body).toContain('Reset the needs map settings to the defaults');
  });

  it('say what is wrong with numbers that do not fit', async () => {
    await admin.get('/p/northmoor/needs/settings');
    const response = await admin.post('/p/northmoor/needs/settings', {
      statistics: 'lots',
      localRecords: '1',
      urban: '1.6',
      town: '4',
      rural: '8',
      highNeed: '20',
      lowNeed: '50',
      littleProvision: '0.5',
      thinProvision: '1.5',
      overlapProvision: '3',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('Enter a weight from 0 to 10, like 0.5');
    expect(response.body).toContain('value="lots"');
    const crossed = await admin.post('/p/northmoor/needs/settings', {
      statistics: '1',
      localRecords: '1',
      urban: '1.6',
      town: '4',
      rural: '8',
      highNeed: '20',
      lowNeed: '50',
      littleProvision: '0.5',
      thinProvision: '1.5',
      overlapProvision: '3',
      'link-0': '-2',
    });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.body).toContain('Enter a weight from 0 to 10, like 0.5');
    const lowAboveHigh = await admin.post('/p/northmoor/needs/settings', {
      statistics: '1',
      localRecords: '1',
      urban: '1.6',
      town: '4',
      rural: '8',
      highNeed: '20',
      lowNeed: '50',
      littleProvision: '0.5',
      thinProvision: '1.5',
      overlapProvision: '3',
    });
    expect(lowAboveHigh.statusCode).toBe(400);
    expect(lowAboveHigh.body).toContain('href="#lowNeed">Low need must be at or below high need');
    expect((await admin.get('/p/northmoor/needs/settings')).body).toContain('value="60"');
  });

  it('are for admins only: other members may look at the map but not change settings', async () => {
    const council = new Browser(t.app);
    await council.signIn(demoAccounts.northmoorCouncil, knownPassword);
    expect((await council.get('/p/northmoor/needs/map')).statusCode).toBe(200);
    expect((await council.get('/p/northmoor/needs/gaps')).statusCode).toBe(200);
    expect((await council.get('/p/northmoor/needs/settings')).statusCode).toBe(403);
    expect((await council.post('/p/northmoor/needs/settings', { highNeed: '1' })).statusCode).toBe(403);
    expect((await council.post('/p/northmoor/needs/settings/reset')).statusCode).toBe(403);
    const viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
    expect((await viewer.get('/p/northmoor/needs/gaps/E01099121/food')).statusCode).toBe(200);
  });

  it('refuse a form without the CSRF token', async () => {
    await admin.get('/p/northmoor/needs/settings');
    const response = await admin.post('/p/northmoor/needs/settings/reset', {}, { csrf: false });
    expect(response.statusCode).toBe(403);
  });
});

describe('tenant isolation', () => {
  it('gives another partnership’s admin 404 on every needs map route', async () => {
    const eastbrook = new Browser(t.app);
    await eastbrook.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    for (const url of [
      '/p/northmoor/needs/map',
      '/p/northmoor/needs/map.geojson',
      '/p/northmoor/needs/gaps',
      '/p/northmoor/needs/gaps.csv',
      '/p/northmoor/needs/gaps.geojson',
      '/p/northmoor/needs/gaps/E01099121/food',
      '/p/northmoor/needs/settings',
    ])
      expect((await eastbrook.get(url)).statusCode, url).toBe(404);
    await eastbrook.get('/p/eastbrook/needs/settings');
    expect((await eastbrook.post('/p/northmoor/needs/settings', { highNeed: '1' })).statusCode).toBe(404);
    expect((await eastbrook.post('/p/northmoor/needs/settings/reset')).statusCode).toBe(404);
    // Eastbrook's own explanation of a Northmoor area is not found either.
    expect((await eastbrook.get('/p/eastbrook/needs/gaps/E01099121/food')).statusCode).toBe(404);
  });
});

describe('the basemap', () => {
  it('has none by default: a plain background, and images from our own origin only', async () => {
    const page = await admin.get('/p/northmoor/needs/map');
    expect(page.body).toContain('data-tiles=""');
    expect(String(page.headers['content-security-policy'])).toContain("img-src 'self' data:;");
  });

  it('comes from MAP_TILE_URL, whose origin the Content Security Policy then allows for images', async () => {
    const tiled = await createTestApp({ env: { MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
    try {
      const browser = new Browser(tiled.app);
      await browser.signIn(demoAccounts.northmoorViewer, knownPassword);
      const page = await browser.get('/p/northmoor/needs/map');
      expect(page.body).toContain('data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"');
      expect(String(page.headers['content-security-policy'])).toContain(
        "img-src 'self' data: https://tiles.example.org;",
      );
    } finally {
      await tiled.close();
    }
  });

  it('must be an https address with {z}, {x} and {y}', () => {
    expect(() => parseConfig({ MAP_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png' })).toThrow(
      /MAP_TILE_URL must be an https address/,
    );
    expect(() => parseConfig({ MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toThrow(ConfigError);
  });
});
