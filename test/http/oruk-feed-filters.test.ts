import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryOrganisationRecord, PartnershipRecord, ServiceRecord } from '../../src/app/ports.js';
import type { LocationVisibility } from '../../src/domain/directory/model.js';
import { commonGroundNamespace, stableUuid } from '../../src/domain/directory/stable-id.js';
import { generatedDirectory } from '../support/generated-directory.js';
import { httpDatabases } from '../support/http-databases.js';
import { errorsOf, orukValidators, type OrukValidators } from '../support/oruk-schemas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;

/**
 * The hand-made fixture in Eastbrook (whose demo has no directory): organisations A and B run three services each;
 * C runs none. Each service's last change and the visibility of each of its places:
 *
 *   service  organisation  changed                   places
 *   0        A             2026-01-10T09:00:00.000Z  none
 *   1        A             2026-02-01T00:00:00.000Z  public
 *   2        A             2026-03-01T12:00:00.000Z  public, hidden
 *   3        B             2026-01-20T09:00:00.000Z  hidden, public
 *   4        B             2026-02-01T00:00:00.000Z  public, area-only
 *   5        B             2026-02-15T09:00:00.000Z  area-only
 *
 * Shown places (not hidden) per service: 0, 1, 1, 1, 2, 1; 6 in all.
 */
const fixture: readonly { organisation: 'A' | 'B'; changed: string; places: LocationVisibility[] }[] = [
  { organisation: 'A', changed: '2026-01-10T09:00:00.000Z', places: [] },
  { organisation: 'A', changed: '2026-02-01T00:00:00.000Z', places: ['public'] },
  { organisation: 'A', changed: '2026-03-01T12:00:00.000Z', places: ['public', 'hidden'] },
  { organisation: 'B', changed: '2026-01-20T09:00:00.000Z', places: ['hidden', 'public'] },
  { organisation: 'B', changed: '2026-02-01T00:00:00.000Z', places: ['public', 'area-only'] },
  { organisation: 'B', changed: '2026-02-15T09:00:00.000Z', places: ['area-only'] },
];

function fixtureDirectory(partnershipId: string) {
  const { organisations, services } = generatedDirectory(partnershipId, fixture.length, []);
  const template = organisations[0] as DirectoryOrganisationRecord;
  const organisation = (letter: string): DirectoryOrganisationRecord => ({
    ...template,
    id: stableUuid(commonGroundNamespace, `${partnershipId}:fixture:${letter}`),
    name: `Organisation ${letter}`,
    createdAt: '2026-01-01T00:00:00.000Z',
    provenance: { sourceKind: 'generated', sourceId: `fixture-${letter}` },
  });
  const byLetter = { A: organisation('A'), B: organisation('B'), C: organisation('C') };
  const fixed: ServiceRecord[] = services.map((service, index) => {
    const row = fixture[index];
    if (!row) throw new Error('fixture and services differ');
    return {
      ...service,
      organisationId: byLetter[row.organisation].id,
      updatedAt: row.changed,
      details: {
        ...service.details,
        locations: row.places.map((visibility, p) => ({
          sourceId: `fixture-place-${index}-${p}`,
          name: `Hall ${index}-${p}`,
          address: `${p + 1} High Street, Eastbrook`,
          postcode: 'EB1 1AB',
          latitude: 52.1 + index / 100,
          longitude: -1.5 + p / 100,
          visibility,
        })),
      },
    };
  });
  return { organisations: Object.values(byLetter), byLetter, services: fixed };
}

describe.each(httpDatabases())('the Open Referral UK feed’s HSDS 3.0 additions ($name)', (database) => {
  let removeDatabase: () => Promise<void> = async () => undefined;
  let test: TestApp;
  let eastbrook: PartnershipRecord;
  let northmoor: PartnershipRecord;
  let schemas: OrukValidators;
  let directory: ReturnType<typeof fixtureDirectory>;

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await test.app.inject({ method: 'GET', url, headers });
    return {
      status: response.statusCode,
      headers: response.headers,
      body: response.body,
      json: () => response.json<Json>(),
    };
  };
  /** Every item of a list (one page of 200 is plenty here), its page valid against the HSDS page envelope. */
  const listed = async (url: string): Promise<Json[]> => {
    const response = await get(url);
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    const page = response.json();
    expect({ url, errors: schemas.page(page) ? [] : errorsOf(schemas.page) }).toEqual({ url, errors: [] });
    expect(page.last_page).toBe(true);
    return page.contents as Json[];
  };
  const valid = (validate: OrukValidators[keyof OrukValidators], item: unknown) =>
    validate(item) ? [] : errorsOf(validate);
  const serviceNames = (items: Json[]) => items.map((s) => s.name).sort();
  const fixtureNames = (indexes: number[]) =>
    indexes.map((i) => directory.services[i]?.details.name ?? '').sort();

  beforeAll(async () => {
    schemas = orukValidators();
    const opened = await database.open();
    removeDatabase = opened.remove;
    test = await createTestApp({ env: opened.env });
    eastbrook = await test.partnership('eastbrook');
    northmoor = await test.partnership('northmoor');
    directory = fixtureDirectory(eastbrook.id);
    await test.runtime.services.store.directory.insertOrganisations(directory.organisations);
    await test.runtime.services.store.directory.insertServices(directory.services);
  }, 60_000);
  afterAll(async () => {
    await test.close();
    await removeDatabase();
  });

  it('filters services and services at places by modified_after (on or after), as counted by hand', async () => {
    const all = await listed('/oruk/eastbrook/services?per_page=200');
    expect(all).toHaveLength(6);
    for (const [after, services] of [
      // 1, 2, 4 and 5 were changed on or after 1 February (1 and 4 exactly at midnight).
      ['2026-02-01T00:00:00Z', [1, 2, 4, 5]],
      ['2026-02-01', [1, 2, 4, 5]],
      ['2026-02-01T01:00:00%2B01:00', [1, 2, 4, 5]],
      // A millisecond later, 1 and 4 drop out.
      ['2026-02-01T00:00:00.001Z', [2, 5]],
      ['2026-03-01T12:00:00.001Z', []],
    ] as const) {
      const found = await listed(`/oruk/eastbrook/services?per_page=200&modified_after=${after}`);
      expect({ after, names: serviceNames(found) }).toEqual({ after, names: fixtureNames([...services]) });
      for (const service of found) expect(valid(schemas.serviceList, service)).toEqual([]);
    }
    // Shown places of 1, 2, 4 and 5: 1 + 1 + 2 + 1.
    const places = await listed(
      '/oruk/eastbrook/service_at_locations?per_page=200&modified_after=2026-02-01',
    );
    expect(places).toHaveLength(5);
    for (const item of places) expect(valid(schemas.serviceAtLocationList, item)).toEqual([]);
  });

  it('filters by organization_id, alone and with modified_after, as counted by hand', async () => {
    const { A, B, C } = directory.byLetter;
    const ofA = await listed(`/oruk/eastbrook/services?organization_id=${A.id}`);
    expect(serviceNames(ofA)).toEqual(fixtureNames([0, 1, 2]));
    expect(ofA.every((s) => s.organization_id === A.id)).toBe(true);
    // B changed 4 and 5 on or after 1 February; their shown places are 2 + 1.
    const recentOfB = await listed(
      `/oruk/eastbrook/services?organization_id=${B.id.toUpperCase()}&modified_after=2026-02-01`,
    );
    expect(serviceNames(recentOfB)).toEqual(fixtureNames([4, 5]));
    const placesOfB = await listed(
      `/oruk/eastbrook/service_at_locations?organization_id=${B.id}&modified_after=2026-02-01`,
    );
    expect(placesOfB).toHaveLength(3);
    // Places of A: service 1's one and service 2's public one; of B: 1 + 2 + 1.
    expect(await listed(`/oruk/eastbrook/service_at_locations?organization_id=${A.id}`)).toHaveLength(2);
    expect(await listed(`/oruk/eastbrook/service_at_locations?organization_id=${B.id}`)).toHaveLength(4);
    expect(await listed(`/oruk/eastbrook/services?organization_id=${C.id}`)).toEqual([]);
  });

  it('gives services in full with full=true, accepts format=json and says what to send otherwise', async () => {
    const full = await listed('/oruk/eastbrook/services?full=true&format=json');
    expect(full).toHaveLength(6);
    for (const service of full) expect(valid(schemas.service, service)).toEqual([]);
    expect(full.some((s) => Array.isArray(s.service_at_locations))).toBe(true);
    for (const [query, words] of [
      ['modified_after=last%20week', /modified_after must be a date and time such as 2026-03-02T09:00:00Z/],
      ['organization_id=council', /organization_id must be a UUID/],
      ['format=ndjson', /format must be json/],
      ['full=1', /full must be true or false/],
      ['minimal=true', /minimal is not supported: the Open Referral UK profile 3.0 does not offer it/],
    ] as const) {
      const response = await get(`/oruk/eastbrook/services?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.json().message).toMatch(words);
    }
  });

  it('lists the organisations that run services, each valid, and one in full with its services', async () => {
    const { A, B, C } = directory.byLetter;
    const organisations = await listed('/oruk/eastbrook/organizations');
    expect(organisations.map((o) => o.name)).toEqual(['Organisation A', 'Organisation B']);
    for (const organisation of organisations) {
      expect(valid(schemas.organizationList, organisation)).toEqual([]);
    }
    const second = await get('/oruk/eastbrook/organizations?per_page=1&page=2');
    expect(second.json()).toMatchObject({ total_items: 2, total_pages: 2, size: 1, last_page: true });

    const one = await get(`/oruk/eastbrook/organizations/${A.id}`);
    expect(one.status).toBe(200);
    expect(valid(schemas.organization, one.json())).toEqual([]);
    expect(serviceNames(one.json().services as Json[])).toEqual(fixtureNames([0, 1, 2]));
    expect((await get(`/oruk/eastbrook/organizations/${B.id.toUpperCase()}`)).status).toBe(200);
    // C runs no service, so the feed does not publish it.
    expect((await get(`/oruk/eastbrook/organizations/${C.id}`)).status).toBe(404);
  });

  it('names a service at a place with its service’s name and status, as the profile’s OpenAPI asks', async () => {
    const places = await listed('/oruk/eastbrook/service_at_locations?per_page=200');
    expect(places).toHaveLength(6);
    for (const item of places) {
      const service = directory.services.find((s) => s.id === item.service_id);
      expect({ name: item.name, status: item.status }).toEqual({
        name: service?.details.name,
        status: service?.details.status,
      });
      const one = await get(`/oruk/eastbrook/service_at_locations/${String(item.id)}`);
      // The profile's OpenAPI answers this endpoint with its compiled service schema; HSDS with service_at_location.
      expect(valid(schemas.service, one.json())).toEqual([]);
      expect(valid(schemas.serviceAtLocation, one.json())).toEqual([]);
    }
  });

  it('never shows another partnership’s organisations or services', async () => {
    const theirs = await listed('/oruk/northmoor/organizations?per_page=200');
    expect(theirs.length).toBeGreaterThan(0);
    const names = theirs.map((o) => o.name);
    expect(names).not.toContain('Organisation A');
    const northmoorOrganisation = String(theirs[0]?.id);
    expect(await listed(`/oruk/eastbrook/services?organization_id=${northmoorOrganisation}`)).toEqual([]);
    expect((await get(`/oruk/eastbrook/organizations/${northmoorOrganisation}`)).status).toBe(404);
    expect((await get(`/oruk/northmoor/organizations/${directory.byLetter.A.id}`)).status).toBe(404);
    const northmoorServices = await listed('/oruk/northmoor/services?per_page=200');
    expect(northmoorServices.every((s) => s.organization_id !== directory.byLetter.A.id)).toBe(true);
    expect(eastbrook.id).not.toBe(northmoor.id);
  });

  it('documents the new endpoints and parameters in the feed’s OpenAPI document', async () => {
    const openapi = (await get('/oruk/eastbrook/openapi.json')).json() as {
      paths: Record<string, { get: { parameters?: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    const names = (path: string) => (openapi.paths[path]?.get.parameters ?? []).map((p) => p.name);
    expect(names('/services')).toEqual(
      expect.arrayContaining(['modified_after', 'organization_id', 'full', 'format']),
    );
    expect(names('/service_at_locations')).toEqual(
      expect.arrayContaining(['modified_after', 'organization_id', 'format']),
    );
    expect(names('/service_at_locations')).not.toContain('full');
    expect(names('/organizations')).toEqual(['page', 'per_page', 'format']);
    expect(names('/organizations/{id}')).toEqual(['id']);
    expect(Object.keys(openapi.paths['/services']?.get.responses ?? {})).toContain('304');
  });

  it('answers the CORS preflight and lets any web page read the feed', async () => {
    const preflight = await test.app.inject({
      method: 'OPTIONS',
      url: '/oruk/eastbrook/services',
      headers: {
        origin: 'https://example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(
      String(preflight.headers['access-control-allow-methods'])
        .split(',')
        .map((m) => m.trim()),
    ).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/If-None-Match/);
    const read = await get('/oruk/eastbrook/organizations', { origin: 'https://example.org' });
    expect(read.headers['access-control-allow-origin']).toBe('*');
    expect(String(read.headers['access-control-expose-headers'])).toMatch(/ETag/);
    const unknown = await get('/oruk/eastbrook/no-such-list', { origin: 'https://example.org' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
  });

  it('sends ETag and Last-Modified, answers 304 to a repeated request, and 200 once something changed', async () => {
    const url = '/oruk/eastbrook/services?per_page=200';
    const first = await get(url);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    // The newest change of the fixture (service 2).
    expect(first.headers['last-modified']).toBe('Sun, 01 Mar 2026 12:00:00 GMT');

    const again = await get(url, { 'if-none-match': etag });
    expect({ status: again.status, body: again.body, etag: again.headers.etag }).toEqual({
      status: 304,
      body: '',
      etag,
    });
    expect(again.headers['access-control-allow-origin']).toBe('*');
    expect((await get(url, { 'if-modified-since': 'Sun, 01 Mar 2026 12:00:00 GMT' })).status).toBe(304);
    expect((await get(url, { 'if-modified-since': 'Sun, 01 Mar 2026 11:59:59 GMT' })).status).toBe(200);
    expect((await get(url, { 'if-none-match': '"something-else"' })).status).toBe(200);
    const organisation = `/oruk/eastbrook/organizations/${directory.byLetter.A.id}`;
    const tag = String((await get(organisation)).headers.etag);
    expect((await get(organisation, { 'if-none-match': tag })).status).toBe(304);
    const taxonomies = await get('/oruk/eastbrook/taxonomies');
    expect(taxonomies.headers['last-modified']).toBeUndefined();
    expect(
      (await get('/oruk/eastbrook/taxonomies', { 'if-none-match': String(taxonomies.headers.etag) })).status,
    ).toBe(304);

    const changed = directory.services[0] as ServiceRecord;
    await test.runtime.services.store.directory.updateService({
      ...changed,
      details: { ...changed.details, name: `${changed.details.name} (renamed)` },
      updatedAt: '2026-03-05T08:00:00.000Z',
    });
    const after = await get(url, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.headers['last-modified']).toBe('Thu, 05 Mar 2026 08:00:00 GMT');
    expect((await get(url, { 'if-modified-since': 'Sun, 01 Mar 2026 12:00:00 GMT' })).status).toBe(200);

    // An organisation's own change moves Last-Modified too (migration 0031).
    const since = 'Thu, 05 Mar 2026 08:00:00 GMT';
    expect((await get('/oruk/eastbrook/organizations', { 'if-modified-since': since })).status).toBe(304);
    await test.runtime.services.store.directory.updateOrganisation({
      ...directory.byLetter.B,
      name: 'Organisation B, renamed',
      updatedAt: '2026-03-06T10:00:00.000Z',
    });
    const renamed = await get('/oruk/eastbrook/organizations', { 'if-modified-since': since });
    expect(renamed.status).toBe(200);
    expect(renamed.headers['last-modified']).toBe('Fri, 06 Mar 2026 10:00:00 GMT');
  });
});
