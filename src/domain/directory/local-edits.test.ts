import { describe, expect, it } from 'vitest';
import { changedServiceFields, fieldList, keepLocalEdits } from './local-edits.js';
import type { ServiceDetails } from './model.js';

const service: ServiceDetails = {
  name: 'Food parcels',
  description: 'Food for three days.',
  url: null,
  email: null,
  phone: '01632 960 000',
  status: 'active',
  themes: ['food', 'money-debt-and-benefits'],
  eligibility: { description: null, minimumAge: null, maximumAge: null },
  cost: null,
  howToAccess: null,
  languages: [],
  accessibility: null,
  capacity: null,
  locations: [],
  areas: [],
  schedules: [{ day: 'tuesday', opens: '10:00', closes: '12:00' }],
  contacts: [],
};

describe('fields changed in Common Ground', () => {
  it.each([
    ['nothing', {}, []],
    ['the phone', { phone: '01632 960 111' }, ['phone']],
    ['themes in another order only', { themes: ['money-debt-and-benefits', 'food'] }, []],
    [
      'opening times and name',
      { name: 'Parcels', schedules: [{ day: 'friday', opens: '10:00', closes: '12:00' }] },
      ['name', 'schedules'],
    ],
  ] as const)('finds %s changed', (_name, change, expected) => {
    expect(changedServiceFields(service, { ...service, ...change })).toEqual(expected);
  });

  it('keeps fields changed here and takes the rest from the import, listing what it kept', () => {
    const current = { ...service, phone: '01632 960 999' };
    const incoming = { ...service, phone: '01632 960 000', description: 'Food for a week.', name: 'Parcels' };
    const result = keepLocalEdits(incoming, current, ['phone', 'name', 'schedules']);
    expect(result.details).toMatchObject({ phone: '01632 960 999', description: 'Food for a week.' });
    expect(result.details.name).toBe('Food parcels');
    // The opening times were changed here too, but the file agrees with them: nothing to keep.
    expect(result.kept).toEqual(['name', 'phone']);
    expect(keepLocalEdits(incoming, current, [])).toEqual({ details: incoming, kept: [] });
  });

  it.each([
    [[], ''],
    [['phone'], 'phone'],
    [['name', 'phone', 'schedules'], 'name, phone and opening times'],
  ] as const)('names %j as “%s”', (fields, text) => {
    expect(fieldList(fields)).toBe(text);
  });
});
