import { describe, expect, it } from 'vitest';
import { councilTypeOf, isRegion, regionOf } from './council-types.js';

describe('councilTypeOf', () => {
  it.each([
    ['E06000047', 'unitary'], // County Durham
    ['E07000223', 'district'], // Adur
    ['E08000009', 'metropolitan'], // Trafford
    ['E09000033', 'london-borough'], // Westminster
    ['E10000002', 'county'], // Buckinghamshire (old county)
    ['w06000015', 'welsh-principal'], // Cardiff, lower case
    [' E08000009 ', 'metropolitan'], // spaces trimmed
    ['S12000033', undefined], // Scottish council: not a kind we know
    ['', undefined],
  ])('%s is %s', (code, expected) => {
    expect(councilTypeOf(code)).toBe(expected);
  });
});

describe('regionOf', () => {
  it.each([
    ['a recorded region wins', 'E08000009', 'North West', 'North West'],
    ['London from a London borough code', 'E09000033', null, 'London'],
    ['Wales from a Welsh code', 'W06000015', null, 'Wales'],
    ['unknown when not recorded and not fixed by the code', 'E08000009', null, undefined],
    ['a recorded value that is not a region is ignored', 'E08000009', 'Narnia', undefined],
  ])('%s', (_name, code, recorded, expected) => {
    expect(regionOf(code, recorded)).toBe(expected);
  });

  it('knows the regions by name only', () => {
    expect(isRegion('South West')).toBe(true);
    expect(isRegion('south west')).toBe(false);
    expect(isRegion(3)).toBe(false);
  });
});
