import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryOrganisationRecord, ServiceRecord, Store } from '../../src/app/ports.js';
import type { ServiceDetails } from '../../src/domain/directory/model.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import { anOrganisation, at, givenPartnership, givenUser, id } from './fixtures.js';

function aDirectoryOrganisation(
  partnershipId: string,
  overrides: Partial<DirectoryOrganisationRecord> = {},
): DirectoryOrganisationRecord {
  return {
    ...anOrganisation(partnershipId),
    details: {
      description: 'Helps people',
      url: 'https://example.org/',
      email: 'hello@example.org',
      phone: null,
      address: null,
      postcode: 'M32 0TS',
    },
    provenance: { sourceKind: 'oruk', sourceId: id() },
    isPlaceholder: false,
    lastCheckedAt: null,
    lastCheckedBy: null,
    ...overrides,
  };
}

const fullDetails: ServiceDetails = {
  name: 'Community pantry',
  description: 'Low-cost food every week.',
  url: 'https://pantry.example.org/',
  email: 'pantry@example.org',
  phone: '0161 000 0000',
  status: 'active',
  themes: ['food', 'money-debt-and-benefits'],
  eligibility: { description: 'Anyone living in Trafford', minimumAge: 18, maximumAge: null },
  cost: '£3.50 a visit',
  howToAccess: 'Drop in',
  languages: ['English', 'Urdu'],
  accessibility: 'Step-free entrance',
  capacity: { people: 60, period: 'week' },
  locations: [
    {
      sourceId: 'loc-1',
      name: 'Church hall',
      address: '1 High Street, Urmston',
      postcode: 'M41 0AA',
      latitude: 53.448123,
      longitude: -2.354321,
      visibility: 'public',
    },
    {
      sourceId: null,
      name: 'Safe house',
      address: null,
      postcode: null,
      latitude: null,
      longitude: null,
      visibility: 'hidden',
    },
  ],
  areas: [
    { kind: 'area', areaCode: 'E05000820', name: 'Urmston' },
    { kind: 'polygon', geojson: '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}', name: null },
  ],
  schedules: [
    { day: 'tuesday', opens: '10:00', closes: '12:00' },
    { day: 'friday', opens: '14:00', closes: '16:30' },
  ],
  contacts: [{ name: 'Sam', role: 'Coordinator', email: 'sam@example.org', phone: null }],
};

function aService(
  partnershipId: string,
  organisationId: string,
  overrides: Partial<ServiceRecord> = {},
): ServiceRecord {
  return {
    id: id(),
    partnershipId,
    organisationId,
    details: fullDetails,
    provenance: { sourceKind: 'oruk', sourceId: id() },
    lastCheckedAt: null,
    lastCheckedBy: null,
    lastCheckedByUserId: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** Repository contract: the resource directory. */
describe.each(databaseTargets())('Store contract on $name: directory', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps an organisation’s directory fields, provenance and placeholder flag', async () => {
    const partnership = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id, { identifier: 'GB-CHC-1234567' });
    const placeholder = aDirectoryOrganisation(partnership.id, {
      name: 'Organisation not recorded',
      isPlaceholder: true,
      provenance: { sourceKind: 'placeholder', sourceId: 'oruk' },
    });
    await store.directory.insertOrganisations([organisation, placeholder]);
    expect(await store.directory.findOrganisation(partnership.id, organisation.id)).toEqual(organisation);
    expect((await store.directory.listOrganisations(partnership.id)).map((o) => o.name)).toEqual([
      organisation.name,
      'Organisation not recorded',
    ]);
    // The plain organisations repository still reads them.
    expect((await store.organisations.findById(partnership.id, placeholder.id))?.name).toBe(
      'Organisation not recorded',
    );

    const changed = {
      ...organisation,
      name: 'Renamed',
      details: { ...organisation.details, phone: '0161 1' },
      lastCheckedAt: at(5),
      lastCheckedBy: 'Sam',
    };
    await store.directory.updateOrganisation(changed);
    expect(await store.directory.findOrganisation(partnership.id, organisation.id)).toEqual(changed);
    const other = await givenPartnership(store);
    expect(await store.directory.findOrganisation(other.id, organisation.id)).toBeUndefined();
  });

  it('stores a service with everything that hangs off it, and finds it again by source', async () => {
    const partnership = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id);
    await store.directory.insertOrganisations([organisation]);
    const service = aService(partnership.id, organisation.id);
    const bare = aService(partnership.id, organisation.id, {
      provenance: { sourceKind: 'services-csv', sourceId: 'row-1' },
      details: {
        ...fullDetails,
        name: 'Bare',
        themes: [],
        locations: [],
        areas: [],
        schedules: [],
        contacts: [],
        languages: [],
        capacity: null,
        eligibility: { description: null, minimumAge: null, maximumAge: null },
      },
    });
    await store.directory.insertServices([service, bare]);
    expect(await store.directory.findService(partnership.id, service.id)).toEqual(service);
    expect(await store.directory.findService(partnership.id, bare.id)).toEqual(bare);
    expect(await store.directory.servicesFromSource(partnership.id, 'oruk')).toEqual([service]);
    const other = await givenPartnership(store);
    expect(await store.directory.findService(other.id, service.id)).toBeUndefined();
    await expect(store.directory.insertServices([{ ...service, id: id() }])).rejects.toThrow();
  });

  it('replaces a service’s children on update and records who checked it', async () => {
    const partnership = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id);
    await store.directory.insertOrganisations([organisation]);
    const service = aService(partnership.id, organisation.id);
    await store.directory.insertServices([service]);
    const updated: ServiceRecord = {
      ...service,
      updatedAt: at(10),
      details: {
        ...fullDetails,
        status: 'temporarily closed',
        themes: ['food'],
        schedules: [{ day: 'monday', opens: '09:00', closes: '17:00' }],
        locations: [],
      },
    };
    await store.directory.updateService(updated);
    expect(await store.directory.findService(partnership.id, service.id)).toEqual(updated);

    const user = await givenUser(store);
    expect(
      await store.directory.markServiceChecked(partnership.id, service.id, {
        at: at(20),
        by: user.displayName,
        userId: user.id,
      }),
    ).toBe(true);
    expect(
      await store.directory.markServiceChecked(id(), service.id, { at: at(20), by: 'x', userId: null }),
    ).toBe(false);
    expect(await store.directory.findService(partnership.id, service.id)).toMatchObject({
      lastCheckedAt: at(20),
      lastCheckedBy: user.displayName,
      lastCheckedByUserId: user.id,
    });
  });

  it('searches by words, theme, organisation and last check, counting every match', async () => {
    const partnership = await givenPartnership(store);
    const council = aDirectoryOrganisation(partnership.id, { name: 'Trafford Council' });
    const church = aDirectoryOrganisation(partnership.id, { name: 'St Mary’s Church' });
    await store.directory.insertOrganisations([council, church]);
    const pantry = aService(partnership.id, church.id, { lastCheckedAt: at(100) });
    const advice = aService(partnership.id, council.id, {
      details: {
        ...fullDetails,
        name: 'Debt Advice',
        description: 'Help with 100% of your bills',
        themes: ['money-debt-and-benefits'],
      },
    });
    const choir = aService(partnership.id, church.id, {
      details: { ...fullDetails, name: 'choir', description: 'Singing', themes: [] },
    });
    await store.directory.insertServices([pantry, advice, choir]);
    const search = (query: Partial<Parameters<Store['directory']['searchServices']>[1]>) =>
      store.directory.searchServices(partnership.id, { limit: 10, offset: 0, ...query });

    const all = await search({});
    expect(all.total).toBe(3);
    expect(all.items.map((s) => s.name)).toEqual(['choir', 'Community pantry', 'Debt Advice']);
    expect(all.items[1]).toMatchObject({
      organisationName: 'St Mary’s Church',
      themes: ['food', 'money-debt-and-benefits'],
      status: 'active',
    });
    expect((await search({ text: 'ADVICE' })).items.map((s) => s.name)).toEqual(['Debt Advice']);
    expect((await search({ text: 'trafford help' })).items.map((s) => s.name)).toEqual(['Debt Advice']);
    expect((await search({ text: '100%' })).items.map((s) => s.name)).toEqual(['Debt Advice']);
    expect((await search({ text: 'church' })).total).toBe(2);
    expect((await search({ theme: 'food' })).items.map((s) => s.name)).toEqual(['Community pantry']);
    expect((await search({ theme: 'money-debt-and-benefits' })).total).toBe(2);
    expect((await search({ organisationId: council.id })).items.map((s) => s.name)).toEqual(['Debt Advice']);
    expect((await search({ checkedBefore: at(50) })).items.map((s) => s.name)).toEqual([
      'choir',
      'Debt Advice',
    ]);
    const page = await search({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ name: 'Community pantry' }] });
    expect(await store.directory.themeCounts(partnership.id)).toEqual({
      food: 1,
      'money-debt-and-benefits': 2,
    });
    const other = await givenPartnership(store);
    expect((await store.directory.searchServices(other.id, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('finds shown location points inside a box, never hidden ones, and filters by ids', async () => {
    const partnership = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id);
    await store.directory.insertOrganisations([organisation]);
    const service = aService(partnership.id, organisation.id);
    await store.directory.insertServices([service]);
    const box = { minLatitude: 53.4, maxLatitude: 53.5, minLongitude: -2.4, maxLongitude: -2.3 };
    expect(await store.directory.locatedServices(partnership.id, box)).toEqual([
      { serviceId: service.id, latitude: 53.448123, longitude: -2.354321 },
    ]);
    expect(await store.directory.locatedServices(partnership.id, { ...box, maxLongitude: -2.36 })).toEqual(
      [],
    );
    const other = await givenPartnership(store);
    expect(await store.directory.locatedServices(other.id, box)).toEqual([]);
    const search = (ids: string[]) =>
      store.directory.searchServices(partnership.id, { ids, limit: 10, offset: 0 });
    expect((await search([service.id])).total).toBe(1);
    expect((await search([id()])).total).toBe(0);
    expect((await search([])).total).toBe(0);
  });

  it('finds the service areas that name an area code, and every polygon', async () => {
    const partnership = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id);
    await store.directory.insertOrganisations([organisation]);
    const service = aService(partnership.id, organisation.id);
    const areaOnly = aService(partnership.id, organisation.id, {
      details: {
        ...fullDetails,
        name: 'Ward only',
        areas: [{ kind: 'area', areaCode: 'E05000821', name: null }],
      },
    });
    await store.directory.insertServices([service, areaOnly]);
    const covering = (codes: string[]) => store.directory.serviceAreasCovering(partnership.id, codes);
    const polygon = {
      serviceId: service.id,
      areaCode: null,
      geojson: fullDetails.areas[1]?.kind === 'polygon' ? fullDetails.areas[1].geojson : '',
    };
    expect(await covering(['E05000820'])).toEqual([
      { serviceId: service.id, areaCode: 'E05000820', geojson: null },
      polygon,
    ]);
    expect(await covering(['E05000821'])).toEqual(
      [{ serviceId: areaOnly.id, areaCode: 'E05000821', geojson: null }, polygon].sort((a, b) =>
        a.serviceId.localeCompare(b.serviceId),
      ),
    );
    expect(await covering([])).toEqual([polygon]);
    const other = await givenPartnership(store);
    expect(await store.directory.serviceAreasCovering(other.id, ['E05000820'])).toEqual([]);
  });

  it('inserts thousands of services in batches', async () => {
    const partnership = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id);
    await store.directory.insertOrganisations([organisation]);
    const many = Array.from({ length: 2500 }, (_, i) =>
      aService(partnership.id, organisation.id, { details: { ...fullDetails, name: `Service ${i}` } }),
    );
    await store.directory.insertServices(many);
    expect((await store.directory.searchServices(partnership.id, { limit: 1, offset: 0 })).total).toBe(2500);
    const loaded = await store.directory.servicesFromSource(partnership.id, 'oruk');
    expect(loaded).toHaveLength(2500);
    expect(loaded.every((s) => s.details.locations.length === 2 && s.details.schedules.length === 2)).toBe(
      true,
    );
  });

  it('remembers the fields changed here once each, only within their partnership, and forgets them with the service', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    const organisation = aDirectoryOrganisation(partnership.id);
    await store.directory.insertOrganisations([organisation]);
    const service = aService(partnership.id, organisation.id);
    const untouched = aService(partnership.id, organisation.id);
    await store.directory.insertServices([service, untouched]);

    await store.serviceEdits.markEdited(service.id, ['phone', 'schedules', 'phone'], at(1));
    await store.serviceEdits.markEdited(service.id, ['schedules', 'contacts'], at(2));
    const edited = await store.serviceEdits.editedFields(partnership.id, [service.id, untouched.id]);
    expect(edited.get(service.id)).toEqual(['contacts', 'phone', 'schedules']);
    expect(edited.has(untouched.id)).toBe(false);
    const rows = await handle.db
      .selectFrom('service_local_edits')
      .selectAll()
      .where('service_id', '=', service.id)
      .orderBy('field')
      .execute();
    expect(rows.map((row) => [row.field, row.edited_at])).toEqual([
      ['contacts', at(2)],
      ['phone', at(1)],
      ['schedules', at(2)],
    ]);
    expect((await store.serviceEdits.editedFields(other.id, [service.id])).size).toBe(0);

    await handle.db.deleteFrom('services').where('id', '=', service.id).execute();
    expect(
      await handle.db
        .selectFrom('service_local_edits')
        .where('service_id', '=', service.id)
        .selectAll()
        .execute(),
    ).toEqual([]);
  });
});
