import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { readSource } from '../../src/interchange/read-source.js';
import { resourcesImporter } from '../../src/interchange/resources-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';

/**
 * Issue 15, defects 6 and 7 for points and boundaries: bad geometries refused per feature, places outside the
 * partnership's authority counted (or left out when asked), test records and repeated names reported. Real files
 * from ../shared/data: UK warm spaces, Greater Manchester food banks, and the UK authority boundaries for Trafford's.
 */

const data = path.resolve('../shared/data');
const warmSpaces = path.join(data, 'resources/warm_spaces/warm_spaces_uk_2026-08-17.geojson');
const foodBanks = path.join(data, 'resources/food_banks/gm_food_banks_2018.geojson');
const inline = async (text: string) => text;

const square = (x: number, y: number, size = 0.001) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
/** A bow tie in Stretford: its outline crosses itself at its middle. */
const bowTie = [
  [-2.32, 53.44],
  [-2.3, 53.46],
  [-2.3, 53.44],
  [-2.32, 53.46],
  [-2.32, 53.44],
];
const feature = (properties: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const targets = [
  { name: 'sqlite', postgres: false },
  ...(testDatabaseUrl() ? [{ name: 'postgres', postgres: true }] : []),
];

describe.each(targets)('points and boundaries checked on import, on $name', (target) => {
  let dir: string;
  let runtime: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;
  let trafford: string;
  let elsewhere: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-geo-'));
    const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    if (target.postgres) {
      const database = await createPostgresDatabase();
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
    runtime = await openRuntime(parseConfig(env));
    const actor = { userId: null, label: 'Test' };
    const create = async (slug: string, localAuthorityCode: string) =>
      (await runtime.services.partnerships.create({ name: slug, slug, localAuthorityCode }, actor)).id;
    trafford = await create('trafford', 'E08000009');
    elsewhere = await create('elsewhere', 'E06000999');
    await boundariesImporter(readSource).apply(path.join(data, 'geo/boundaries/lad_2024_uk_buc.geojson'), {
      ...context(undefined),
      options: { level: 'lad' },
    });
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    await dropDatabase?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function context(partnershipId: string | undefined, options: Record<string, string> = {}): ImportContext {
    return { services: runtime.services, partnershipId, actor: { userId: null, label: 'Test' }, options };
  }
  const named = async (partnershipId: string, text: string) =>
    (await runtime.services.directory.search(partnershipId, { text })).items.map((s) => s.name);

  it('refuses a self-intersecting polygon as a resource, with its message and position, and writes nothing of it', async () => {
    const file = collection(
      feature({ name: 'Stretford Hub' }, { type: 'Point', coordinates: [-2.31, 53.45] }),
      feature({ name: 'Crossed Chapel' }, { type: 'Polygon', coordinates: [bowTie] }),
      feature({ name: 'Square Chapel' }, { type: 'Polygon', coordinates: [square(-2.31, 53.45)] }),
    );
    const importer = resourcesImporter(inline);
    const options = { theme: 'faith-and-belief' };
    const preview = await importer.preview(file, context(trafford, options));
    expect(preview).toMatchObject({ read: 3, imported: 2, skipped: 1 });
    expect(preview.problems).toEqual([
      {
        row: 2,
        field: 'geometry',
        reason:
          'the outer ring crosses itself at longitude -2.31, latitude 53.45; a boundary must not cross itself; the feature is skipped',
        outcome: 'skipped',
      },
    ]);
    expect(await importer.apply(file, context(trafford, options))).toEqual(preview);
    expect(await named(trafford, 'Chapel')).toEqual(['Square Chapel']);
  });

  it('refuses a self-intersecting boundary in the preview and writes nothing of it', async () => {
    const file = collection(
      feature({ WD24CD: 'E05099991', WD24NM: 'Crossed Ward' }, { type: 'Polygon', coordinates: [bowTie] }),
      feature(
        { WD24CD: 'E05099992', WD24NM: 'Square Ward' },
        { type: 'MultiPolygon', coordinates: [[square(-2.31, 53.45)]] },
      ),
      feature(
        { WD24CD: 'E05099993', WD24NM: 'Open Ward' },
        { type: 'Polygon', coordinates: [square(-2.31, 53.45).slice(0, 4)] },
      ),
    );
    const importer = boundariesImporter(inline);
    const preview = await importer.preview(file, context(undefined, { level: 'ward' }));
    expect(preview).toMatchObject({ read: 3, imported: 1, skipped: 2 });
    expect(preview.problems.map(({ row, outcome }) => ({ row, outcome }))).toEqual([
      { row: 1, outcome: 'skipped' },
      { row: 3, outcome: 'skipped' },
    ]);
    expect(preview.problems[0]?.reason).toMatch(
      /^E05099991: the outer ring crosses itself at longitude -2\.31, latitude 53\.45; a boundary must not cross itself\. Repair/,
    );
    expect(preview.problems[1]?.reason).toContain('E05099993: the outer ring is not closed');
    expect(await importer.apply(file, context(undefined, { level: 'ward' }))).toEqual(preview);
    const store = runtime.services.store.areas;
    expect(await store.findByCode('E05099991')).toEqual([]);
    expect(await store.findByCode('E05099993')).toEqual([]);
    expect((await store.findByCode('E05099992')).map((a) => a.name)).toEqual(['Square Ward']);
  });

  it('counts the places of a UK-wide file outside Trafford, keeps them, and flags test records and repeated names', async () => {
    const report = await resourcesImporter(readSource).preview(
      warmSpaces,
      context(trafford, { theme: 'warm-and-welcoming-spaces' }),
    );
    expect(report).toMatchObject({ read: 8953, imported: 8864, skipped: 89 });
    expect(report.notes?.[0]).toEqual({
      row: 0,
      field: 'location',
      reason: expect.stringMatching(
        /^8,840 of the 8,857 places with a location lie outside Trafford \(features 7, 8, 9, .* and 8,830 more\)\. They are imported\./,
      ) as string,
      outcome: 'kept',
    });
    expect(report.notes?.[1]).toMatchObject({
      row: 0,
      reason:
        '7 places have no location in the UK, so whether they lie in Trafford is not known. They are imported.',
    });
    const tests = report.problems.filter((p) => p.reason.includes('looks like a test record'));
    expect(tests.map(({ row, outcome }) => ({ row, outcome }))).toEqual([
      { row: 2, outcome: 'kept' },
      { row: 57, outcome: 'kept' },
    ]);
    expect(tests[1]?.reason).toContain('"TEST-SPACE-NOT-LIVE" looks like a test record');
    expect(report.notes).toContainEqual({
      row: 11,
      field: 'name',
      reason: expect.stringContaining(
        'Tea4U Community Cafe is also the name of the place at feature 8, 26 km away',
      ) as string,
      outcome: 'kept',
    });
    expect(report.problems.filter((p) => p.outcome === 'skipped')).toHaveLength(89);
  }, 60_000);

  it('leaves out the places outside Trafford when asked, each reported with its position', async () => {
    const options = { theme: 'warm-and-welcoming-spaces', 'outside-area': 'skip' };
    const report = await resourcesImporter(readSource).apply(warmSpaces, context(trafford, options));
    expect(report).toMatchObject({ read: 8953, imported: 24, skipped: 89 + 8840 });
    const outside = report.problems.filter((p) => p.field === 'location');
    expect(outside).toHaveLength(8840);
    expect(outside[0]).toEqual({
      row: 7,
      field: 'location',
      reason: 'lies outside Trafford; left out, as asked',
      outcome: 'skipped',
    });
    expect((report.notes ?? []).map((note) => note.reason)).toEqual([
      '7 places have no location in the UK, so whether they lie in Trafford is not known. They are imported.',
    ]);
    const spaces = await runtime.services.directory.search(trafford, { theme: 'warm-and-welcoming-spaces' });
    expect(spaces.total).toBe(24);
    // The test record has no point in the UK, so it is kept, inactive.
    const found = await runtime.services.directory.search(trafford, { text: 'Lorien' });
    const lorien = await runtime.services.store.directory.findService(trafford, found.items[0]?.id ?? '');
    expect(lorien?.details).toMatchObject({ name: "Lorien's second test space", status: 'inactive' });
  }, 60_000);

  it('imports Greater Manchester food banks into Trafford with the count outside, as --yes would', async () => {
    const report = await resourcesImporter(readSource).apply(foodBanks, context(trafford, { theme: 'food' }));
    expect(report).toMatchObject({ read: 171, imported: 171, skipped: 0, problems: [] });
    expect(report.notes?.[0]?.reason).toMatch(/^164 of the 171 places with a location lie outside Trafford/);
    expect(report.notes).toContainEqual(
      expect.objectContaining({
        row: 5,
        reason: expect.stringContaining(
          'Trussell Trust is also the name of the place at feature 4, 1.7 km away',
        ),
      }),
    );
  });

  it('says nothing of places outside the area for a partnership with no boundary', async () => {
    const report = await resourcesImporter(readSource).preview(
      foodBanks,
      context(elsewhere, { theme: 'food' }),
    );
    expect((report.notes ?? []).some((n) => n.field === 'location')).toBe(false);
    expect(report).toMatchObject({ imported: 171, skipped: 0 });
  });

  it('refuses an option for places outside the area it does not know', async () => {
    await expect(
      resourcesImporter(readSource).preview(
        foodBanks,
        context(trafford, { theme: 'food', 'outside-area': 'drop' }),
      ),
    ).rejects.toThrow('"drop" is not a choice for places outside your council’s area: choose keep or skip.');
  });
});
