import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orukImporter } from '../../src/interchange/oruk-import.js';
import { readSource } from '../../src/interchange/read-source.js';
import { errorsOf, orukValidators, type OrukValidators } from '../support/oruk-schemas.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const feeds = path.resolve('../shared/data/oruk/feeds');

type Json = Record<string, unknown>;

/** The real Bristol and North Lincolnshire feeds, imported, then published again by our feed. */
describe('the feed of an imported real directory', () => {
  let test: TestApp;
  let schemas: OrukValidators;

  beforeAll(async () => {
    schemas = orukValidators();
    test = await createTestApp();
    const { services } = test.runtime;
    for (const [slug, file] of [
      ['eastbrook', 'bristol_services_list_2024-12-18.json'],
      ['northmoor', 'north_lincolnshire_services_list_2024-12-18.json'],
    ] as const) {
      const partnership = await test.partnership(slug);
      await orukImporter(readSource).apply(path.join(feeds, file), {
        services,
        partnershipId: partnership.id,
        actor: { userId: null, label: 'Test' },
      });
    }
  }, 120_000);
  afterAll(() => test.close());

  const get = async (url: string) => {
    const response = await test.app.inject({ method: 'GET', url });
    expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    return response.json<Json>();
  };

  it.each([
    ['eastbrook', 817],
    ['northmoor', 738],
  ])(
    '%s: every page, every service in full and every service at a place validates',
    async (slug, imported) => {
      const listed: Json[] = [];
      for (let number = 1; ; number += 1) {
        const page = await get(`/oruk/${slug}/services?page=${number}&per_page=200`);
        expect(schemas.page(page) ? [] : errorsOf(schemas.page)).toEqual([]);
        listed.push(...(page.contents as Json[]));
        if (page.last_page) break;
      }
      // The demo directory of the partnership is there too.
      expect(listed.length).toBeGreaterThanOrEqual(imported);
      for (const service of listed) {
        expect({
          id: service.id,
          errors: schemas.serviceList(service) ? [] : errorsOf(schemas.serviceList),
        }).toEqual({
          id: service.id,
          errors: [],
        });
        const full = await get(`/oruk/${slug}/services/${String(service.id)}`);
        expect({ id: service.id, errors: schemas.service(full) ? [] : errorsOf(schemas.service) }).toEqual({
          id: service.id,
          errors: [],
        });
        expect(JSON.stringify(full)).not.toMatch(/:null\b/);
      }
      const withSource = await get(`/oruk/${slug}/services/${String(listed[0]?.id)}`);
      expect((withSource.attributes as Json[]).some((a) => a.link_type === 'source_identifier')).toBe(true);
      const places = await get(`/oruk/${slug}/service_at_locations?per_page=200`);
      expect(schemas.page(places)).toBe(true);
      for (const item of places.contents as Json[]) {
        expect(schemas.serviceAtLocationList(item) ? [] : errorsOf(schemas.serviceAtLocationList)).toEqual(
          [],
        );
      }
    },
    120_000,
  );

  it.each(['eastbrook', 'northmoor'])(
    '%s: every page of organisations and every organisation in full validates',
    async (slug) => {
      const organisations: Json[] = [];
      for (let number = 1; ; number += 1) {
        const page = await get(`/oruk/${slug}/organizations?page=${number}&per_page=200`);
        expect(schemas.page(page) ? [] : errorsOf(schemas.page)).toEqual([]);
        organisations.push(...(page.contents as Json[]));
        if (page.last_page) break;
      }
      expect(organisations.length).toBeGreaterThan(200);
      for (const organisation of organisations) {
        expect({
          id: organisation.id,
          errors: schemas.organizationList(organisation) ? [] : errorsOf(schemas.organizationList),
        }).toEqual({ id: organisation.id, errors: [] });
        const full = await get(`/oruk/${slug}/organizations/${String(organisation.id)}`);
        expect({
          id: organisation.id,
          errors: schemas.organization(full) ? [] : errorsOf(schemas.organization),
        }).toEqual({ id: organisation.id, errors: [] });
        expect((full.services as Json[]).length).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
