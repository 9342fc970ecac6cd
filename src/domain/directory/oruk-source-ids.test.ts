import { describe, expect, it } from 'vitest';
import { originLocationId, originOrganisationId, originServiceId } from './oruk-source-ids.js';

describe('origin ids read back from a feed', () => {
  it.each([
    ['our attribute', [{ link_type: 'source_identifier', value: 'oruk:BCC-1' }], 'BCC-1'],
    ['a value holding a colon', [{ link_type: 'source_identifier', value: 'services-csv:row:7' }], 'row:7'],
    ['no source kind', [{ link_type: 'source_identifier', value: 'BCC-1' }], null],
    ['another link type', [{ link_type: 'need', value: 'oruk:BCC-1' }], null],
    ['an empty value', [{ link_type: 'source_identifier', value: 'oruk: ' }], null],
    ['no attributes', undefined, null],
  ])('service: %s', (_case, attributes, expected) => {
    expect(originServiceId({ id: 'ours', attributes })).toBe(expected);
  });

  it.each([
    ['our identifier', { identifier_type: 'Id in the oruk source', identifier: 'ORG-7' }, 'ORG-7'],
    ['a charity number', { identifier_type: 'Charity number', identifier: '1130849' }, null],
    ['an empty identifier', { identifier_type: 'Id in the oruk source', identifier: '' }, null],
  ])('organisation: %s', (_case, entry, expected) => {
    expect(originOrganisationId({ organization_identifiers: [entry] })).toBe(expected);
  });

  it.each([
    ['our source', { external_identifier: 'LOC-1', external_identifier_type: 'oruk id' }, 'LOC-1'],
    ['a spreadsheet', { external_identifier: '12', external_identifier_type: 'services-csv id' }, '12'],
    ['a UPRN', { external_identifier: '100012345', external_identifier_type: 'UPRN' }, null],
    ['no type', { external_identifier: 'LOC-1' }, null],
  ])('location: %s', (_case, location, expected) => {
    expect(originLocationId(location)).toBe(expected);
  });
});
