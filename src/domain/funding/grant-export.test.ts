import { describe, expect, it } from 'vitest';
import type { GrantRecord } from './grant.js';
import { grantToStandard } from './grant-export.js';

const held: GrantRecord = {
  id: '360G-test-1',
  partnershipId: 'p1',
  title: 'Winter meals',
  description: 'Hot meals',
  currency: 'GBP',
  amountAwarded: '1250.50',
  awardDate: '2014-07-24',
  plannedStartDate: null,
  plannedEndDate: null,
  plannedDurationMonths: 12,
  recipientOrgId: null,
  recipientOrgName: 'Moorside Larder',
  recipientCharityNumber: null,
  recipientCompanyNumber: null,
  recipientLocation: null,
  fundingOrgId: 'GB-LAE-TRF',
  fundingOrgName: 'Trafford Council',
  beneficiaryLocations: [{ geoCode: 'E06000033', geoCodeType: 'UA', name: null }],
  grantProgramme: null,
  kind: 'grant',
  themes: [],
  match: { organisationId: null, method: 'none', confidence: null },
  dataSource: 'grants.csv',
  importedAt: '2026-03-02T09:00:00.000Z',
};
const options = {
  partnershipSlug: 'northmoor',
  dataSource: 'https://cg.example/p/northmoor/grants/360giving.json',
};

const cases: { name: string; grant: GrantRecord; expected: Record<string, unknown> }[] = [
  {
    name: 'a grant made here: our dateModified, the package’s address as data source, a made-up recipient id',
    grant: held,
    expected: {
      dateModified: '2026-03-02T09:00:00.000Z',
      dataSource: options.dataSource,
      recipientOrganization: [{ id: '360G-commonground-northmoor-moorside-larder', name: 'Moorside Larder' }],
      plannedDates: [{ duration: 12 }],
    },
  },
  {
    name: 'an imported grant keeps its file’s data source, dateModified and fields we do not read',
    grant: {
      ...held,
      standardFields: {
        dataSource: 'https://funder.example/',
        dateModified: '2022-05-03T18:09:56Z',
        fromOpenCall: 'Yes',
        grantProgramme: [{ code: 'VSG', title: 'Voluntary Sector Grants' }],
        recipientOrganization: [
          { name: 'Moorside Larder', postalCode: 'M1 1AA', url: 'https://larder.example' },
        ],
      },
    },
    expected: {
      dataSource: 'https://funder.example/',
      dateModified: '2022-05-03T18:09:56Z',
      fromOpenCall: 'Yes',
      grantProgramme: [{ code: 'VSG', title: 'Voluntary Sector Grants' }],
      recipientOrganization: [
        {
          id: '360G-commonground-northmoor-moorside-larder',
          name: 'Moorside Larder',
          postalCode: 'M1 1AA',
          url: 'https://larder.example',
        },
      ],
    },
  },
  {
    name: 'an imported grant with no dateModified gets none; a data source from the address it came from',
    grant: {
      ...held,
      dataSource: 'https://funder.example/grants.json',
      standardFields: { title: 'Winter meals' },
    },
    expected: { dataSource: 'https://funder.example/grants.json' },
  },
  {
    name: 'dates the schema refuses are written as we read them, a swapped code put right',
    grant: {
      ...held,
      standardFields: {
        awardDate: '24/07/2014',
        dateModified: '13-03-2015',
        beneficiaryLocation: [{ geoCode: 'UA', geoCodeType: 'E06000033', countryCode: 'GB' }],
      },
    },
    expected: {
      awardDate: '2014-07-24',
      dateModified: '2015-03-13T00:00:00Z',
      beneficiaryLocation: [{ geoCode: 'E06000033', geoCodeType: 'UA', countryCode: 'GB' }],
    },
  },
];

describe('grantToStandard', () => {
  it.each(cases)('$name', ({ grant, expected }) => {
    const written = grantToStandard(grant, options);
    expect(written).toMatchObject({ id: '360G-test-1', amountAwarded: 1250.5, ...expected });
    if (!('dateModified' in expected)) expect(written).not.toHaveProperty('dateModified');
  });
});
