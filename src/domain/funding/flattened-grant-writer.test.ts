import { describe, expect, it } from 'vitest';
import { grantFromTitledRow } from './flattened-grant.js';
import { flattenGrant, flattenedGrantTable } from './flattened-grant-writer.js';

const cases: { name: string; grant: Record<string, unknown>; cells: Record<string, string | number> }[] = [
  {
    name: 'top-level fields take the template’s titles',
    grant: { id: 'G1', amountAwarded: 2266, fromOpenCall: 'Yes', dateModified: '2022-05-03T18:09:56Z' },
    cells: {
      Identifier: 'G1',
      'Amount Awarded': 2266,
      'From An Open Call?': 'Yes',
      'Last Modified': '2022-05-03T18:09:56Z',
    },
  },
  {
    name: 'the first item of a list has no number, later ones do',
    grant: { beneficiaryLocation: [{ name: 'Trafford', geoCode: 'E08000009' }, { name: 'Sale' }] },
    cells: {
      'Beneficiary Location:Name': 'Trafford',
      'Beneficiary Location:Geographic Code': 'E08000009',
      'Beneficiary Location:1:Name': 'Sale',
    },
  },
  {
    name: 'an organisation’s url is its Web Address, a programme’s its URL',
    grant: {
      recipientOrganization: [{ id: 'GB-CHC-1', url: 'https://a.example', addressLocality: 'Sale' }],
      grantProgramme: [{ code: 'VSG', url: 'https://b.example' }],
    },
    cells: {
      'Recipient Org:Identifier': 'GB-CHC-1',
      'Recipient Org:Web Address': 'https://a.example',
      'Recipient Org:City': 'Sale',
      'Grant Programme:Code': 'VSG',
      'Grant Programme:URL': 'https://b.example',
    },
  },
  {
    name: 'an organisation’s location nests under it',
    grant: { recipientOrganization: [{ id: 'X', location: [{ geoCode: 'E05000819', geoCodeType: 'WD' }] }] },
    cells: {
      'Recipient Org:Identifier': 'X',
      'Recipient Org:Location:Geographic Code': 'E05000819',
      'Recipient Org:Location:Geographic Code Type': 'WD',
    },
  },
  {
    name: 'related activities share one cell',
    grant: { relatedActivity: ['G0', 'G2'] },
    cells: { 'Related Activity': 'G0;G2' },
  },
];

describe('flattenGrant', () => {
  it.each(cases)('$name', ({ grant, cells }) => {
    expect(Object.fromEntries(flattenGrant(grant))).toEqual(cells);
  });

  it.each(cases)('is read back by the flattened reader: $name', ({ grant, cells }) => {
    const { grant: readBack, extraColumns } = grantFromTitledRow(cells);
    expect(extraColumns).toEqual([]);
    expect(Object.keys(readBack).sort()).toEqual(Object.keys(grant).sort());
  });
});

describe('flattenedGrantTable', () => {
  it('starts with the template’s columns and adds the others in the order met', () => {
    const table = flattenedGrantTable([
      { id: 'A', classifications: [{ title: 'Arts' }] },
      { id: 'B', beneficiaryLocation: [{ name: 'X' }, { name: 'Y' }] },
    ]);
    expect(table.headings[0]).toBe('Identifier');
    expect(table.headings.slice(-2)).toEqual(['Classifications:Title', 'Beneficiary Location:1:Name']);
    expect(table.rows.map((row) => row[0])).toEqual(['A', 'B']);
    expect(table.rows[1]?.at(-1)).toBe('Y');
    expect(table.rows[0]?.at(-1)).toBeNull();
  });
});
