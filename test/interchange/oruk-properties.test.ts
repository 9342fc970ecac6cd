import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { readSource } from '../../src/interchange/read-source.js';
import type { propertyRuntime } from '../support/import-properties.js';
import {
  checkImporterProperty,
  checkRefusals,
  hostileText,
  longText,
  propertyPartnership,
  propertyTargets,
  type RowMaker,
} from '../support/import-properties.js';

type Bad = { field?: string; bad: 'skips' | 'kept' };
/** A field of a record: its value (undefined leaves it out) and what the importer must say about it. */
type Field = { value?: unknown; bad?: Bad };

const mostly = (goodFields: fc.Arbitrary<Field>, badFields: fc.Arbitrary<Field>) =>
  fc.oneof({ weight: 20, arbitrary: goodFields }, { weight: 1, arbitrary: badFields });
const field = (value: unknown): Field => ({ value });
const skipsOn =
  (name: string) =>
  (value: unknown): Field => ({ value, bad: { field: name, bad: 'skips' } });
const keptOn =
  (name: string) =>
  (value: unknown): Field => ({ value, bad: { field: name, bad: 'kept' } });

const fields = {
  // Ids of the wrong type are read as text when they are numbers; anything else is no id.
  id: fc.boolean(),
  badId: fc.constantFrom(undefined, '', '   ', null, [], {}, true).map(skipsOn('id')),
  name: mostly(
    fc.oneof({ weight: 9, arbitrary: hostileText }, fc.constant(4242)).map(field),
    fc.oneof(
      fc.constantFrom(undefined, '', null, [], { text: 'x' }, false).map(skipsOn('name')),
      fc.constant(keptOn('name')('Pan\u0000try')),
    ),
  ),
  // Descriptions are HTML in Open Referral: a <script> is removed, leaving none, so good text has no tags.
  description: mostly(
    fc
      .oneof({ weight: 9, arbitrary: hostileText.filter((text) => !text.includes('<')) }, longText(3000))
      .map(field),
    fc.constantFrom(undefined, '', '<p> </p>', 12).map(keptOn('description')),
  ),
  email: mostly(
    fc.constantFrom(undefined, '', 'help@example.org', 'mailto:Help@Example.org').map(field),
    fc.constantFrom('not-an-email', 12, true, { at: 'x' }).map(keptOn('email')),
  ),
  status: mostly(
    fc.constantFrom(undefined, 'active', 'Inactive', 'defunct').map(field),
    fc.constantFrom('open', 42).map(keptOn('status')),
  ),
  location: mostly(
    fc
      .constantFrom(
        undefined,
        { latitude: 53.48, longitude: -2.24 },
        { latitude: '51.5', longitude: '-0.12' },
      )
      .map((point) => field(point && [{ location: { ...point, addresses: [{ postal_code: 'M41 0AA' }] } }])),
    fc.oneof(
      fc
        .constantFrom(
          { latitude: 100, longitude: 101 },
          { latitude: '0x35', longitude: -2 },
          { latitude: 'north' },
        )
        .map((point) => ({
          value: [{ location: point }],
          bad: { field: 'service_at_locations[0].location.latitude', bad: 'kept' as const },
        })),
      fc.constant({
        value: [{ location: { addresses: [{ postal_code: 'ABC 1234' }] } }],
        bad: { field: 'service_at_locations[0].location.addresses.postal_code', bad: 'kept' as const },
      }),
    ),
  ),
  areas: mostly(
    fc
      .constantFrom(undefined, [{ uri: 'http://statistics.data.gov.uk/id/statistical-geography/E05000820' }])
      .map(field),
    fc.constant({
      value: [{ extent: 'not a polygon', extent_type: 'geojson' }],
      bad: { field: 'service_areas[0]', bad: 'kept' as const },
    }),
  ),
};

/** A record of the Open Referral UK 3.0 shape, or now and then something that is not a record at all. */
const record: fc.Arbitrary<RowMaker> = fc
  .oneof(
    { weight: 60, arbitrary: fc.record(fields) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(null, 7, 'a service', [{ id: 'x' }]).map((value) => ({ notRecord: value })),
    },
  )
  .map((made) => (index: number) => {
    if ('notRecord' in made) return { record: made.notRecord, bad: [{ field: '', bad: 'skips' }] };
    const named: [string, Field][] = [
      ['id', made.id ? field(`svc-${index}`) : made.badId],
      ['name', made.name],
      ['description', made.description],
      ['email', made.email],
      ['status', made.status],
      ['service_at_locations', made.location],
      ['service_areas', made.areas],
    ];
    const result: Record<string, unknown> = {};
    for (const [key, { value }] of named) if (value !== undefined) result[key] = value;
    const bad = named.flatMap(([, { bad: one }]) => (one ? [one] : []));
    return { record: result, bad };
  });

describe.each(propertyTargets)('Open Referral UK import of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;
  const importer = orukImporter(readSource);

  beforeAll(async () => {
    ({ database, context } = await propertyPartnership(target.postgres));
  }, 60_000);
  afterAll(() => database.close());

  it('reports every bad value on its record, skips only bad records and writes only on apply (10,000 records)', async () => {
    await checkImporterProperty(database.runtime, {
      importer,
      context: () => context,
      format: {
        kind: 'json',
        extension: 'json',
        wrap: (records) => ({
          contents: records,
          size: records.length,
          total_items: records.length,
          total_pages: 1,
        }),
      },
      rows: record,
      runs: 4,
      rowsPerRun: 2500,
      count: async () =>
        (await database.runtime.services.directory.search(context.partnershipId ?? '', {})).total,
    });
  }, 60_000);

  it('refuses empty, unreadable and wrongly shaped files, writing nothing', async () => {
    await checkRefusals(database.runtime, importer, context, {
      'empty.json': '',
      'blank.json': ' \n\t',
      'truncated.json': '{"contents": [{"id": "1", "name": "Pantry"',
      'front-page.json': JSON.stringify({
        version: '3.0',
        profile: 'x',
        openapi_url: 'https://x.example/openapi',
      }),
    });
  }, 60_000);
});
