import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkOrukApiDetails,
  normaliseOrukServices,
  readOrukPage,
} from '../../src/domain/directory/oruk-document.js';
import type { ThemeVocabulary } from '../../src/domain/directory/themes.js';
import { contentDir } from '../../src/interchange/content-schema.js';
import { loadThemes } from '../../src/interchange/themes-content.js';

const oruk = path.resolve('../shared/data/oruk');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(oruk, file), 'utf8'));

let vocabulary: ThemeVocabulary;
beforeAll(async () => {
  vocabulary = await loadThemes(path.join(contentDir, 'themes', 'themes.yaml'));
});

describe('the Bristol feed (ORUK 1.0, December 2024)', () => {
  it('reads 819, skips the second copy of a repeated id and the nameless service, and keeps 817', () => {
    const page = readOrukPage(readJson('feeds/bristol_services_list_2024-12-18.json'));
    expect(page.envelope).toBeNull();
    const result = normaliseOrukServices(page.items, vocabulary);
    expect(result.read).toBe(819);
    expect(result.services).toHaveLength(817);
    expect(result.skipped).toBe(2);
    const skips = result.problems.filter((p) => p.reason.includes('skipped'));
    expect(skips).toEqual([
      {
        row: 1,
        field: 'name',
        reason: 'The service def5ccd4-f121-df4d-60d2-4dc0d69ff555 has no name; skipped',
        outcome: 'skipped',
      },
      {
        row: expect.any(Number) as number,
        field: 'id',
        reason: expect.stringMatching(
          /^The id 2af617e5-4532-bebe-1036-ffdf2e93ce55 was already used by record \d+; this second copy \(".+"\) is skipped$/,
        ) as string,
        outcome: 'skipped',
      },
    ]);
    const kept = result.services.filter((s) => s.sourceId === '2af617e5-4532-bebe-1036-ffdf2e93ce55');
    expect(kept).toHaveLength(1);
    expect(result.services.filter((s) => s.organisation === null)).toHaveLength(6);
    const organisations = new Set(
      result.services.flatMap((s) => (s.organisation ? [s.organisation.sourceId] : [])),
    );
    expect(organisations.size).toBe(594);
  });

  it('reduces HTML descriptions to plain text and keeps the assured date as the last check', () => {
    const result = normaliseOrukServices(
      readOrukPage(readJson('feeds/bristol_services_list_2024-12-18.json')).items,
      vocabulary,
    );
    const service = result.services.find((s) => s.sourceId === '2a3483ea-8966-4f50-9dc3-7bafa1e5c623');
    expect(service?.details.description).toMatch(
      /^1625 Independent People works with young people aged 16 to 25 who are/,
    );
    expect(service?.details.themes).toContain('housing-and-homelessness');
    expect(service?.lastCheckedAt).toBe('2023-04-13T00:00:00.000Z');
    expect(service?.details.email).toBe('enquiries@1625ip.co.uk');
    for (const s of result.services) {
      expect(s.details.description).not.toMatch(/<\/?[a-z][^>]*>|&nbsp;|&amp;/i);
      expect(s.details.name).not.toBe('');
    }
  });
});

describe('the North Lincolnshire feed (ORUK 1.0, December 2024)', () => {
  it('reads 738 and keeps 738, every one with an organisation', () => {
    const page = readOrukPage(readJson('feeds/north_lincolnshire_services_list_2024-12-18.json'));
    const result = normaliseOrukServices(page.items, vocabulary);
    expect(result.read).toBe(738);
    expect(result.services).toHaveLength(738);
    expect(result.skipped).toBe(0);
    expect(result.services.every((s) => s.organisation !== null)).toBe(true);
    expect(new Set(result.services.map((s) => s.organisation?.sourceId)).size).toBe(239);
  });
});

describe('the ORUK validator’s failing mock feed (V3.0-UK-Fail)', () => {
  const fail = 'validator-mocks/V3.0-UK-Fail';

  it('reports pagination totals that disagree with the contents', () => {
    const page = readOrukPage(readJson(`${fail}/service_list.json`));
    expect(page.envelope).toBe('3.0');
    expect(page.items).toHaveLength(4);
    expect(page.problems).toEqual([
      { row: 0, field: 'size', reason: 'The page says size is 1, but it holds 4', outcome: 'kept' },
      {
        row: 0,
        field: 'total_items',
        reason: 'The page says total_items is 1, but this page alone holds 4',
        outcome: 'kept',
      },
    ]);
  });

  it('reports bad email addresses and records with no name in the list', () => {
    const result = normaliseOrukServices(
      readOrukPage(readJson(`${fail}/service_list.json`)).items,
      vocabulary,
    );
    expect(result.read).toBe(4);
    expect(result.problems.filter((p) => p.field === 'name').map((p) => p.row)).toEqual([1, 2, 3, 4]);
    expect(result.services).toHaveLength(0);
  });

  it('reports a missing description and a bad email on the full service, and imports the rest', () => {
    const result = normaliseOrukServices(
      readOrukPage(readJson(`${fail}/service_full.json`)).items,
      vocabulary,
    );
    expect(result.services).toHaveLength(1);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          row: 1,
          field: 'description',
          reason: 'Community Counselling has no description; imported without one',
          outcome: 'kept',
        },
        {
          row: 1,
          field: 'email',
          reason: '"email-example_com" is not an email address; Community Counselling is imported without it',
          outcome: 'kept',
        },
        {
          row: 1,
          field: 'service_at_locations[0].location.latitude',
          reason: '100, 101 is not a point in the UK; the location is kept without a point',
          outcome: 'kept',
        },
      ]),
    );
    const service = result.services[0];
    expect(service?.details.email).toBeNull();
    expect(service?.details.eligibility).toMatchObject({ minimumAge: 12, maximumAge: 100 });
    expect(service?.details.schedules).toEqual([
      { day: 'thursday', opens: '10:00', closes: '18:00' },
      { day: 'friday', opens: '10:00', closes: '18:00' },
    ]);
    expect(service?.organisation?.identifier).toBe('GB-COH-01234567'); // company numbers have 8 digits
  });

  it('reports the missing profile and the relative OpenAPI address on the front page', () => {
    expect(checkOrukApiDetails(readJson(`${fail}/api_details.json`))).toEqual([
      {
        row: 0,
        field: 'profile',
        reason:
          'The feed does not give the address of its profile (for Open Referral UK 3.0, the UK profile)',
        outcome: 'skipped',
      },
      {
        row: 0,
        field: 'openapi_url',
        reason:
          '"docs-openreferraluk-org/en/latest/openapi30.json" is not a full web address of the feed’s OpenAPI document',
        outcome: 'skipped',
      },
    ]);
    expect(checkOrukApiDetails(readJson('validator-mocks/V3.0-UK-Default/api_details.json'))).toEqual([]);
  });
});

describe('ORUK documents', () => {
  it('reads a 1.0 page envelope and counts its pages from 1', () => {
    const page = readOrukPage({
      totalElements: 3,
      totalPages: 2,
      number: 0,
      size: 2,
      numberOfElements: 2,
      content: [{}, {}],
    });
    expect(page).toMatchObject({ envelope: '1.0', pageNumber: 1, totalPages: 2, problems: [] });
  });

  it('refuses a document that is not JSON services', () => {
    expect(readOrukPage('hello').problems[0]?.reason).toContain('neither a list of services');
  });
});

describe('origin ids in a feed published by a directory like ours', () => {
  const exported = (id: string, origin: string, name: string) => ({
    id,
    name,
    description: 'From another directory.',
    attributes: [{ link_type: 'source_identifier', value: origin }],
  });

  it('takes the origin id; a second record with the same origin id keeps its own, a true copy is skipped', () => {
    const result = normaliseOrukServices(
      [
        exported('0b7e3d52-0000-4000-8000-000000000001', 'services-csv:7', 'Pantry'),
        exported('0b7e3d52-0000-4000-8000-000000000002', 'oruk:7', 'Advice café'),
        exported('0b7e3d52-0000-4000-8000-000000000001', 'services-csv:7', 'Pantry'),
      ],
      vocabulary,
    );
    expect(result.services.map((s) => [s.details.name, s.sourceId])).toEqual([
      ['Pantry', '7'],
      ['Advice café', '0b7e3d52-0000-4000-8000-000000000002'],
    ]);
    expect(result.skipped).toBe(1);
    expect(result.problems.map((p) => [p.row, p.field, p.outcome])).toEqual([
      [2, 'attributes', 'kept'],
      [3, 'id', 'skipped'],
    ]);
    expect(result.problems[0]?.reason).toContain('The source id 7 was already used by record 1');
  });
});
