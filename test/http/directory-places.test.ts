import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { distanceKm } from '../../src/domain/directory/distance.js';
import { servicesCsvImporter } from '../../src/interchange/services-csv-import.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

// Services covering an area without a place in it, and a second hidden place, on top of the demo directory.
const csv = [
  'id,name,organisation,description,themes,postcode,visibility,area_codes',
  'COVER-1,Ward-wide befriending,Northmoor Council for Voluntary Service,Phone calls for anyone in the ward.,loneliness-and-isolation,,,E05099101',
  'COVER-2,Borough-wide home visits,Northmoor Council,Visits at home anywhere in Northmoor.,,,,E06099001',
  'COVER-3,Riverside only,Northmoor Council,Only in Riverside ward.,,,,E05099102',
].join('\n');

interface Place {
  name: string;
  postcode: string;
  latitude: number;
  longitude: number;
  visibility: string;
}

describe('directory search by postcode and area, and services on area profiles', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  const places: Place[] = [];
  const ids: Record<string, string> = {};

  const signedIn = async (email: string) => {
    const browser = new Browser(test.app);
    expect((await browser.signIn(email, knownPassword)).statusCode).toBe(303);
    return browser;
  };
  const placeOf = (name: string) => {
    const found = places.find((p) => p.name === name);
    if (!found) throw new Error(`no place for ${name}`);
    return found;
  };
  /** Service names in the order the page lists them. */
  const listed = (body: string) =>
    [
      ...body.matchAll(/<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)<\/a>/g),
    ].map((m) => m[1]);

  beforeAll(async () => {
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    const { services } = test.runtime;
    const report = await servicesCsvImporter(async (text) => text).apply(csv, {
      services,
      partnershipId: northmoor.id,
      actor: { userId: null, label: 'Test' },
    });
    expect(report).toMatchObject({ imported: 3, skipped: 0, problems: [] });
    for (const item of (await services.directory.search(northmoor.id, {})).items) {
      ids[item.name] = item.id;
      const view = await services.directory.view(northmoor.id, item.id, undefined);
      for (const l of view.service.details.locations) {
        if (l.postcode && l.latitude !== null && l.longitude !== null) {
          places.push({
            name: item.name,
            postcode: l.postcode,
            latitude: l.latitude,
            longitude: l.longitude,
            visibility: l.visibility,
          });
        }
      }
    }
  }, 60_000);
  afterAll(() => test.close());

  it('puts the demo directory’s places on generated demo postcodes', () => {
    expect(places.length).toBeGreaterThanOrEqual(9);
    expect(places.every((p) => /^NM\d \d[A-Z]{2}$/.test(p.postcode))).toBe(true);
    expect(placeOf('Safe accommodation for women and children').visibility).toBe('hidden');
  });

  it('lists services within the distance of a postcode in any format, nearest first, with distances', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const parcels = placeOf('Emergency food parcels');
    const typed = parcels.postcode.replace(' ', '').toLowerCase();
    const page = await viewer.get(`/p/northmoor/directory?postcode=${typed}&distance=5`);
    expect(page.statusCode).toBe(200);
    const expected = places
      .filter((p) => p.visibility !== 'hidden')
      .map((p) => ({ name: p.name, km: distanceKm(parcels, p) }))
      .filter((p) => p.km <= 5 * 1.609344)
      .sort((a, b) => a.km - b.km)
      .map((p) => p.name.replace('’', '&#39;'));
    expect(expected.length).toBeGreaterThan(2);
    expect(listed(page.body).map((n) => n?.replace('’', '&#39;'))).toEqual(expected);
    expect(page.body).toContain(`within 5 miles of ${parcels.postcode}, nearest first`);
    expect(page.body).toMatch(/Emergency food parcels[\s\S]*?<strong>less than 0\.1 miles<\/strong> away/);
    const debt = placeOf('Debt and benefits advice drop-in');
    const miles = (distanceKm(parcels, debt) / 1.609344).toFixed(1).replace(/\.0$/, '');
    expect(page.body).toContain(`<strong>${miles} miles</strong> away`);
    // The hidden refuge is never found by distance, even right next to it and for its own organisation's admin.
    const refuge = placeOf('Safe accommodation for women and children');
    const admin = await signedIn(demoAccounts.northmoorAdmin);
    const atRefuge = await admin.get(`/p/northmoor/directory?postcode=${refuge.postcode}&distance=10`);
    expect(atRefuge.statusCode).toBe(200);
    expect(atRefuge.body).not.toContain('Safe accommodation for women and children');
    expect(atRefuge.body).not.toContain(String(refuge.latitude));
    // A shorter distance lists fewer; the other filters still apply.
    const near = await viewer.get(`/p/northmoor/directory?postcode=${typed}&distance=1`);
    expect(listed(near.body).length).toBeLessThan(expected.length);
    const food = await viewer.get(`/p/northmoor/directory?postcode=${typed}&distance=10&theme=food`);
    const foodNames = listed(food.body);
    expect(foodNames[0]).toBe('Emergency food parcels');
    expect(foodNames).toContain('Moorside community pantry');
    expect(foodNames).not.toContain('Debt and benefits advice drop-in');
  });

  it('explains postcodes it cannot search from in an error summary', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const cases: [string, string][] = [
      ['not a postcode', 'not a postcode is not a UK postcode. Enter a full postcode, with both its parts.'],
      ['ZZ9 9ZZ', 'ZZ9 9ZZ is not in the postcode file we have. Check it, or try a nearby postcode.'],
      ['nm19zz', 'NM1 9ZZ stopped being used in June 2019.'],
      ['NM1 9ZY', 'NM1 9ZY is a real postcode, but the postcode file gives no location for it.'],
    ];
    for (const [postcode, message] of cases) {
      const page = await viewer.get(`/p/northmoor/directory?postcode=${encodeURIComponent(postcode)}`);
      expect(page.statusCode, postcode).toBe(400);
      expect(page.body).toContain('<title>Error: Directory of services');
      expect(page.body).toContain('There is a problem');
      expect(page.body).toContain('href="#postcode"');
      expect(page.body).toContain(message);
    }
    const found = await viewer.get(
      `/p/northmoor/postcode?postcode=${placeOf('Emergency food parcels').postcode}`,
    );
    expect(found.body).toContain(
      `href="/p/northmoor/directory?postcode=${encodeURIComponent(placeOf('Emergency food parcels').postcode)}">Find services near`,
    );
    const both = await viewer.get('/p/northmoor/directory?postcode=NM1+9ZZ&area=E05099101');
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Search near a postcode or in an area, not both');
  });

  it('lists services located in a ward or covering it, and by neighbourhood code', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const ward = await viewer.get('/p/northmoor/directory?area=E05099101');
    expect(ward.statusCode).toBe(200);
    const names = listed(ward.body);
    // Moorside (NM1): the three demo services placed there, then those covering it (the ward, the borough).
    expect(names.slice(0, 3).sort()).toEqual(
      ['Debt and benefits advice drop-in', 'Emergency food parcels', 'Northmoor youth club'].sort(),
    );
    expect(names.slice(3)).toEqual(['Borough-wide home visits', 'Ward-wide befriending']);
    expect(ward.body).toContain('in or covering Moorside.');
    expect(ward.body).toMatch(/Has a place in Moorside, [\d.]+ miles? from its centre/);
    expect(ward.body).toContain('Covers Moorside');
    expect(ward.body).not.toContain('Riverside only');
    expect(ward.body).toMatch(/<option value="E05099101" selected>Moorside<\/option>/);

    const parcels = placeOf('Emergency food parcels');
    const lookup = await test.runtime.services.areas.lookupPostcode(parcels.postcode);
    const lsoa = lookup.kind === 'found' ? (lookup.lsoa?.code ?? '') : '';
    const neighbourhood = await viewer.get(`/p/northmoor/directory?lsoa=${lsoa.toLowerCase()}`);
    expect(neighbourhood.statusCode).toBe(200);
    expect(listed(neighbourhood.body)).toEqual([
      'Emergency food parcels',
      'Borough-wide home visits',
      'Ward-wide befriending',
    ]);

    const bad = await viewer.get('/p/northmoor/directory?lsoa=E0101');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a neighbourhood code of E01 or W01 and 6 numbers, like E01012345');
    const elsewhere = await viewer.get('/p/northmoor/directory?lsoa=E01099201');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.body).toContain('E01099201 is not a neighbourhood in this partnership’s area.');
    const notWard = await viewer.get('/p/northmoor/directory?area=E05099201');
    expect(notWard.statusCode).toBe(400);
    expect(notWard.body).toContain('Choose a ward from the list');
  });

  it('never counts or shows a hidden place in an area search', async () => {
    const refuge = placeOf('Safe accommodation for women and children');
    const lookup = await test.runtime.services.areas.lookupPostcode(refuge.postcode);
    if (lookup.kind !== 'found' || !lookup.lsoa || !lookup.ward) throw new Error('refuge postcode not found');
    for (const email of [demoAccounts.northmoorViewer, demoAccounts.northmoorAdmin]) {
      const browser = await signedIn(email);
      for (const url of [
        `/p/northmoor/directory?area=${lookup.ward.code}`,
        `/p/northmoor/directory?lsoa=${lookup.lsoa.code}`,
        `/p/northmoor/areas/${lookup.ward.code}`,
        `/p/northmoor/areas/${lookup.lsoa.code}`,
      ]) {
        const page = await browser.get(url);
        expect(page.statusCode, url).toBe(200);
        expect(page.body, url).not.toContain('Safe accommodation for women and children');
        expect(page.body, url).not.toContain(refuge.postcode);
      }
    }
  });

  it('shows services in and around an area on its profile, nearest first, linking to them', async () => {
    const viewer = await signedIn(demoAccounts.northmoorViewer);
    const ward = await viewer.get('/p/northmoor/areas/E05099101');
    expect(ward.statusCode).toBe(200);
    expect(ward.body).toContain('Services in and around this area');
    const rows = [
      ...ward.body.matchAll(
        /<td class="govuk-table__cell"><a class="govuk-link" href="\/p\/northmoor\/directory\/services\/([0-9a-f-]{36})">([^<]+)<\/a><\/td>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>([^<]+)<\/td>\s*<td[^>]*>([^<]+)<\/td>/g,
      ),
    ].map((m) => ({ id: m[1], name: m[2], where: m[3], distance: m[4] }));
    expect(
      rows
        .filter((r) => r.where === 'In this area')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Debt and benefits advice drop-in', 'Emergency food parcels', 'Northmoor youth club'].sort());
    for (const row of rows) expect(row.id).toBe(ids[row.name ?? '']);
    const miles = rows.map((r) => Number.parseFloat(r.distance?.replace('less than ', '') ?? 'NaN'));
    expect(miles.every((m) => Number.isFinite(m))).toBe(true);
    expect([...miles].sort((a, b) => a - b)).toEqual(miles);
    expect(ward.body).toContain('href="/p/northmoor/directory?area=E05099101"');

    const parcels = placeOf('Emergency food parcels');
    const lookup = await test.runtime.services.areas.lookupPostcode(parcels.postcode);
    const lsoa = lookup.kind === 'found' ? (lookup.lsoa?.code ?? '') : '';
    const neighbourhood = await viewer.get(`/p/northmoor/areas/${lsoa}`);
    expect(neighbourhood.body).toMatch(
      /Emergency food parcels<\/a><\/td>\s*<td[^>]*>Northmoor Food Bank<\/td>\s*<td[^>]*>In this area<\/td>/,
    );
    expect(neighbourhood.body).toContain(`href="/p/northmoor/directory?lsoa=${lsoa}"`);
    const authority = await viewer.get('/p/northmoor/areas/E06099001');
    expect(authority.body).toContain('Emergency food parcels');
    expect(authority.body).toContain('href="/p/northmoor/directory?area=E06099001"');
    const all = await viewer.get('/p/northmoor/directory?area=E06099001');
    // Every demo service with a shown place, and the one covering the whole borough (not those covering a ward).
    expect(listed(all.body)).toHaveLength(places.filter((p) => p.visibility !== 'hidden').length + 1);
    expect(listed(all.body)).toContain('Borough-wide home visits');
    expect(listed(all.body)).not.toContain('Ward-wide befriending');
  });

  it('keeps each partnership’s directory to itself', async () => {
    const eastbrook = await signedIn(demoAccounts.eastbrookAdmin);
    const parcels = placeOf('Emergency food parcels');
    for (const url of [
      `/p/northmoor/directory?postcode=${parcels.postcode}`,
      '/p/northmoor/directory?area=E05099101',
      '/p/northmoor/areas/E05099101',
    ]) {
      expect((await eastbrook.get(url)).statusCode, url).toBe(404);
    }
    const own = await eastbrook.get(`/p/eastbrook/directory?postcode=${parcels.postcode}&distance=10`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('0 services match');
    expect(own.body).not.toContain('Emergency food parcels');
  });

  it('lets only the organisation’s own VCS member change its service', async () => {
    const advice = await signedIn(demoAccounts.northmoorAdviceVcs);
    const own = await advice.get(
      `/p/northmoor/directory/services/${ids['Debt and benefits advice drop-in'] ?? ''}`,
    );
    expect(own.body).toContain('Change this service');
    const other = `/p/northmoor/directory/services/${ids['Emergency food parcels'] ?? ''}`;
    expect((await advice.get(other)).body).not.toContain('Change this service');
    expect((await advice.get(`${other}/edit`)).statusCode).toBe(403);
  });
});
