import { describe, expect, it } from 'vitest';
import { standardFieldsOf } from './standard-grant-fields.js';

const cases: { name: string; raw: unknown; kept: Record<string, unknown> }[] = [
  {
    name: 'amounts from a spreadsheet become numbers',
    raw: { amountAwarded: '1,250.50', amountAppliedFor: '2000', amountDisbursed: 'n/a' },
    kept: { amountAwarded: 1250.5, amountAppliedFor: 2000 },
  },
  {
    name: 'fields outside the standard are left out, at every level',
    raw: {
      id: 'G',
      'Primary beneficiary': 'Children',
      recipientOrganization: [{ id: 'R', 'Annual Income': 5 }],
    },
    kept: { id: 'G', recipientOrganization: [{ id: 'R' }] },
  },
  {
    name: 'blank values and empty lists are left out',
    raw: { title: '  ', grantProgramme: [{ code: '' }], beneficiaryLocation: [] },
    kept: {},
  },
  {
    name: 'a spreadsheet date cell becomes a date, a number in a text field text',
    raw: { awardDate: new Date('2024-06-19T00:00:00Z'), recipientOrganization: [{ charityNumber: 1151621 }] },
    kept: { awardDate: '2024-06-19', recipientOrganization: [{ charityNumber: '1151621' }] },
  },
  {
    name: 'durations, coordinates and related activities are typed',
    raw: {
      plannedDates: [{ duration: '12' }],
      beneficiaryLocation: [{ latitude: '53.45', longitude: '-2.3' }],
      relatedActivity: 'G1; G2',
    },
    kept: {
      plannedDates: [{ duration: 12 }],
      beneficiaryLocation: [{ latitude: 53.45, longitude: -2.3 }],
      relatedActivity: ['G1', 'G2'],
    },
  },
  {
    name: 'a single object where the standard has a list is a list of one; a person stays one object',
    raw: { fundingType: { title: 'Grant' }, recipientIndividual: [{ id: 'P1', name: 'A person' }] },
    kept: { fundingType: [{ title: 'Grant' }], recipientIndividual: { id: 'P1', name: 'A person' } },
  },
  { name: 'anything but an object', raw: ['not', 'a', 'grant'], kept: {} },
];

describe('standardFieldsOf', () => {
  it.each(cases)('$name', ({ raw, kept }) => {
    expect(standardFieldsOf(raw)).toEqual(kept);
  });
});
