import { describe, expect, it } from 'vitest';
import { areaLevelOf } from '../areas/gss-code.js';
import { areaLocator } from '../areas/locator.js';
import { buildDemoGeography } from './demo-areas.js';
import { buildDemoPostcodes } from './demo-postcodes.js';
import { normalisePostcode } from '../areas/postcode.js';

const geography = buildDemoGeography({
  code: 'E06099001',
  name: 'Northmoor',
  centre: { lat: 53.9, lng: -1.9 },
  authorityNumber: 1,
});

describe('the demo geography', () => {
  const byLevel = (level: string) => geography.areas.filter((a) => a.level === level);

  it('has one authority, 12 wards and 48 neighbourhoods with valid, unique codes', () => {
    expect([byLevel('authority').length, byLevel('ward').length, byLevel('lsoa').length]).toEqual([
      1, 12, 48,
    ]);
    const codes = geography.areas.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const area of geography.areas) {
      const checked = areaLevelOf(area.code);
      expect(checked.ok && checked.level).toBe(area.level);
    }
  });

  it('puts every neighbourhood’s point inside it and inside its ward', () => {
    const wards = areaLocator(byLevel('ward').map((w) => ({ code: w.code, boundary: w.boundary })));
    const lsoas = areaLocator(byLevel('lsoa').map((l) => ({ code: l.code, boundary: l.boundary })));
    for (const lsoa of byLevel('lsoa')) {
      expect(lsoas.locate(lsoa.point)).toBe(lsoa.code);
      expect(wards.locate(lsoa.point)).toBe(lsoa.parentCode);
    }
  });

  it('gives every neighbourhood eight plausible domain figures and is the same every time', () => {
    expect(geography.values).toHaveLength(48 * 8);
    for (const value of geography.values) {
      expect(value.decile).toBeGreaterThanOrEqual(1);
      expect(value.decile).toBeLessThanOrEqual(10);
    }
    const deciles = new Set(geography.values.filter((v) => v.domain === 'imd').map((v) => v.decile));
    expect(deciles.size).toBeGreaterThan(4);
    expect(
      buildDemoGeography({
        code: 'E06099001',
        name: 'Northmoor',
        centre: { lat: 53.9, lng: -1.9 },
        authorityNumber: 1,
      }),
    ).toEqual(geography);
  });
});

describe('demo postcodes', () => {
  const postcodes = buildDemoPostcodes(geography, 'NM');
  const lsoas = areaLocator(
    geography.areas.filter((a) => a.level === 'lsoa').map((l) => ({ code: l.code, boundary: l.boundary })),
  );

  it('gives three live postcodes in each neighbourhood, plus a terminated one and one with no location', () => {
    expect(postcodes).toHaveLength(48 * 3 + 2);
    expect(new Set(postcodes.map((p) => p.postcode)).size).toBe(postcodes.length);
    for (const p of postcodes) {
      expect(normalisePostcode(p.postcode)).toEqual({ ok: true, postcode: p.postcode });
      if (p.lat !== null && p.lng !== null) expect(lsoas.locate({ lat: p.lat, lng: p.lng })).toBe(p.lsoaCode);
    }
    expect(postcodes.filter((p) => p.terminatedOn !== null).map((p) => p.postcode)).toEqual(['NM1 9ZZ']);
    expect(postcodes.filter((p) => !p.located).map((p) => p.postcode)).toEqual(['NM1 9ZY']);
  });
});
