import { describe, expect, it } from 'vitest';
import { fundingByArea, fundingFlag, placeGrant } from './funding-by-area.js';
import type { GrantLocation, GrantRecord } from './grant.js';

const authority = 'E08000009';
const wards = [
  { code: 'E05000001', descendantCodes: ['E01000011', 'E01000012'] },
  { code: 'E05000002', descendantCodes: ['E01000021'] },
];
const at = (geoCode: string | null, name: string | null = null): GrantLocation => ({
  geoCode,
  geoCodeType: null,
  name,
});

function grant(overrides: Partial<GrantRecord>): GrantRecord {
  return {
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
    recipientOrgName: null,
    recipientCharityNumber: null,
    recipientCompanyNumber: null,
    recipientLocation: null,
    fundingOrgId: 'f',
    fundingOrgName: 'F',
    beneficiaryLocations: [],
    grantProgramme: null,
    kind: 'grant',
    themes: ['food'],
    match: { organisationId: null, method: 'none', confidence: null },
    dataSource: null,
    importedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('placing grants in wards', () => {
  it.each([
    [[at('E05000001')], null, { kind: 'wards', codes: ['E05000001'] }],
    [[at('e01000012')], null, { kind: 'wards', codes: ['E05000001'] }],
    [[at('E01000021'), at('E05000001')], null, { kind: 'wards', codes: ['E05000001', 'E05000002'] }],
    [[at(authority, 'Trafford')], null, { kind: 'authority-wide' }],
    [[at('E08000003')], null, { kind: 'not-placed' }],
    [[at(null, 'Old Trafford estate')], at('E05000002'), { kind: 'wards', codes: ['E05000002'] }],
    [[], at(authority), { kind: 'authority-wide' }],
    [[], null, { kind: 'not-placed' }],
  ])('places beneficiaries %j (recipient at %j) as %j', (beneficiaries, recipient, expected) => {
    expect(
      placeGrant({ beneficiaryLocations: beneficiaries, recipientLocation: recipient }, authority, wards),
    ).toEqual(expected);
  });

  it('totals per area, theme and currency, sharing a grant between wards to the penny', () => {
    const result = fundingByArea(
      [
        grant({
          amountAwarded: '100',
          beneficiaryLocations: [at('E05000001'), at('E05000002'), at('E01000011')],
        }),
        grant({
          amountAwarded: '0.10',
          themes: ['food', 'housing'],
          beneficiaryLocations: [at('E05000001')],
        }),
        grant({ amountAwarded: '50', currency: 'USD', beneficiaryLocations: [at('E05000001')] }),
        grant({ amountAwarded: '7', themes: [], beneficiaryLocations: [at(authority)] }),
        grant({ amountAwarded: '9', beneficiaryLocations: [at('W06000023')] }),
      ],
      authority,
      wards,
    );
    const cell = (area: string, theme: string) =>
      result.cells.find((c) => c.areaCode === area && c.theme === theme);
    expect(cell('E05000001', 'food')).toEqual({
      areaCode: 'E05000001',
      theme: 'food',
      amounts: { GBP: '50.1', USD: '50' },
      grantCount: 3,
    });
    expect(cell('E05000001', 'housing')?.amounts).toEqual({ GBP: '0.1' });
    expect(cell('E05000002', 'food')?.amounts).toEqual({ GBP: '50' });
    expect(cell(authority, '')?.amounts).toEqual({ GBP: '7' });
    expect(result.areaTotals.find((a) => a.areaCode === 'E05000001')?.amounts).toEqual({
      GBP: '50.1',
      USD: '50',
    });
    expect(result.notPlaced).toEqual({ amounts: { GBP: '9' }, grantCount: 1 });
  });
});

describe('funding flags beside the gap classes', () => {
  const thresholds = { lowNeed: 40, thinProvision: 0.5 };
  it.each([
    [
      { hasFunding: true, hasAuthorityWideFunding: false, need: 80, provision: 0.2 },
      'funding-without-provision',
    ],
    [
      { hasFunding: true, hasAuthorityWideFunding: false, need: null, provision: 0 },
      'funding-without-provision',
    ],
    [{ hasFunding: true, hasAuthorityWideFunding: false, need: 80, provision: 0.5 }, null],
    [{ hasFunding: false, hasAuthorityWideFunding: false, need: 40, provision: 3 }, 'need-without-funding'],
    [{ hasFunding: false, hasAuthorityWideFunding: true, need: 90, provision: 0 }, null],
    [{ hasFunding: false, hasAuthorityWideFunding: false, need: 39.9, provision: 0 }, null],
    [{ hasFunding: false, hasAuthorityWideFunding: false, need: null, provision: 0 }, null],
  ])('flags %j as %s', (input, expected) => {
    expect(fundingFlag(input, thresholds)).toBe(expected);
  });
});
