import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportContext, ImportReport } from '../../src/app/interchange.js';
import { parseConfig } from '../../src/config.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { resourcesImporter } from '../../src/interchange/resources-import.js';
import { openRuntime, type Runtime } from '../../src/main.js';
import { createPostgresDatabase, testDatabaseUrl } from '../support/database.js';
import {
  badGeometry,
  englishPoint,
  goodOutline,
  hostileText,
  notAFeature,
  notProperties,
  type Expected,
} from './geo-hostile-features.js';

/**
 * Issue 15: 10,000 generated features of hostile and malformed values through each import give no crash, no
 * partial write, and a problem at the feature's position for each bad value (skipped, or kept without the value).
 */

const features = 10_000;
const inline = async (text: string) => text;

/** One generated feature: made from its position, so names and codes are unique. */
interface Case {
  make(position: number): { feature: unknown; expected: Expected };
}

const good = (keptFields: string[] = []): Expected => ({ keptFields });
const bad = (skippedField: string): Expected => ({ skippedField, keptFields: [] });

const resourceCase: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({
      point: englishPoint,
      suffix: hostileText,
      other: fc.record({
        description: hostileText,
        address: hostileText,
        email: hostileText,
        website: hostileText,
        telephone: hostileText,
        organisation: hostileText,
        opening_hours: fc.oneof(hostileText, fc.constant({ _text: 'Mon' }), fc.constant([1, 2])),
      }),
    })
    .map(({ point, suffix, other }) => ({
      make: (i: number) => ({
        feature: {
          type: 'Feature',
          properties: { name: `Place ${i} ${suffix}`, ...other },
          geometry: { type: 'Point', coordinates: point },
        },
        expected: good(),
      }),
    })),
  goodOutline.map((geometry) => ({
    make: (i: number) => ({
      feature: { type: 'Feature', properties: { title: `Place ${i}` }, geometry },
      expected: good(),
    }),
  })),
  fc.constantFrom(null, undefined).map((geometry) => ({
    make: (i: number) => ({
      feature: { type: 'Feature', properties: { name: `Place ${i}` }, geometry },
      expected: good(),
    }),
  })),
  fc
    .constantFrom(
      {
        type: 'LineString',
        coordinates: [
          [-2, 53],
          [-2.1, 53.1],
        ],
      },
      { type: 'Point', coordinates: [10, 10] },
    )
    .map((geometry) => ({
      make: (i: number) => ({
        feature: { type: 'Feature', properties: { name: `Place ${i}` }, geometry },
        expected: good(['geometry']),
      }),
    })),
  fc.constantFrom('NOT A POSTCODE', 'M32', '12345').map((postcode) => ({
    make: (i: number) => ({
      feature: { type: 'Feature', properties: { name: `Place ${i}`, postcode }, geometry: null },
      expected: good(['postcode']),
    }),
  })),
  badGeometry.map((geometry) => ({
    make: (i: number) => ({
      feature: { type: 'Feature', properties: { name: `Bad ${i}` }, geometry },
      expected: bad('geometry'),
    }),
  })),
  notAFeature.map((feature) => ({ make: () => ({ feature, expected: bad('feature') }) })),
  notProperties.map((properties) => ({
    make: () => ({ feature: { type: 'Feature', properties, geometry: null }, expected: bad('properties') }),
  })),
  fc.constantFrom('', '   ', null, {}, ['Hub'], true, 'NA').map((name) => ({
    make: () => ({
      feature: { type: 'Feature', properties: { name }, geometry: null },
      expected: bad('name'),
    }),
  })),
);

const wardCode = (i: number) => `E05${String(900_000 + i)}`;
const boundaryCase: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(goodOutline, hostileText).map(([geometry, name]) => ({
    make: (i: number) => ({
      feature: { type: 'Feature', properties: { WD24CD: wardCode(i), WD24NM: name }, geometry },
      expected: good(),
    }),
  })),
  badGeometry.map((geometry) => ({
    make: (i: number) => ({
      feature: { type: 'Feature', properties: { WD24CD: wardCode(i), WD24NM: 'Bad' }, geometry },
      expected: bad('geometry'),
    }),
  })),
  fc.constantFrom('', 'E05', 'X05000001', 'E01000001', 42, null, { code: 'E05000001' }).map((code) => ({
    make: () => ({
      feature: { type: 'Feature', properties: { WD24CD: code }, geometry: null },
      expected: bad('WD24CD'),
    }),
  })),
  notAFeature.map((feature) => ({ make: () => ({ feature, expected: bad('feature') }) })),
  notProperties.map((properties) => ({
    make: () => ({ feature: { type: 'Feature', properties, geometry: null }, expected: bad('WD24CD') }),
  })),
);

/** Builds the file from the cases and what the import must report for each feature. */
function fileOf(cases: readonly Case[]): { text: string; expected: Expected[] } {
  const made = cases.map((c, index) => c.make(index + 1));
  const text = JSON.stringify({ type: 'FeatureCollection', features: made.map((m) => m.feature) });
  return { text, expected: made.map((m) => m.expected) };
}

/** Every bad feature has a problem at its position, and the counts add up. */
function expectReported(report: ImportReport, expected: readonly Expected[]): void {
  const byRow = new Map<number, ImportReport['problems'][number][]>();
  for (const problem of report.problems) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  const wrong: string[] = [];
  expected.forEach((e, index) => {
    const problems = byRow.get(index + 1) ?? [];
    const skipped = problems.filter((p) => p.outcome === 'skipped');
    if (e.skippedField && !(skipped.length === 1 && skipped[0]?.field === e.skippedField))
      wrong.push(`feature ${index + 1}: wanted ${e.skippedField} skipped, got ${JSON.stringify(problems)}`);
    if (!e.skippedField && skipped.length > 0)
      wrong.push(`feature ${index + 1} skipped: ${JSON.stringify(skipped)}`);
    for (const field of e.keptFields)
      if (!problems.some((p) => p.field === field && p.outcome === 'kept'))
        wrong.push(`feature ${index + 1}: wanted ${field} kept, got ${JSON.stringify(problems)}`);
  });
  expect(wrong.slice(0, 5)).toEqual([]);
  const skippedCount = expected.filter((e) => e.skippedField).length;
  expect(report).toMatchObject({
    read: expected.length,
    skipped: skippedCount,
    imported: expected.length - skippedCount,
  });
}

const generated = (arbitrary: fc.Arbitrary<Case>) =>
  fc.array(arbitrary, { minLength: features, maxLength: features });
const once = { numRuns: 1, endOnFailure: true };

const targets = [
  { name: 'sqlite', postgres: false },
  ...(testDatabaseUrl() ? [{ name: 'postgres', postgres: true }] : []),
];

describe.each(targets)('10,000 hostile features through each import, on $name', (target) => {
  let dir: string;
  let runtime: Runtime;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-geo-property-'));
    const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    if (target.postgres) {
      const database = await createPostgresDatabase();
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
    runtime = await openRuntime(parseConfig(env));
  }, 60_000);

  afterAll(async () => {
    await runtime?.close();
    await dropDatabase?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const context = (partnershipId: string | undefined, options: Record<string, string>): ImportContext => ({
    services: runtime.services,
    partnershipId,
    actor: { userId: null, label: 'Test' },
    options,
  });

  it(
    'resources: no crash, a problem for each bad feature, only the good ones written',
    { timeout: 60_000 },
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(generated(resourceCase), async (cases) => {
          run += 1;
          const partnership = await runtime.services.partnerships.create(
            {
              name: `Hostile ${run}`,
              slug: `hostile-${target.name}-${run}`,
              localAuthorityCode: 'E06000999',
            },
            { userId: null, label: 'Test' },
          );
          const { text, expected } = fileOf(cases);
          const importer = resourcesImporter(inline);
          const options = { theme: 'food' };
          const preview = await importer.preview(text, context(partnership.id, options));
          expectReported(preview, expected);
          expect((await runtime.services.directory.search(partnership.id, {})).total).toBe(0);
          expect(await importer.apply(text, context(partnership.id, options))).toEqual(preview);
          expect((await runtime.services.directory.search(partnership.id, {})).total).toBe(preview.imported);
          expect((await runtime.services.directory.search(partnership.id, { text: 'Bad' })).total).toBe(0);
        }),
        once,
      );
    },
  );

  it(
    'boundaries: no crash, a problem for each bad feature, only the good ones written',
    { timeout: 60_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(generated(boundaryCase), async (cases) => {
          const { text, expected } = fileOf(cases);
          const importer = boundariesImporter(inline);
          const options = { level: 'ward' };
          const areas = runtime.services.store.areas;
          const before = await areas.listSummaries('ward');
          const preview = await importer.preview(text, context(undefined, options));
          expectReported(preview, expected);
          expect(await areas.listSummaries('ward')).toEqual(before);
          expect(await importer.apply(text, context(undefined, options))).toEqual(preview);
          const written = new Set((await areas.listSummaries('ward')).map((a) => a.code));
          const wanted = expected.flatMap((e, index) => (e.skippedField ? [] : [wardCode(index + 1)]));
          expect(written.size).toBe(before.length + wanted.length);
          expect(wanted.every((code) => written.has(code))).toBe(true);
        }),
        once,
      );
    },
  );
});
