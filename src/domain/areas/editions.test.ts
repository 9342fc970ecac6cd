import { describe, expect, it } from 'vitest';
import { checkEdition, defaultEdition, editionFromColumn, sameGeography } from './editions.js';

describe('boundary editions', () => {
  it.each([
    ['LSOA21CD', 'lsoa-2021'],
    ['LSOA11CD', 'lsoa-2011'],
    ['WD22CD', 'ward-2022'],
    ['wd23cd', 'ward-2023'],
    ['LAD24CD', 'lad-2024'],
    ['area_code', undefined],
  ])('column %s implies %s', (column, edition) => expect(editionFromColumn(column)).toBe(edition));

  it.each([
    ['lsoa-2021', 'lsoa', true],
    ['LSOA-2011', 'lsoa', true],
    ['ward-2023', 'ward', true],
    ['lad-2024', 'authority', true],
    ['ward-2023', 'lsoa', false],
    ['2021', 'lsoa', false],
  ] as const)('%s for %s: %s', (raw, level, ok) => expect(checkEdition(raw, level).ok).toBe(ok));

  it('defaults to the sets the ONS lookup uses', () => {
    expect([defaultEdition('lsoa'), defaultEdition('ward'), defaultEdition('authority')]).toEqual([
      'lsoa-2021',
      'ward-2024',
      'lad-2024',
    ]);
  });

  it.each([
    ['lsoa-2011', 'lsoa-2021', false], // IMD 2019 never fills in a 2021 LSOA
    ['lsoa-2021', 'lsoa-2011', false],
    ['lsoa-2021', 'lsoa-2021', true],
    ['ward-2024', 'ward-2022', true], // ward codes change with their boundaries
    ['lad-2024', 'lad-2023', true],
    ['ward-2024', 'lad-2024', false],
    ['lsoa-2021', 'ward-2024', false],
  ])('figures for %s join an area in %s: %s', (indicator, area, expected) =>
    expect(sameGeography(indicator, area)).toBe(expected),
  );
});
