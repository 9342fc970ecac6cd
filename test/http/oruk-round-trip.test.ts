import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryOrganisationRecord, PartnershipRecord, ServiceRecord } from '../../src/app/ports.js';
import type { Services } from '../../src/app/services.js';
import { locationId } from '../../src/domain/directory/oruk-location.js';
import { orukExporter } from '../../src/interchange/oruk-export.js';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { httpDatabases } from '../support/http-databases.js';
import { errorsOf, orukValidators } from '../support/oruk-schemas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

/** An origin's Open Referral UK 3.0 file whose ids are its own (not UUIDs, as a council's system may have). */
const originFile = JSON.stringify([
  {
    id: 'BCC-SVC-1',
    name: 'Lunch club',
    description: 'A hot meal on Tuesdays.',
    status: 'active',
    organization: {
      id: 'BCC-ORG-7',
      name: 'Hillside Community Trust',
      description: 'A neighbourhood charity.',
      organization_identifiers: [
        { id: 'x1', identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '1099991' },
      ],
    },
    service_at_locations: [
      {
        id: 'SAL-1',
        location: {
          id: 'BCC-LOC-77',
          location_type: 'physical',
          name: 'Hillside Hall',
          addresses: [{ address_1: '1 Hill Street', city: 'Bristol', postal_code: 'BS1 4DJ', country: 'GB' }],
        },
      },
      {
        id: 'SAL-2',
        location: { id: 'BCC-LOC-78', location_type: 'physical', name: 'Hillside Library' },
      },
    ],
  },
  {
    id: '9a3f1f0e-2f0c-4f55-8a7e-0c1d2e3f4a5b',
    name: 'Befriending calls',
    description: 'A weekly phone call.',
    status: 'active',
    organization: { id: 'BCC-ORG-8', name: 'Good Neighbours', description: 'Volunteers.' },
  },
]);

const actor = { userId: null, label: 'Test' };

async function directoryOf(services: Services, partnershipId: string) {
  const records: ServiceRecord[] = [];
  for await (const page of services.oruk.servicePages(partnershipId)) records.push(...page.services);
  const organisations = await services.store.directory.listOrganisations(partnershipId);
  return { services: records, organisations: new Map(organisations.map((o) => [o.id, o])) };
}

/**
 * The ids a round trip must keep: each service's, its organisation's and its public places' ids in the source
 * they came from. A record that began in the first directory (typed in there, with no source) has the first
 * directory's id as its origin.
 */
function originIds(service: ServiceRecord, organisations: ReadonlyMap<string, DirectoryOrganisationRecord>) {
  const organisation = organisations.get(service.organisationId);
  return {
    name: service.details.name,
    service: service.provenance.sourceId,
    organisation: organisation?.provenance?.sourceId ?? organisation?.id ?? null,
    locations: service.details.locations.flatMap((location, position) =>
      location.visibility === 'public' ? [location.sourceId ?? locationId(service, location, position)] : [],
    ),
  };
}

/**
 * Export → import into a new partnership: the second directory holds the origin's ids (services, organisations,
 * places), not the first directory's UUIDs, and the export that carries them is valid against the UK profile.
 */
describe.each(httpDatabases())('an Open Referral UK round trip ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let northmoor: PartnershipRecord;
  let copy: PartnershipRecord;
  let exported: Json[];

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    const { services } = t.runtime;
    northmoor = await t.partnership('northmoor');
    await orukImporter(async () => originFile).apply('origin.json', {
      services,
      partnershipId: northmoor.id,
      actor,
    });
    const chunks: string[] = [];
    await orukExporter.run(northmoor.id, services, (chunk) => chunks.push(chunk));
    exported = JSON.parse(chunks.join('')) as Json[];
    copy = await services.partnerships.create(
      { name: 'Copy Partnership', slug: 'copy', localAuthorityCode: 'E06000023' },
      actor,
    );
    await orukImporter(async () => chunks.join('')).apply('export.json', {
      services,
      partnershipId: copy.id,
      actor,
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await remove();
  });

  it('publishes the origin’s ids beside ours, valid against the UK profile', () => {
    const lunch = exported.find((s) => s.name === 'Lunch club') as Json;
    const { service } = orukValidators();
    expect(service(lunch) ? [] : errorsOf(service)).toEqual([]);
    expect(lunch.id).not.toBe('BCC-SVC-1');
    expect(lunch.attributes).toContainEqual(
      expect.objectContaining({ link_type: 'source_identifier', value: 'oruk:BCC-SVC-1' }),
    );
    expect((lunch.organization as Json).organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'GB-CHC', identifier: '1099991' }),
      expect.objectContaining({ identifier_type: 'Id in the oruk source', identifier: 'BCC-ORG-7' }),
    ]);
    const places = (lunch.service_at_locations as Json[]).map((at) => at.location as Json);
    expect(places.map((p) => [p.external_identifier, p.external_identifier_type])).toEqual([
      ['BCC-LOC-77', 'oruk id'],
      ['BCC-LOC-78', 'oruk id'],
    ]);
  });

  it('keeps every service’s, organisation’s and place’s source id, field by field', async () => {
    const { services } = t.runtime;
    const first = await directoryOf(services, northmoor.id);
    const second = await directoryOf(services, copy.id);
    expect(second.services).toHaveLength(first.services.length);
    const byName = (list: ReturnType<typeof originIds>[]) =>
      [...list].sort((a, b) => a.service.localeCompare(b.service) || a.name.localeCompare(b.name));
    const before = byName(first.services.map((s) => originIds(s, first.organisations)));
    const after = byName(second.services.map((s) => originIds(s, second.organisations)));
    expect(after).toEqual(before);
    // The origin's own ids, not the first directory's UUIDs.
    expect(after.find((s) => s.name === 'Lunch club')).toEqual({
      name: 'Lunch club',
      service: 'BCC-SVC-1',
      organisation: 'BCC-ORG-7',
      locations: ['BCC-LOC-77', 'BCC-LOC-78'],
    });
    expect(after.find((s) => s.name === 'Befriending calls')).toMatchObject({
      service: '9a3f1f0e-2f0c-4f55-8a7e-0c1d2e3f4a5b',
      organisation: 'BCC-ORG-8',
    });
    const firstIds = new Set(first.services.map((s) => s.id));
    expect(second.services.filter((s) => firstIds.has(s.id))).toEqual([]);
  });

  it('reads its own export again without changing anything', async () => {
    const chunks: string[] = [];
    await orukExporter.run(northmoor.id, t.runtime.services, (chunk) => chunks.push(chunk));
    const report = await orukImporter(async () => chunks.join('')).preview('export.json', {
      services: t.runtime.services,
      partnershipId: copy.id,
      actor,
    });
    expect(report).toMatchObject({ imported: 0, updated: 0, skipped: 0 });
  });
});
