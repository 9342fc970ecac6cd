import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Importer } from '../../src/app/interchange.js';
import { distanceKm } from '../../src/domain/directory/distance.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { lookupImporter } from '../../src/interchange/areas/lookup.js';
import { postcodesImporter } from '../../src/interchange/areas/postcodes.js';
import { readSource } from '../../src/interchange/read-source.js';
import { servicesCsvImporter } from '../../src/interchange/services-csv-import.js';
import { Browser } from '../support/browser.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const data = (relative: string) => path.join(path.resolve('../shared/data'), relative);

interface Postcode {
  postcode: string;
  latitude: number;
  longitude: number;
  lsoa: string;
}

/** Live, located Sunderland postcodes from the real NSPL extract. */
function sunderlandPostcodes(): Postcode[] {
  const rows = parse(fs.readFileSync(data('geo/postcodes/nspl_nov2021_SR.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  return rows
    .filter((r) => r.laua === 'E08000024' && !r.doterm && r.lat && r.lat !== '99.999999')
    .map((r) => ({
      postcode: r.pcds ?? '',
      latitude: Number(r.lat),
      longitude: Number(r.long),
      lsoa: r.lsoa11 ?? '',
    }));
}

const miles = (km: number) => km / 1.609344;

describe('directory search on real Sunderland boundaries and postcodes', () => {
  let t: TestApp;
  let viewer: Browser;
  let origin: Postcode;
  let near: Postcode;
  let further: Postcode;
  let far: Postcode;

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
    await apply(boundariesImporter(readSource), 'geo/boundaries/wards_2022_sunderland.geojson', {
      level: 'ward',
    });
    await apply(boundariesImporter(readSource), 'geo/boundaries/lsoa_2021_sunderland.geojson', {
      level: 'lsoa',
    });
    await apply(lookupImporter(readSource), 'deprivation/imd2025_lsoa21_demo_las.csv');
    await apply(postcodesImporter(readSource), 'geo/postcodes/nspl_nov2021_SR.csv');
    const store = t.runtime.services.store;
    const sunderland = {
      id: '7b0d2c4e-0000-4000-8000-000000000024',
      slug: 'sunderland',
      name: 'Sunderland Together',
      localAuthorityCode: 'E08000024',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await store.partnerships.insert(sunderland);
    const user = await store.users.findByEmail(demoAccounts.northmoorViewer);
    await store.memberships.insert({
      id: '7b0d2c4e-0000-4000-8000-000000000025',
      partnershipId: sunderland.id,
      userId: user?.id ?? '',
      role: 'viewer',
      organisationId: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await store.organisations.insert({
      id: '7b0d2c4e-0000-4000-8000-000000000026',
      partnershipId: sunderland.id,
      name: 'Wearside Advice',
      kind: 'vcs',
      identifier: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });

    // A real postcode, and others about half a mile, three miles and over ten miles from it.
    const postcodes = sunderlandPostcodes();
    origin = postcodes.find((p) => p.postcode === 'SR1 1RE') ?? (postcodes[0] as Postcode);
    const at = (min: number, max: number) => {
      const found = postcodes.find((p) => {
        const m = miles(distanceKm(origin, p));
        return m > min && m < max;
      });
      if (!found) throw new Error(`no postcode ${min}–${max} miles away`);
      return found;
    };
    near = at(0.4, 0.6);
    further = at(2.8, 3.2);
    far = at(6, 40);
    const row = (id: string, name: string, p: Postcode, visibility = 'public') =>
      `${id},${name},Wearside Advice,A service.,${p.postcode},${p.latitude},${p.longitude},${visibility}`;
    const csv = [
      'id,name,organisation,description,postcode,latitude,longitude,visibility',
      row('S1', 'At the postcode', origin),
      row('S2', 'Half a mile away', near),
      row('S3', 'Three miles away', further),
      row('S4', 'Far away', far),
      row('S5', 'Hidden next door', origin, 'hidden'),
    ].join('\n');
    const report = await servicesCsvImporter(async (text) => text).apply(csv, {
      services: t.runtime.services,
      partnershipId: sunderland.id,
      actor: { userId: null, label: 'Test' },
    });
    expect(report).toMatchObject({ imported: 5, skipped: 0, problems: [] });
    viewer = new Browser(t.app);
    await viewer.signIn(demoAccounts.northmoorViewer, knownPassword);
  }, 120_000);
  afterAll(() => t.close());

  const listed = (body: string) =>
    [
      ...body.matchAll(/<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)<\/a>/g),
    ].map((m) => m[1]);

  it('lists services near a real postcode, nearest first, with straight-line distances', async () => {
    const typed = origin.postcode.replace(' ', '').toLowerCase();
    const five = await viewer.get(`/p/sunderland/directory?postcode=${typed}&distance=5`);
    expect(five.statusCode).toBe(200);
    expect(listed(five.body)).toEqual(['At the postcode', 'Half a mile away', 'Three miles away']);
    expect(five.body).toContain(`<strong>${miles(distanceKm(origin, near)).toFixed(1)} miles</strong> away`);
    expect(five.body).toContain(
      `<strong>${miles(distanceKm(origin, further)).toFixed(1)} miles</strong> away`,
    );
    const one = await viewer.get(`/p/sunderland/directory?postcode=${typed}&distance=1`);
    expect(listed(one.body)).toEqual(['At the postcode', 'Half a mile away']);
    expect(one.body).not.toContain('Hidden next door');
  });

  it('lists the services placed in a real neighbourhood (LSOA 2021) and on its profile', async () => {
    const lookup = await t.runtime.services.areas.lookupPostcode(origin.postcode);
    if (lookup.kind !== 'found' || !lookup.lsoa) throw new Error('origin postcode not found');
    expect(lookup.method).toBe('boundaries');
    expect(origin.postcode).toBe('SR1 1RE');
    const page = await viewer.get(`/p/sunderland/directory?lsoa=${lookup.lsoa.code}`);
    expect(page.statusCode).toBe(200);
    expect(listed(page.body)).toContain('At the postcode');
    expect(listed(page.body)).not.toContain('Far away');
    expect(page.body).not.toContain('Hidden next door');
    if (!lookup.ward) throw new Error('origin ward not found');
    const ward = await viewer.get(`/p/sunderland/directory?area=${lookup.ward.code}`);
    expect(ward.statusCode).toBe(200);
    expect(ward.body).toContain(`in or covering ${lookup.ward.name}.`);
    expect(listed(ward.body)[0]).toBe('At the postcode');
    expect(listed(ward.body)).not.toContain('Far away');
    const profile = await viewer.get(`/p/sunderland/areas/${lookup.lsoa.code}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toMatch(
      /At the postcode<\/a><\/td>\s*<td[^>]*>Wearside Advice<\/td>\s*<td[^>]*>In this area/,
    );
    expect(profile.body).not.toContain('Far away');
    expect(profile.body).not.toContain('Hidden next door');
  });
});
