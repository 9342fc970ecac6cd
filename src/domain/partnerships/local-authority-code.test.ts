import { describe, expect, it } from 'vitest';
import { isLocalAuthorityCode, isPartnershipSlug } from './local-authority-code.js';

describe('isLocalAuthorityCode', () => {
  it.each([
    ['E08000009', true], // Trafford
    ['E06000047', true], // County Durham
    ['e09000001', true],
    [' E07000223 ', true],
    ['E10000002', true],
    ['W06000015', true], // Cardiff
    ['E05000001', false], // a ward
    ['E01000001', false], // an LSOA
    ['E11000001', false],
    ['S12000033', false], // Scotland is out of scope
    ['E0800009', false],
    ['E080000090', false],
    ['', false],
  ])('%s -> %s', (code, expected) => expect(isLocalAuthorityCode(code)).toBe(expected));
});

describe('isPartnershipSlug', () => {
  it.each([
    ['trafford', true],
    ['north-lincs', true],
    ['a1', true],
    ['x', false],
    ['Trafford', false],
    ['double--hyphen', false],
    ['-lead', false],
    ['trail-', false],
    ['has space', false],
    ['a'.repeat(61), false],
  ])('%s -> %s', (slug, expected) => expect(isPartnershipSlug(slug)).toBe(expected));
});
