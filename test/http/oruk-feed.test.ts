import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { orukServiceAtLocation } from '../../src/domain/directory/oruk-export.js';
import { generatedDirectory } from '../support/generated-directory.js';
import { errorsOf, orukValidators, pageFields, type OrukValidators } from '../support/oruk-schemas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Json = Record<string, unknown>;
type Page = { contents: Json[] } & Json;

describe('the Open Referral UK 3.0 feed', () => {
  let test: TestApp;
  let northmoor: PartnershipRecord;
  let eastbrook: PartnershipRecord;
  let schemas: OrukValidators;
  const generated = 1000;

  const get = async (url: string) => {
    const response = await test.app.inject({ method: 'GET', url });
    return { status: response.statusCode, headers: response.headers, json: response.json<Json>() };
  };
  const page = async (url: string): Promise<Page> => {
    const response = await get(url);
    expect({ url, status: response.status }).toEqual({ url, status: 200 });
    const valid = schemas.page(response.json);
    expect({ url, errors: valid ? [] : errorsOf(schemas.page) }).toEqual({ url, errors: [] });
    return response.json as Page;
  };
  const eachPage = async (path: string, perPage: number): Promise<Json[]> => {
    const all: Json[] = [];
    for (let number = 1; ; number += 1) {
      const found = await page(`${path}${path.includes('?') ? '&' : '?'}page=${number}&per_page=${perPage}`);
      expect(found.page_number).toBe(number);
      expect(found.size).toBe(found.contents.length);
      expect(found.first_page).toBe(number === 1);
      all.push(...found.contents);
      if (found.last_page) {
        expect(found.total_items).toBe(all.length);
        expect(found.total_pages).toBe(number);
        return all;
      }
      expect(found.size).toBe(perPage);
    }
  };

  beforeAll(async () => {
    schemas = orukValidators();
    test = await createTestApp();
    northmoor = await test.partnership('northmoor');
    eastbrook = await test.partnership('eastbrook');
    const themeIds = test.runtime.services.directory.themes.themes.map((t) => t.id);
    const { organisations, services } = generatedDirectory(eastbrook.id, generated, themeIds);
    await test.runtime.services.store.directory.insertOrganisations(organisations);
    await test.runtime.services.store.directory.insertServices(services);
  }, 60_000);
  afterAll(() => test.close());

  it('says what it is, with an absolute address for its OpenAPI document, to any web page', async () => {
    const about = await get('/oruk/northmoor/');
    expect(about.status).toBe(200);
    expect(about.headers['access-control-allow-origin']).toBe('*');
    expect(about.json).toEqual({
      version: 'HSDS-UK-3.0',
      profile: 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md',
      openapi_url: 'http://localhost:3000/oruk/northmoor/openapi.json',
    });
    const bare = await test.app.inject({ method: 'GET', url: '/oruk/northmoor' });
    expect({ status: bare.statusCode, location: bare.headers.location }).toEqual({
      status: 301,
      location: '/oruk/northmoor/',
    });
    const openapi = await get('/oruk/northmoor/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.json).toMatchObject({
      openapi: '3.1.0',
      servers: [{ url: 'http://localhost:3000/oruk/northmoor' }],
    });
    expect(Object.keys(openapi.json.paths as Json)).toEqual(
      expect.arrayContaining([
        '/services',
        '/services/{id}',
        '/service_at_locations',
        '/taxonomy_terms/{id}',
      ]),
    );
  });

  it('validates every page and every service of a 1,000-service directory against the UK profile', async () => {
    const listed = await eachPage('/oruk/eastbrook/services', 200);
    expect(listed).toHaveLength(generated);
    expect(new Set(listed.map((s) => s.id)).size).toBe(generated);
    for (const service of listed) {
      expect({
        id: service.id,
        errors: schemas.serviceList(service) ? [] : errorsOf(schemas.serviceList),
      }).toEqual({
        id: service.id,
        errors: [],
      });
      expect(JSON.stringify(service)).not.toContain('null');
    }
    for (const { id } of listed) {
      const full = await get(`/oruk/eastbrook/services/${String(id)}`);
      expect(full.status).toBe(200);
      expect({ id, errors: schemas.service(full.json) ? [] : errorsOf(schemas.service) }).toEqual({
        id,
        errors: [],
      });
      expect(JSON.stringify(full.json)).not.toContain(':null');
    }
  }, 120_000);

  it('pages of 50 by default, at most 200, and says what to fix for bad values', async () => {
    const first = await page('/oruk/eastbrook/services');
    expect(first).toMatchObject({
      total_items: generated,
      total_pages: 20,
      page_number: 1,
      size: 50,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const beyond = await page('/oruk/eastbrook/services?page=99');
    expect(beyond).toMatchObject({ size: 0, contents: [], last_page: true, empty: false });
    for (const [query, words] of [
      ['per_page=201', /per_page must be a whole number from 1 to 200/],
      ['page=0', /page must be a whole number from 1/],
      ['page=two', /page must be a whole number/],
      ['taxonomy_term_id=food', /taxonomy_term_id must be a UUID/],
      ['minimum_age=old', /minimum_age must be a number/],
      ['day=someday', /day must be a day such as MO/],
      ['start_time=9am', /start_time must be a time such as 09:30/],
      ['colour=blue', /colour is not a filter of \/services/],
    ] as const) {
      const response = await get(`/oruk/eastbrook/services?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.json.message).toMatch(words);
      expect(response.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it('filters services by words, taxonomy term, taxonomy, ages and opening times', async () => {
    const themes = test.runtime.services.oruk.taxonomy;
    const food = themes.terms.find((t) => t.code === 'food');
    const foodBanks = themes.terms.find((t) => t.name === 'Food banks');
    expect(food && foodBanks).toBeTruthy();
    const byTerm = await eachPage(`/oruk/eastbrook/services?taxonomy_term_id=${food?.id ?? ''}`, 200);
    const byEsdTerm = await eachPage(`/oruk/eastbrook/services?taxonomy_term_id=${foodBanks?.id ?? ''}`, 200);
    expect(byTerm.length).toBeGreaterThan(0);
    expect(byEsdTerm.map((s) => s.id)).toEqual(byTerm.map((s) => s.id));
    const one = await get(`/oruk/eastbrook/services/${String(byTerm[0]?.id)}`);
    const termIds = (one.json.attributes as Json[]).map((a) => a.taxonomy_term_id);
    expect(termIds).toEqual(expect.arrayContaining([food?.id, foodBanks?.id]));

    const themesTaxonomy = themes.taxonomies[0]?.id ?? '';
    expect((await page(`/oruk/eastbrook/services?taxonomy_id=${themesTaxonomy}`)).total_items).toBe(
      generated,
    );
    const unused = '00000000-0000-4000-8000-000000000000';
    expect((await page(`/oruk/eastbrook/services?taxonomy_term_id=${unused}`)).empty).toBe(true);

    const words = await eachPage('/oruk/eastbrook/services?search=FOOD%20club', 200);
    expect(words).toHaveLength(generated / 2);
    const teens = await eachPage('/oruk/eastbrook/services?minimum_age=16&maximum_age=70', 200);
    expect(teens.length).toBeGreaterThan(0);
    for (const s of teens) {
      expect(s.minimum_age).toBeGreaterThanOrEqual(16);
      expect(s.maximum_age).toBeLessThanOrEqual(70);
    }
    const mornings = await eachPage('/oruk/eastbrook/services?day=MO&start_time=08:00&end_time=12:00', 200);
    expect(mornings.length).toBeGreaterThan(0);
    for (const s of mornings.slice(0, 20)) {
      const full = await get(`/oruk/eastbrook/services/${String(s.id)}`);
      const schedules = full.json.schedules as Json[];
      expect(schedules.some((x) => String(x.byday).includes('MO') && x.opens_at === '09:00:00')).toBe(true);
    }
  }, 60_000);

  it('lists services at their shown places only, valid against the UK profile, and finds each by its id', async () => {
    const { services } = generatedDirectory(eastbrook.id, generated, []);
    const shown = services.flatMap((s) => s.details.locations.filter((l) => l.visibility !== 'hidden'));
    const hidden = services.flatMap((s) =>
      s.details.locations.flatMap((l, position) =>
        l.visibility === 'hidden' ? [{ service: s, position }] : [],
      ),
    );
    expect(hidden.length).toBeGreaterThan(0);
    const listed = await eachPage('/oruk/eastbrook/service_at_locations', 200);
    expect(listed).toHaveLength(shown.length);
    for (const item of listed) {
      expect({
        id: item.id,
        errors: schemas.serviceAtLocationList(item) ? [] : errorsOf(schemas.serviceAtLocationList),
      }).toEqual({
        id: item.id,
        errors: [],
      });
    }
    const areaOnly = listed.find((item) =>
      String((item.location as Json).description ?? '').includes('postcode district'),
    );
    expect(areaOnly?.location).not.toHaveProperty('latitude');
    expect(areaOnly?.location).not.toHaveProperty('addresses');
    for (const item of listed.slice(0, 30)) {
      const one = await get(`/oruk/eastbrook/service_at_locations/${String(item.id)}`);
      expect(one.status).toBe(200);
      expect(schemas.serviceAtLocation(one.json) ? [] : errorsOf(schemas.serviceAtLocation)).toEqual([]);
      expect(one.json.location).toEqual(item.location);
    }
    // A hidden place has an id, but the feed never answers for it, and its service never shows it.
    const { service, position } = hidden[0] ?? { service: undefined, position: 0 };
    const hiddenId = `${service?.id ?? ''}`;
    const placeIds = await test.runtime.handle.db
      .selectFrom('service_locations')
      .select(['id', 'position'])
      .where('service_id', '=', hiddenId)
      .execute();
    const hiddenPlace = placeIds.find((p) => Number(p.position) === position);
    expect(hiddenPlace).toBeDefined();
    expect((await get(`/oruk/eastbrook/service_at_locations/${hiddenPlace?.id ?? ''}`)).status).toBe(404);
    const full = await get(`/oruk/eastbrook/services/${hiddenId}`);
    expect(JSON.stringify(full.json)).not.toContain(hiddenPlace?.id ?? 'x');
    const hiddenLocation = service?.details.locations[position];
    if (hiddenLocation?.name) expect(JSON.stringify(full.json)).not.toContain(`"${hiddenLocation.name}"`);
    expect(
      service &&
        orukServiceAtLocation(
          service,
          {
            id: 'x',
            name: 'x',
            identifier: null,
            details: {
              description: null,
              url: null,
              email: null,
              phone: null,
              address: null,
              postcode: null,
            },
            provenance: null,
          },
          position,
        ),
    ).toBeNull();
  }, 60_000);

  it('finds places near a point, nearest first, within the proximity asked for', async () => {
    const near = await eachPage(
      '/oruk/eastbrook/service_at_locations?latitude=53.45&longitude=-2.27&proximity=2000',
      200,
    );
    expect(near.length).toBeGreaterThan(0);
    const distance = (item: Json) => {
      const l = item.location as { latitude: number; longitude: number };
      return (
        Math.hypot(l.latitude - 53.45, (l.longitude + 2.27) * Math.cos((53.45 * Math.PI) / 180)) * 111.195
      );
    };
    const distances = near.map(distance);
    expect(Math.max(...distances)).toBeLessThanOrEqual(2.001);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Without a postcode lookup the feed says to send a point instead; with one, that it does not know this one.
    const postcode = await get('/oruk/eastbrook/service_at_locations?postcode=ZZ99%209ZZ&proximity=1000');
    expect(postcode.status).toBe(400);
    expect(postcode.json.message).toMatch(/postcode/i);
    expect((await get('/oruk/eastbrook/service_at_locations?latitude=53.45')).status).toBe(400);
  });

  it('publishes the themes and the esd terms they map to as taxonomies', async () => {
    const taxonomies = await eachPage('/oruk/northmoor/taxonomies', 50);
    expect(taxonomies.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Common Ground themes', 'esdNeeds', 'esdServiceTypes']),
    );
    for (const t of taxonomies) {
      expect(schemas.taxonomy(t) ? [] : errorsOf(schemas.taxonomy)).toEqual([]);
      expect((await get(`/oruk/northmoor/taxonomies/${String(t.id)}`)).json).toEqual(t);
    }
    const terms = await eachPage('/oruk/northmoor/taxonomy_terms', 7);
    expect(terms.length).toBeGreaterThan(20);
    for (const term of terms) {
      expect(schemas.taxonomyTerm(term) ? [] : errorsOf(schemas.taxonomyTerm)).toEqual([]);
      expect((await get(`/oruk/northmoor/taxonomy_terms/${String(term.id)}`)).json).toEqual(term);
    }
  });

  it('answers 404 in JSON for an unknown partnership, record or path, and never shows another partnership', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      '/oruk/nowhere/',
      '/oruk/nowhere/services',
      `/oruk/northmoor/services/${missing}`,
      `/oruk/northmoor/service_at_locations/${missing}`,
      `/oruk/northmoor/taxonomies/${missing}`,
      `/oruk/northmoor/taxonomy_terms/${missing}`,
      `/oruk/northmoor/organizations/${missing}`,
      '/oruk/northmoor/no-such-list',
    ]) {
      const response = await get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(response.json).toMatchObject({ error: 'Not found' });
      expect(response.headers['access-control-allow-origin']).toBe('*');
    }
    const eastbrookService = (await page('/oruk/eastbrook/services?per_page=1')).contents[0];
    expect((await get(`/oruk/northmoor/services/${String(eastbrookService?.id)}`)).status).toBe(404);
    const northmoorServices = await eachPage('/oruk/northmoor/services', 200);
    expect(northmoorServices.length).toBeGreaterThan(0);
    expect(northmoorServices.map((s) => s.name)).not.toContain(eastbrookService?.name);
  });

  it('validates the demo directory, whose hidden refuge never appears', async () => {
    const listed = await eachPage('/oruk/northmoor/service_at_locations', 50);
    const all = await eachPage('/oruk/northmoor/services', 50);
    const store = test.runtime.services.store.directory;
    const records = await store.servicesWithIds(
      northmoor.id,
      all.map((s) => String(s.id)),
    );
    const hidden = records.flatMap((r) => r.details.locations.filter((l) => l.visibility === 'hidden'));
    expect(hidden.length).toBeGreaterThan(0);
    for (const service of all) {
      const full = await get(`/oruk/northmoor/services/${String(service.id)}`);
      expect(schemas.service(full.json) ? [] : errorsOf(schemas.service)).toEqual([]);
      for (const place of hidden) {
        if (place.address) expect(JSON.stringify(full.json)).not.toContain(place.address);
        if (place.postcode) expect(JSON.stringify(full.json)).not.toContain(place.postcode);
      }
    }
    for (const place of hidden) {
      if (place.address) expect(JSON.stringify(listed)).not.toContain(place.address);
    }
    expect(pageFields).toHaveLength(8);
  });
});
