import { describe, expect, it } from 'vitest';
import { grantQualitySummary, type GrantQualityCheck } from './grant-quality.js';

const now = new Date('2026-03-02T09:00:00Z');

/** A grant that passes every check; each case below spoils it in one way. */
const good = {
  id: '360G-test-1',
  title: 'Winter meals',
  description: 'Hot meals for older people through the winter',
  currency: 'GBP',
  amountAwarded: 1000,
  awardDate: '2026-01-10',
  dataSource: 'https://example.org/grants',
  recipientOrganization: [
    { id: 'GB-CHC-1234567', name: 'Larder', charityNumber: '1234567', postalCode: 'M1 1AA' },
  ],
  fundingOrganization: [{ id: 'GB-LAE-TRF', name: 'Council' }],
  beneficiaryLocation: [{ name: 'Trafford', geoCode: 'E08000009', geoCodeType: 'MD' }],
  grantProgramme: [{ title: 'Small grants' }],
};

const cases: { name: string; grants: unknown[]; fails: GrantQualityCheck[] }[] = [
  { name: 'a good grant', grants: [good], fails: [] },
  { name: 'no data source', grants: [{ ...good, dataSource: '' }], fails: ['no-data-source'] },
  {
    name: 'a recipient with no postcode or geographic code',
    grants: [{ ...good, recipientOrganization: [{ id: 'GB-CHC-1', name: 'X', charityNumber: '1' }] }],
    fails: ['recipient-without-location'],
  },
  {
    name: 'a recipient located by a geographic code only',
    grants: [
      {
        ...good,
        recipientOrganization: [{ id: 'GB-CHC-1', charityNumber: '1', location: [{ geoCode: 'E05000819' }] }],
      },
    ],
    fails: [],
  },
  {
    name: 'a recipient known only by a 360G- id',
    grants: [
      { ...good, recipientOrganization: [{ id: '360G-trafford-x', name: 'X', postalCode: 'M1 1AA' }] },
    ],
    fails: ['recipient-only-360g-id'],
  },
  {
    name: 'a 360G- recipient with a company number',
    grants: [
      {
        ...good,
        recipientOrganization: [{ id: '360G-x', companyNumber: '0123', postalCode: 'M1 1AA' }],
      },
    ],
    fails: [],
  },
  {
    name: 'no beneficiary location',
    grants: [{ ...good, beneficiaryLocation: undefined }],
    fails: ['no-beneficiary-location'],
  },
  { name: 'no grant programme', grants: [{ ...good, grantProgramme: [] }], fails: ['no-grant-programme'] },
  {
    name: 'a title the same as the description (case and spaces aside)',
    grants: [{ ...good, title: 'Winter meals ', description: 'winter MEALS' }],
    fails: ['title-same-as-description'],
  },
  {
    name: 'an award date after today',
    grants: [{ ...good, awardDate: '2026-03-03T00:00:00Z' }],
    fails: ['award-date-in-future'],
  },
  { name: 'an award date of today', grants: [{ ...good, awardDate: '2026-03-02' }], fails: [] },
  { name: 'a zero amount', grants: [{ ...good, amountAwarded: 0 }], fails: ['zero-amount'] },
  {
    name: 'a zero amount from a spreadsheet',
    grants: [{ ...good, amountAwarded: '0.00' }],
    fails: ['zero-amount'],
  },
  { name: 'the same id twice', grants: [good, { ...good }], fails: ['duplicate-id'] },
];

describe('grantQualitySummary', () => {
  it.each(cases)('$name', ({ grants, fails }) => {
    const summary = grantQualitySummary(grants, now);
    expect(summary.grants).toBe(grants.length);
    expect(summary.checks.filter((c) => c.count > 0).map((c) => c.check)).toEqual(fails);
  });

  it('counts every grant and gives at most three examples', () => {
    const grants = Array.from({ length: 5 }, (_, i) => ({ ...good, id: `360G-test-${i}`, dataSource: null }));
    const noSource = grantQualitySummary(grants, now).checks.find((c) => c.check === 'no-data-source');
    expect(noSource).toMatchObject({ count: 5, examples: ['360G-test-0', '360G-test-1', '360G-test-2'] });
  });

  it('names a grant with no identifier by its place in the file', () => {
    const summary = grantQualitySummary([{ ...good, id: undefined, dataSource: undefined }], now);
    expect(summary.checks[0]).toMatchObject({ count: 1, examples: ['grant 1 (no identifier)'] });
  });
});
