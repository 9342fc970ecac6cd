import { describe, expect, it } from 'vitest';
import type { ServiceLocation } from './model.js';
import { blankPlace, checkPlaces, placeFormsFor } from './place-form.js';

const library: ServiceLocation = {
  sourceId: 'loc-1',
  name: 'Library',
  address: 'Church Street',
  postcode: 'NM1 1AA',
  latitude: 54.9,
  longitude: -1.4,
  visibility: 'public',
};

describe('the places form', () => {
  it('starts with each place and a blank one to add another', () => {
    expect(placeFormsFor([library])).toEqual([
      { name: 'Library', address: 'Church Street', postcode: 'NM1 1AA', visibility: 'public' },
      blankPlace,
    ]);
  });

  it('keeps a place’s point while its postcode stays, and asks for a look-up when it changes', () => {
    const same = checkPlaces(
      [{ ...blankPlace, name: 'Library', address: 'Church St', postcode: 'nm11aa' }],
      [library],
    );
    expect(same).toMatchObject({
      ok: true,
      places: [{ lookUp: false, location: { latitude: 54.9, sourceId: 'loc-1' } }],
    });
    const moved = checkPlaces([{ ...blankPlace, name: 'Library', postcode: 'NM2 2BB' }], [library]);
    expect(moved).toMatchObject({
      ok: true,
      places: [{ lookUp: true, location: { postcode: 'NM2 2BB', latitude: null, longitude: null } }],
    });
  });

  it('removes blank places and joins address lines', () => {
    const result = checkPlaces(
      [
        blankPlace,
        { ...blankPlace, address: 'Unit 4\r\n Mill Lane ', postcode: 'NM1 2AB', visibility: 'area-only' },
      ],
      [library],
    );
    expect(result).toMatchObject({
      ok: true,
      places: [
        { lookUp: true, location: { address: 'Unit 4, Mill Lane', visibility: 'area-only', sourceId: null } },
      ],
    });
  });

  it.each([
    ['no postcode on a new place', { address: 'Mill Lane' }, 'places-0-postcode'],
    ['a postcode of the wrong shape', { address: 'Mill Lane', postcode: 'NOPE' }, 'places-0-postcode'],
    ['neither name nor address', { postcode: 'NM1 2AB' }, 'places-0-address'],
    [
      'an unknown visibility',
      { address: 'Mill Lane', postcode: 'NM1 2AB', visibility: 'secret' },
      'places-0-visibility',
    ],
  ] as const)('refuses %s', (_name, typed, field) => {
    const result = checkPlaces([{ ...blankPlace, ...typed }], []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toContain(field);
  });
});
