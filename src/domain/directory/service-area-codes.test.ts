import { describe, expect, it } from 'vitest';
import type { AreaLevel } from '../areas/gss-code.js';
import { serviceAreaCodeProblem, type KnownAreas } from './service-area-codes.js';

const bristol: KnownAreas = {
  authorityCode: 'E06000023',
  codes: new Map<AreaLevel, ReadonlySet<string>>([
    ['authority', new Set(['E06000023', 'E06000024'])],
    ['lsoa', new Set(['E01014485'])],
    ['ward', new Set()],
  ]),
};

describe('service area codes checked against known areas', () => {
  it.each([
    ['the partnership’s authority', 'E06000023', null],
    ['a neighbouring authority that is loaded', 'E06000024', null],
    ['a loaded LSOA', 'E01014485', null],
    ['a ward when no wards are loaded', 'E05010885', null],
    ['an MSOA (a level we keep no boundaries for)', 'E02003043', null],
    ['England itself', 'E92000001', null],
    ['a Welsh authority', 'W06000015', /is a Welsh area code, but .*E06000023.* is in England/],
    ['a Scottish council area', 'S12000036', /is a Scottish area code/],
    ['a made-up LSOA', 'E01999999', /E01999999 is not a known neighbourhood \(lower layer/],
    ['an authority that is not loaded', 'E08000009', /is not a known local authority/],
  ])('%s (%s)', (_case, code, expected) => {
    const problem = serviceAreaCodeProblem(code, bristol);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('checks Welsh partnerships the other way round', () => {
    const cardiff: KnownAreas = { authorityCode: 'W06000015', codes: new Map() };
    expect(serviceAreaCodeProblem('W06000015', cardiff)).toBeNull();
    expect(serviceAreaCodeProblem('E06000023', cardiff)).toMatch(/is an English area code, .* in Wales/);
  });
});
