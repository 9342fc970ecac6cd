import { describe, expect, it } from 'vitest';
import { parseFeedQuery } from './oruk-query.js';

describe('parseFeedQuery', () => {
  it.each([
    [{}, { page: 1, perPage: 50 }],
    [
      { page: '3', per_page: '200' },
      { page: 3, perPage: 200 },
    ],
    [
      { search: '  food bank ', page: '' },
      { page: 1, perPage: 50, text: 'food bank' },
    ],
    [
      { taxonomy_term_id: 'C23B5E7D-7106-5285-BFD7-F19FC7161CBF' },
      { page: 1, perPage: 50, taxonomyTermId: 'c23b5e7d-7106-5285-bfd7-f19fc7161cbf' },
    ],
    [
      { minimum_age: '16', maximum_age: '64.5' },
      { page: 1, perPage: 50, minimumAge: 16, maximumAge: 64.5 },
    ],
    [{ day: 'mo' }, { page: 1, perPage: 50, day: 'monday' }],
    [{ day: 'Sunday' }, { page: 1, perPage: 50, day: 'sunday' }],
    [
      { start_time: '09:30:00', end_time: '17:00' },
      { page: 1, perPage: 50, startTime: '09:30', endTime: '17:00' },
    ],
    [
      { modified_after: '2026-03-02T10:30:00+01:00' },
      { page: 1, perPage: 50, modifiedAfter: '2026-03-02T09:30:00.000Z' },
    ],
    [{ modified_after: '2026-03-02' }, { page: 1, perPage: 50, modifiedAfter: '2026-03-02T00:00:00.000Z' }],
    [
      { organization_id: 'C23B5E7D-7106-5285-BFD7-F19FC7161CBF', full: 'true', format: 'JSON' },
      { page: 1, perPage: 50, organizationId: 'c23b5e7d-7106-5285-bfd7-f19fc7161cbf', full: true },
    ],
  ])('services %j -> %j', (raw, expected) => {
    expect(parseFeedQuery(raw, 'services')).toEqual({ ok: true, query: expected });
  });

  it.each([
    [
      { latitude: '53.4', longitude: '-2.3', proximity: '1500' },
      { near: { latitude: 53.4, longitude: -2.3 }, proximityMetres: 1500 },
    ],
    [{ postcode: 'M32 0TS' }, { postcode: 'M32 0TS' }],
  ])('service_at_locations %j', (raw, expected) => {
    expect(parseFeedQuery(raw, 'service_at_locations')).toEqual({
      ok: true,
      query: { page: 1, perPage: 50, ...expected },
    });
  });

  it.each([
    [{ per_page: '0' }, 'services', /per_page must be a whole number from 1 to 200/],
    [{ per_page: '500' }, 'services', /per_page must be a whole number from 1 to 200/],
    [{ page: '-1' }, 'services', /page must be a whole number/],
    [{ page: ['2', '3'], taxonomy_id: 'x' }, 'services', /taxonomy_id must be a UUID/],
    [{ maximum_age: '1e3' }, 'services', /maximum_age must be a number from 0 to 150/],
    [{ end_time: '25:00' }, 'services', /end_time must be a time/],
    [{ day: 'funday' }, 'services', /day must be a day/],
    [{ postcode: 'M32 0TS' }, 'services', /postcode is not a filter of \/services/],
    [{ search: 'x' }, 'taxonomies', /search is not a filter of \/taxonomies; use page, per_page/],
    [{ modified_after: 'yesterday' }, 'services', /modified_after must be a date and time such as/],
    [{ modified_after: '2026-02-30T25:00:00Z' }, 'services', /modified_after must be a date and time/],
    [{ modified_after: '2026-03-02T09:00' }, 'services', /modified_after must be a date and time/],
    [
      { organization_id: 'council' },
      'services',
      /organization_id must be a UUID such as those in \/organizations/,
    ],
    [{ full: 'yes' }, 'services', /full must be true or false/],
    [{ format: 'ndjson' }, 'services', /format must be json/],
    [
      { minimal: 'true' },
      'services',
      /minimal is not supported: the Open Referral UK profile 3.0 does not offer it/,
    ],
    [{ minimal: 'false' }, 'organizations', /minimal is not supported/],
    [{ full: 'true' }, 'service_at_locations', /full is not a filter of \/service_at_locations/],
    [{ search: 'x' }, 'organizations', /search is not a filter of \/organizations/],
    [{ latitude: '53' }, 'service_at_locations', /latitude and longitude together/],
    [{ proximity: '100' }, 'service_at_locations', /proximity needs a postcode/],
    [
      { proximity: '60000', latitude: '53', longitude: '-2' },
      'service_at_locations',
      /proximity must be a number from 1 to 50000/,
    ],
    [{ postcode: 'M1 1AA', latitude: '53', longitude: '-2' }, 'service_at_locations', /not both/],
  ] as const)('%j on /%s is refused', (raw, endpoint, message) => {
    const result = parseFeedQuery(raw, endpoint);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems.join(' ')).toMatch(message);
  });
});
