import { describe, expect, it } from 'vitest';
import { areaLevelOf, parseAreaLevel } from './gss-code.js';

describe('areaLevelOf', () => {
  it.each([
    ['E06000023', 'authority'],
    ['E07000223', 'authority'],
    ['E08000009', 'authority'],
    ['E09000001', 'authority'],
    ['W06000015', 'authority'],
    ['E05015239', 'ward'],
    ['e01006074', 'lsoa'],
    [' E01006074 ', 'lsoa'],
  ])('%s is a %s', (code, level) => {
    expect(areaLevelOf(code)).toEqual({ ok: true, code: code.trim().toUpperCase(), level });
  });

  it.each([
    ['', 'empty'],
    ['E0100607', 'letter and 8 digits'],
    ['Trafford', 'letter and 8 digits'],
    ['E10000002', 'not a local authority'],
    ['E12000001', 'not a local authority'],
    ['E02001803', 'not a local authority'],
    ['S12000033', 'Scottish area'],
    ['N09000001', 'Northern Irish area'],
  ])('%s is refused (%s)', (code, reason) => {
    const result = areaLevelOf(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('parseAreaLevel', () => {
  it.each([
    ['lad', 'authority'],
    ['LAD', 'authority'],
    ['authority', 'authority'],
    ['ward', 'ward'],
    ['lsoa', 'lsoa'],
    ['msoa', undefined],
    [undefined, undefined],
  ])('%s -> %s', (raw, level) => expect(parseAreaLevel(raw)).toBe(level));
});
