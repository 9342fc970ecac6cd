import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderOrganisationName } from '../../src/app/directory/directory-import.js';
import type { ImportContext, Importer } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { charitiesImporter } from '../../src/interchange/charities-import.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { readSource } from '../../src/interchange/read-source.js';
import { resourcesImporter } from '../../src/interchange/resources-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';

const data = path.resolve('../shared/data');
const feeds = path.join(data, 'oruk/feeds');
const resources = path.join(data, 'resources');

const targets = [
  { name: 'sqlite', postgres: false },
  ...(testDatabaseUrl() ? [{ name: 'postgres', postgres: true }] : []),
];

/** The real public files through the real importers, on each database: counts, then a second import. */
describe.each(targets)('directory imports of the real files on $name', (target) => {
  let dir: string;
  let runtime: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  let partnershipId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-directory-'));
    const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    if (target.postgres) {
      const database = await createPostgresDatabase();
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
    runtime = await openRuntime(parseConfig(env));
    const created = await runtime.services.partnerships.create(
      { name: 'Test directory', slug: 'test-directory', localAuthorityCode: 'E08000009' },
      { userId: null, label: 'Test' },
    );
    partnershipId = created.id;
  }, 60_000);

  afterAll(async () => {
    await runtime?.close();
    await dropDatabase?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const context = (options: Record<string, string> = {}): ImportContext => ({
    services: runtime.services,
    partnershipId,
    actor: { userId: null, label: 'Test' },
    options,
  });

  async function twice(importer: Importer, file: string, options: Record<string, string> = {}) {
    const before = await runtime.services.directory.search(partnershipId, {});
    const preview = await importer.preview(file, context(options));
    expect((await runtime.services.directory.search(partnershipId, {})).total).toBe(before.total);
    const first = await importer.apply(file, context(options));
    expect(first).toEqual(preview);
    const second = await importer.apply(file, context(options));
    expect(second).toMatchObject({ imported: 0, updated: 0, read: first.read, skipped: first.skipped });
    return first;
  }

  it('imports Bristol: 819 read, 817 imported, 2 skipped with reasons, 6 under the placeholder', async () => {
    const report = await twice(
      orukImporter(readSource),
      path.join(feeds, 'bristol_services_list_2024-12-18.json'),
    );
    expect(report).toMatchObject({ read: 819, imported: 817, updated: 0, skipped: 2 });
    expect(report.problems.filter((p) => p.reason.endsWith('skipped'))).toEqual([
      {
        row: 1,
        field: 'name',
        reason: 'The service def5ccd4-f121-df4d-60d2-4dc0d69ff555 has no name; skipped',
        outcome: 'skipped',
      },
      expect.objectContaining({
        field: 'id',
        reason: expect.stringContaining('2af617e5-4532-bebe-1036-ffdf2e93ce55') as string,
      }),
    ]);
    const organisations = await runtime.services.store.directory.listOrganisations(partnershipId);
    const placeholder = organisations.filter((o) => o.isPlaceholder);
    expect(placeholder.map((o) => o.name)).toEqual([placeholderOrganisationName]);
    const underPlaceholder = await runtime.services.directory.search(partnershipId, {});
    expect(underPlaceholder.total).toBe(817);
    const orphans = await runtime.services.store.directory.searchServices(partnershipId, {
      organisationId: placeholder[0]?.id ?? '',
      limit: 50,
      offset: 0,
    });
    expect(orphans.total).toBe(6);
    // 594 organisations in the feed; two names appear under two ids each and are kept as one.
    expect(organisations.filter((o) => o.provenance?.sourceKind === 'oruk')).toHaveLength(592);
  }, 120_000);

  it('imports North Lincolnshire: 738 read, 738 imported', async () => {
    const report = await twice(
      orukImporter(readSource),
      path.join(feeds, 'north_lincolnshire_services_list_2024-12-18.json'),
    );
    expect(report).toMatchObject({ read: 738, imported: 738, updated: 0, skipped: 0 });
    expect((await runtime.services.directory.search(partnershipId, {})).total).toBe(817 + 738);
  }, 120_000);

  it('imports the 736 Trafford charities as organisations with GB-CHC- identifiers', async () => {
    const report = await twice(
      charitiesImporter(readSource),
      path.join(resources, 'charities/charities_operating_in_trafford_2023-04-04.csv'),
    );
    expect(report).toMatchObject({ read: 736, imported: 736, updated: 0, skipped: 0 });
    const charities = (await runtime.services.store.directory.listOrganisations(partnershipId)).filter(
      (o) => o.provenance?.sourceKind === 'charities',
    );
    expect(charities).toHaveLength(736);
    expect(charities.every((o) => /^GB-CHC-\d{6,7}$/.test(o.identifier ?? ''))).toBe(true);
    const wildlife = charities.find((o) => o.identifier === 'GB-CHC-214927');
    expect(wildlife).toMatchObject({
      name: 'THE CHESHIRE WILDLIFE TRUST LIMITED',
      kind: 'vcs',
      details: {
        email: 'info@cheshirewt.org.uk',
        url: 'https://www.cheshirewildlifetrust.co.uk',
        postcode: 'SY14 8EF',
      },
    });
    const dukinfield = charities.find((o) => o.identifier === 'GB-CHC-210843');
    expect(dukinfield).toMatchObject({
      kind: 'faith',
      details: { description: null, email: null, url: null },
    });
    expect(
      charities
        .filter((o) => o.name.startsWith('URMSTON MUSICAL THEATRE'))
        .map((o) => o.name)
        .sort(),
    ).toEqual(['URMSTON MUSICAL THEATRE', 'URMSTON MUSICAL THEATRE (GB-CHC-1199397)']);
  }, 60_000);

  it('imports the Trafford hubs (6), libraries (13) and Greater Manchester food banks (171) with their themes', async () => {
    const importer = resourcesImporter(readSource);
    const hubs = await twice(
      importer,
      path.join(resources, 'trafford_services/trafford_community_hubs.csv'),
      {
        theme: 'warm-and-welcoming-spaces',
        organisation: 'Trafford Council',
        'organisation-kind': 'council',
      },
    );
    expect(hubs).toMatchObject({ read: 6, imported: 6, skipped: 0, problems: [] });
    const libraries = await twice(
      importer,
      path.join(resources, 'trafford_services/trafford_libraries.geojson'),
      {
        theme: 'digital-inclusion',
        organisation: 'Trafford Council',
        'organisation-kind': 'council',
      },
    );
    expect(libraries).toMatchObject({ read: 13, imported: 13, skipped: 0, problems: [] });
    const foodBanks = await twice(importer, path.join(resources, 'food_banks/gm_food_banks_2018.csv'), {
      theme: 'food',
      mapping:
        'name=Name,postcode=Postcode,address=Address,hours=Opening times,access=Referral method,contact=Contact,url=Website',
    });
    expect(foodBanks).toMatchObject({ read: 171, imported: 171, skipped: 0 });
    // The same food banks as GeoJSON are the same records, now with points.
    const asGeojson = await importer.apply(
      path.join(resources, 'food_banks/gm_food_banks_2018.geojson'),
      context({ theme: 'food' }),
    );
    expect(asGeojson).toMatchObject({ read: 171, imported: 0, updated: 171 });
    const food = await runtime.services.directory.search(partnershipId, {
      theme: 'food',
      text: 'BRASS Bolton',
    });
    expect(food.items.map((s) => s.name)).toEqual(['BRASS Bolton']);
    const brass = await runtime.services.store.directory.findService(partnershipId, food.items[0]?.id ?? '');
    expect(brass?.details.locations[0]).toMatchObject({
      postcode: 'BL3 2HP',
      latitude: 53.560345,
      longitude: -2.418002,
    });
    expect(brass?.details.email).toBe('admin@brass-bolton.org.uk');
    expect(brass?.details.howToAccess).toBe('Not known. Opening times: Wednesday 10am - 4pm');
  }, 60_000);

  it('finds the food banks near a point, nearest first', async () => {
    const near = { latitude: 53.4794, longitude: -2.2453, withinKm: 2 }; // Manchester Town Hall
    const result = await runtime.services.directory.search(partnershipId, { theme: 'food', near });
    expect(result.total).toBeGreaterThan(3);
    const distances = result.items.map((s) => s.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(2);
    const wider = await runtime.services.directory.search(partnershipId, {
      theme: 'food',
      near: { ...near, withinKm: 5 },
    });
    expect(wider.total).toBeGreaterThan(result.total);
    const withWords = await runtime.services.directory.search(partnershipId, {
      theme: 'food',
      text: 'church',
      near: { ...near, withinKm: 5 },
    });
    expect(withWords.total).toBeLessThan(wider.total);
    expect(
      withWords.items.every((s) => /church/i.test(`${s.name} ${s.description} ${s.organisationName}`)),
    ).toBe(true);
  });

  it('imports the 118 Trafford places of worship (building outlines) with a point inside each', async () => {
    const report = await twice(
      resourcesImporter(readSource),
      path.join(resources, 'trafford_services/trafford_places_of_worship.geojson'),
      { theme: 'faith-and-belief' },
    );
    expect(report).toMatchObject({ read: 118, imported: 118, skipped: 0, problems: [] });
    const found = await runtime.services.directory.search(partnershipId, {
      theme: 'faith-and-belief',
      text: 'Gorse Hill Methodist',
    });
    const church = await runtime.services.store.directory.findService(
      partnershipId,
      found.items[0]?.id ?? '',
    );
    const location = church?.details.locations[0];
    expect(location?.latitude).toBeGreaterThan(53.3);
    expect(location?.latitude).toBeLessThan(53.5);
    expect(location?.longitude).toBeGreaterThan(-2.5);
    expect(location?.longitude).toBeLessThan(-2.2);
  }, 60_000);

  it('refuses a resources import without a theme, or with a mapping to a column that is not there', async () => {
    const importer = resourcesImporter(readSource);
    const file = path.join(resources, 'trafford_services/trafford_community_hubs.csv');
    await expect(importer.preview(file, context())).rejects.toThrow(/Choose the theme/);
    await expect(importer.preview(file, context({ theme: 'cake' }))).rejects.toThrow(
      /There is no theme "cake"/,
    );
    await expect(importer.preview(file, context({ theme: 'food', mapping: 'name=Title' }))).rejects.toThrow(
      /the file has no "Title" column/,
    );
  });
});
