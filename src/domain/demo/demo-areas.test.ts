import { describe, expect, it } from 'vitest';
import { areaLevelOf } from '../areas/gss-code.js';
import { areaLocator } from '../areas/locator.js';
import { buildDemoGeography } from './demo-areas.js';

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
