import { describe, expect, it } from 'vitest';
import { fundingShares } from './funding-shares.js';
import type { GrantRecord } from './grant.js';

const base: GrantRecord = {
  id: 'g',
  partnershipId: 'p',
  title: 't',
  description: '',
  currency: 'GBP',
  amountAwarded: '100',
  awardDate: '2025-01-01',
  plannedStartDate: null,
  plannedEndDate: null,
  plannedDurationMonths: null,
  recipientOrgId: null,
  recipientOrgName: 'Somebody',
  recipientCharityNumber: null,
  recipientCompanyNumber: null,
  recipientLocation: null,
  fundingOrgId: 'f',
  fundingOrgName: 'F',
  beneficiaryLocations: [],
  grantProgramme: null,
  kind: 'grant',
  themes: [],
  match: { organisationId: null, method: 'none', confidence: null },
  dataSource: null,
  importedAt: '2025-01-01T00:00:00Z',
};
const g = (overrides: Partial<GrantRecord>): GrantRecord => ({ ...base, ...overrides });

describe('funding shares for the relationship indicators', () => {
  const grants = [
    g({ amountAwarded: '30000', plannedDurationMonths: 36, recipientOrgName: 'St Mary’s Church' }),
    g({ amountAwarded: '5000', plannedDurationMonths: 12, kind: 'contract' }),
    g({ amountAwarded: '5000', match: { organisationId: 'faith-org', method: 'identifier', confidence: 1 } }),
    g({
      amountAwarded: '9999.99',
      kind: 'unknown',
      recipientOrgName: 'Church Lane Allotments',
      match: { organisationId: 'vcs-org', method: 'name', confidence: 0.95 },
    }),
    g({ amountAwarded: '1000000', currency: 'USD', plannedDurationMonths: 48 }),
  ];
  const shares = Object.fromEntries(
    fundingShares(grants, { faithOrganisationIds: new Set(['faith-org']) }).map((s) => [s.key, s]),
  );

  it.each([
    ['multi-year', '30000', 1, '35000', 2, 85.7],
    ['contracts', '5000', 1, '40000', 3, 12.5],
    ['small-groups', '19999.99', 3, '49999.99', 4, 40],
    ['faith-groups', '35000', 2, '49999.99', 4, 70],
  ])('%s: %s of %s grants', (key, part, partCount, whole, wholeCount, percent) => {
    expect(shares[key]).toMatchObject({
      part: { amount: part, count: partCount },
      whole: { amount: whole, count: wholeCount },
      percentByAmount: percent,
    });
  });

  it('gives no percentage when there is nothing to share', () => {
    expect(
      fundingShares([], { faithOrganisationIds: new Set() }).every((s) => s.percentByAmount === null),
    ).toBe(true);
  });
});
