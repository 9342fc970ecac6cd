import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { readSource } from '../../src/interchange/read-source.js';
import { organisationsCsvImporter } from '../../src/interchange/organisations-csv.js';
import type { propertyRuntime } from '../support/import-properties.js';
import {
  anyOf,
  cellFrom,
  checkImporterProperty,
  checkRefusals,
  good,
  hostileText,
  propertyPartnership,
  propertyTargets,
  refusedCsvFiles,
  rowOf,
  skips,
  wrongType,
} from '../support/import-properties.js';

const header = ['name', 'kind', 'identifier'];

/** Names unique by the row's place, with hostile text after it; bad names are too short or too long. */
const name = fc.oneof(
  { weight: 12, arbitrary: hostileText.map((text) => (index: number) => good(`Org ${index}: ${text}`)) },
  { weight: 1, arbitrary: anyOf(skips(''), skips('x'), skips('y'.repeat(161))) },
);

const kind = fc.oneof(
  { weight: 12, arbitrary: anyOf(good('vcs'), good(' Faith '), good('COUNCIL'), good('social-enterprise')) },
  {
    weight: 1,
    arbitrary: cellFrom(fc.oneof(fc.constantFrom('charity', ''), wrongType).map((v) => skips(v))),
  },
);

const identifier = fc.oneof(
  {
    weight: 12,
    arbitrary: anyOf(good(''), good('GB-CHC-1234567'), good('gb-coh-0123456a'), good('360G-ABC-1')),
  },
  {
    weight: 1,
    arbitrary: cellFrom(fc.oneof(fc.constantFrom('GB-CHC-12', 'GB-COH-1'), wrongType).map((v) => skips(v))),
  },
);

describe.each(propertyTargets)('organisations import of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;
  const importer = organisationsCsvImporter(readSource);

  beforeAll(async () => {
    ({ database, context } = await propertyPartnership(target.postgres));
  }, 60_000);
  afterAll(() => database.close());

  it('reports every bad value on its line, skips only bad rows and writes only on apply (10,000 rows)', async () => {
    await checkImporterProperty(database.runtime, {
      importer,
      context: () => context,
      format: { kind: 'csv', header },
      rows: rowOf({ name, kind, identifier }),
      runs: 4,
      rowsPerRun: 2500,
      count: async () =>
        (await database.runtime.services.store.organisations.listByPartnership(context.partnershipId ?? ''))
          .length,
    });
  }, 60_000);

  it('refuses empty, header-only, unreadable and wrongly shaped files, writing nothing', async () => {
    await checkRefusals(database.runtime, importer, context, {
      ...refusedCsvFiles(header),
      'no-name-column.csv': 'title,kind\nA,vcs\n',
    });
  }, 60_000);
});
