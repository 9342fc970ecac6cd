import { describe, expect, it } from 'vitest';
import type { ServiceDetails } from './model.js';
import { orukService, orukServiceAtLocation, orukServiceSummary } from './oruk-export.js';
import type { FeedOrganisation, FeedService } from './oruk-feed-records.js';
import { serviceAtLocationId } from './oruk-location.js';
import { orukPage } from './oruk-page.js';
import { publishableEmail } from './oruk-published-values.js';
import { feedTaxonomy, themeTermId } from './oruk-taxonomy.js';
import type { ThemeVocabulary } from './themes.js';

const vocabulary: ThemeVocabulary = {
  version: 'test',
  themes: [
    {
      id: 'food',
      name: 'Food',
      description: 'Food help',
      keywords: [],
      orukTerms: [{ id: 'c23b5e7d-7106-5285-bfd7-f19fc7161cbf', name: 'Food', vocabulary: 'esdNeeds' }],
    },
  ],
};
const taxonomy = feedTaxonomy(vocabulary);

const bare: ServiceDetails = {
  name: 'Pantry',
  description: '',
  url: null,
  email: null,
  phone: null,
  status: 'active',
  themes: [],
  eligibility: { description: null, minimumAge: null, maximumAge: null },
  cost: null,
  howToAccess: null,
  languages: [],
  accessibility: null,
  capacity: null,
  locations: [],
  areas: [],
  schedules: [],
  contacts: [],
};

const service = (details: Partial<ServiceDetails> = {}): FeedService => ({
  id: '0b7e3d52-0000-4000-8000-000000000001',
  partnershipId: '0b7e3d52-0000-4000-8000-0000000000aa',
  organisationId: '0b7e3d52-0000-4000-8000-000000000002',
  details: { ...bare, ...details },
  provenance: { sourceKind: 'oruk', sourceId: 'ABC-1' },
  lastCheckedAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
});

const organisation: FeedOrganisation = {
  id: '0b7e3d52-0000-4000-8000-000000000002',
  name: 'Food Bank',
  identifier: 'GB-CHC-1130849',
  details: {
    description: null,
    url: null,
    email: 'hello@foodbank.example',
    phone: null,
    address: null,
    postcode: null,
  },
  provenance: null,
};

const place = {
  sourceId: null,
  name: 'Hall',
  address: '1 High Street, Northmoor',
  postcode: 'NM1 1AA',
  latitude: 53.4,
  longitude: -2.3,
};

describe('Open Referral UK export', () => {
  it('leaves optional fields out rather than sending null, and keeps the required ones', () => {
    const summary = orukServiceSummary(service(), organisation);
    expect(summary).toEqual({
      id: service().id,
      organization_id: organisation.id,
      name: 'Pantry',
      status: 'active',
      assured_date: '2026-01-31',
      last_modified: '2026-02-01T10:00:00.000Z',
      // The service's id in its source, so a reader of the list keeps it (oruk-source-ids.ts).
      attributes: [expect.objectContaining({ link_type: 'source_identifier', value: 'oruk:ABC-1' })],
      organization: {
        id: organisation.id,
        name: 'Food Bank',
        description: '',
        email: 'hello@foodbank.example',
        organization_identifiers: [
          expect.objectContaining({
            identifier_scheme: 'GB-CHC',
            identifier: '1130849',
            identifier_type: 'Charity number',
          }),
        ],
      },
    });
    const full = orukService(service(), organisation, taxonomy);
    expect(JSON.stringify(full)).not.toContain('null');
    expect(full.attributes).toEqual([
      expect.objectContaining({ link_type: 'source_identifier', value: 'oruk:ABC-1' }),
    ]);
  });

  it('maps themes to their own term and the esd terms, schedules to weekly rules, costs and ages', () => {
    const full = orukService(
      service({
        themes: ['food'],
        cost: 'Free for everyone',
        eligibility: { description: 'Over 60s', minimumAge: 60, maximumAge: null },
        schedules: [
          { day: 'monday', opens: '09:00', closes: '12:00' },
          { day: 'wednesday', opens: '09:00', closes: '12:00' },
          { day: 'friday', opens: '14:00', closes: '16:30' },
        ],
        languages: ['English', 'Urdu'],
      }),
      organisation,
      taxonomy,
    );
    expect((full.attributes as { taxonomy_term_id?: string }[]).map((a) => a.taxonomy_term_id)).toEqual([
      themeTermId('food'),
      'c23b5e7d-7106-5285-bfd7-f19fc7161cbf',
      undefined,
    ]);
    expect(full.schedules).toEqual([
      expect.objectContaining({
        freq: 'WEEKLY',
        byday: 'MO,WE',
        opens_at: '09:00:00',
        closes_at: '12:00:00',
      }),
      expect.objectContaining({ byday: 'FR', opens_at: '14:00:00', closes_at: '16:30:00' }),
    ]);
    expect(full).toMatchObject({
      fees: 'Free for everyone',
      minimum_age: 60,
      eligibility_description: 'Over 60s',
    });
    expect(full).not.toHaveProperty('maximum_age');
    expect(full.cost_options).toEqual([
      expect.objectContaining({ amount: 0, amount_description: 'Free for everyone' }),
    ]);
    expect((full.languages as { name: string }[]).map((l) => l.name)).toEqual(['English', 'Urdu']);
  });

  it('never shows a hidden place, and shows an area-only place without its address or point', () => {
    const s = service({
      locations: [
        { ...place, visibility: 'hidden', name: 'Refuge' },
        { ...place, visibility: 'area-only', name: 'Home group' },
        { ...place, visibility: 'public' },
      ],
    });
    const full = orukService(s, organisation, taxonomy);
    const text = JSON.stringify(full);
    expect(text).not.toContain('Refuge');
    expect(text).not.toContain('Home group');
    expect(text).not.toContain(serviceAtLocationId(s.id, 0));
    expect(orukServiceAtLocation(s, organisation, 0)).toBeNull();
    const areaOnly = orukServiceAtLocation(s, organisation, 1);
    expect(areaOnly?.location).toEqual({
      id: expect.any(String) as string,
      location_type: 'physical',
      description: 'In the NM1 postcode district. The exact address is not published.',
    });
    const shown = orukServiceAtLocation(s, organisation, 2);
    expect(shown?.location).toMatchObject({
      latitude: 53.4,
      longitude: -2.3,
      addresses: [{ address_1: '1 High Street', city: 'Northmoor', postal_code: 'NM1 1AA', country: 'GB' }],
    });
    expect(shown?.id).toBe(serviceAtLocationId(s.id, 2));
    // The same place (same source id) public for one service and area only for another is not linked.
    const shared = { ...place, sourceId: 'LOC-1' };
    const publicOne = orukServiceAtLocation(
      service({ locations: [{ ...shared, visibility: 'public' }] }),
      organisation,
      0,
    );
    const other = {
      ...service({ locations: [{ ...shared, visibility: 'area-only' }] }),
      id: '0b7e3d52-0000-4000-8000-000000000009',
    };
    const areaOne = orukServiceAtLocation(other, organisation, 0);
    expect(publicOne?.location).toMatchObject({ external_identifier: 'LOC-1' });
    expect(areaOne?.location).not.toHaveProperty('external_identifier');
    expect(areaOne?.location_id).not.toBe(publicOne?.location_id);
    const publicTwo = orukServiceAtLocation(
      { ...other, details: { ...other.details, locations: [{ ...shared, visibility: 'public' }] } },
      organisation,
      0,
    );
    expect(publicTwo?.location_id).toBe(publicOne?.location_id);
    expect(orukServiceAtLocation(s, organisation, 2)).toEqual(shown);
  });

  it('publishes only emails the schema accepts', () => {
    expect(publishableEmail('employment.support@mencap.org.uk.')).toBeNull();
    expect(publishableEmail('a.b@example.org')).toBe('a.b@example.org');
  });

  it.each([
    [0, 1, 50, { total_pages: 0, size: 0, first_page: true, last_page: true, empty: true }],
    [120, 1, 50, { total_pages: 3, size: 50, first_page: true, last_page: false, empty: false }],
    [120, 3, 50, { total_pages: 3, size: 20, first_page: false, last_page: true, empty: false }],
  ])('a page of %i items, page %i of %i each', (total, page, perPage, expected) => {
    const start = (page - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, total - start)) }, (_, i) => start + i);
    expect(orukPage(items, total, page, perPage)).toMatchObject({
      total_items: total,
      page_number: page,
      ...expected,
    });
  });
});
