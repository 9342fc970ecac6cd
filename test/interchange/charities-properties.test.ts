import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ImportContext } from '../../src/app/interchange.js';
import { charitiesImporter } from '../../src/interchange/charities-import.js';
import { readSource } from '../../src/interchange/read-source.js';
import type { propertyRuntime } from '../support/import-properties.js';
import {
  anyOf,
  cellFrom,
  checkImporterProperty,
  checkRefusals,
  good,
  hostileText,
  kept,
  longText,
  propertyPartnership,
  propertyTargets,
  refusedCsvFiles,
  rowOf,
  skips,
  wrongType,
} from '../support/import-properties.js';

const header = [
  'registered_charity_number',
  'charity_name',
  'charity_contact_email',
  'charity_activities',
  'charity_contact_web',
  'charity_contact_phone',
  'charity_contact_postcode',
];

/** Charity numbers unique by the row's place; bad ones are not 6 to 8 digits, or say "NA". */
const number = fc.oneof(
  { weight: 12, arbitrary: fc.constant((index: number) => good(String(1_000_000 + index))) },
  {
    weight: 1,
    arbitrary: cellFrom(
      fc.oneof(fc.constantFrom('', 'NA', '12', '123456789', 'GB-COH-1'), wrongType).map((v) => skips(v)),
    ),
  },
);
const name = fc.oneof(
  // Unique, so a name never moves from one charity to another between imports (see the report).
  { weight: 12, arbitrary: hostileText.map((text) => (index: number) => good(`${text} ${index}`)) },
  { weight: 1, arbitrary: anyOf(skips(''), skips('NA'), skips('na')) },
);
const email = fc.oneof(
  {
    weight: 12,
    arbitrary: anyOf(good(''), good('NA'), good('info@example.org'), good('mailto:Office@Example.org.uk')),
  },
  {
    weight: 1,
    arbitrary: cellFrom(
      fc.oneof(fc.constantFrom('not-an-email', 'a@b', '@example.org'), wrongType).map((v) => kept(v)),
    ),
  },
);
/** Free text and values the register may hold in any shape: never a problem. */
const free = cellFrom(
  fc
    .oneof(
      { weight: 20, arbitrary: fc.constant('') },
      { weight: 8, arbitrary: hostileText },
      { weight: 4, arbitrary: wrongType },
      longText(3000),
    )
    .map(good),
);

describe.each(propertyTargets)('charities import of generated files on $name', (target) => {
  let database: Awaited<ReturnType<typeof propertyRuntime>>;
  let context: ImportContext;
  const importer = charitiesImporter(readSource);

  beforeAll(async () => {
    ({ database, context } = await propertyPartnership(target.postgres));
  }, 60_000);
  afterAll(() => database.close());

  it('reports every bad value on its line, skips only bad rows and writes only on apply (10,000 rows)', async () => {
    await checkImporterProperty(database.runtime, {
      importer,
      context: () => context,
      format: { kind: 'csv', header },
      rows: rowOf({
        registered_charity_number: number,
        charity_name: name,
        charity_contact_email: email,
        charity_activities: free,
        charity_contact_web: free,
        charity_contact_phone: free,
        charity_contact_postcode: free,
      }),
      runs: 4,
      rowsPerRun: 2500,
      count: async () =>
        (await database.runtime.services.store.directory.listOrganisations(context.partnershipId ?? ''))
          .length,
    });
  }, 60_000);

  it('refuses empty, header-only, unreadable and wrongly shaped files, writing nothing', async () => {
    await checkRefusals(database.runtime, importer, context, {
      ...refusedCsvFiles(header),
      'not-the-register.csv': 'name,number\nA,123456\n',
    });
  }, 60_000);
});
