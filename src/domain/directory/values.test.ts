import { describe, expect, it } from 'vitest';
import { isStale, monthsBefore } from './freshness.js';
import { isOrganisationIdentifier, organisationIdentifier } from './identifiers.js';
import { toPlainText } from './plain-text.js';
import {
  cleanAge,
  cleanEmail,
  cleanPoint,
  cleanPostcode,
  cleanText,
  cleanTime,
  cleanUrl,
  cleanWeekday,
  numberFrom,
} from './values.js';

describe('toPlainText', () => {
  it.each([
    [
      '<h4>Young people aged 16 to 25&nbsp;who are</h4><p><br></p><p>We <b>help</b></p>',
      'Young people aged 16 to 25 who are\n\nWe help',
    ],
    ['<p>Drug &amp; Alcohol</p><script>alert(1)</script>', 'Drug & Alcohol'],
    ['<a href="javascript:alert(1)">Our site</a> <img src=x onerror=alert(1)>', 'Our site'],
    ['<p><br></p>', ''],
    ['Plain text stays  as it is', 'Plain text stays  as it is'],
    [null, ''],
  ])('%s', (html, text) => {
    expect(toPlainText(html)).toBe(text);
  });
});

describe('organisation identifiers', () => {
  it.each([
    ['GB-CHC', '210843', 'GB-CHC-210843'],
    ['GB-CHC', '1119510', 'GB-CHC-1119510'],
    ['GB-CHC', 'NA', null],
    ['GB-COH', '738693', 'GB-COH-00738693'],
    ['GB-COH', 'SC123456', 'GB-COH-SC123456'],
    ['GB-COH', 'not a number', null],
    ['360G', 'trafford-grantee-42', '360G-TRAFFORD-GRANTEE-42'],
    ['GB-COH', 'GB-COH-01234567', 'GB-COH-01234567'],
    ['GB-CHC', 'gb-chc-1234567', 'GB-CHC-1234567'],
  ])('%s %s -> %s', (scheme, raw, expected) => {
    expect(organisationIdentifier(scheme, raw)).toBe(expected);
  });

  it.each([
    ['GB-CHC-1234567', true],
    ['GB-CHC-12', false],
    ['GB-COH-01234567', true],
    ['GB-COH-123', false],
    ['360G-abc_1', true],
    ['XI-ABC', false],
  ])('%s valid: %s', (value, expected) => {
    expect(isOrganisationIdentifier(value)).toBe(expected);
  });
});

describe('freshness', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  it.each([
    [null, true],
    ['not a date', true],
    ['2025-11-30T12:00:00.000Z', true],
    ['2025-11-30T12:00:01.000Z', false],
    ['2026-06-01', false],
    ['2023-04-13', true],
  ])('checked %s: stale %s', (checked, stale) => {
    expect(isStale(checked, now)).toBe(stale);
  });

  it('counts calendar months, keeping to the last day of a short month', () => {
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(monthsBefore(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2023-02-28T00:00:00.000Z');
  });
});

describe('cleaning values', () => {
  it('cleans text, emails, addresses, postcodes, points, ages, times and days', () => {
    expect(cleanText('  a \n b ')).toBe('a b');
    expect(cleanText('NA', { na: true })).toBeNull();
    expect(cleanEmail('Info@Example.org')).toBe('info@example.org');
    expect(cleanEmail('email-example_com')).toBeUndefined();
    expect(cleanEmail('')).toBeNull();
    expect(cleanUrl('www.cheshirewildlifetrust.co.uk')).toBe('https://www.cheshirewildlifetrust.co.uk');
    expect(cleanUrl('example_counselling')).toBeNull();
    expect(cleanPostcode('m32 0ts')).toBe('M32 0TS');
    expect(cleanPostcode('ABC 1234')).toBeNull();
    expect(cleanPoint(53.45, -2.31)).toEqual({ latitude: 53.45, longitude: -2.31 });
    expect(cleanPoint(100, 101)).toBeNull();
    expect(cleanPoint('', '')).toBeNull();
    expect(cleanPoint('0x35', '-2')).toBeNull();
    expect(cleanUrl('0x1F')).toBeNull();
    expect(cleanUrl('www.example.org/a.b')).toBe('https://www.example.org/a.b');
    expect(cleanAge('18')).toBe(18);
    expect(cleanAge(-1)).toBeNull();
    expect(cleanAge('[]')).toBeNull();
    expect(cleanAge('0x1F')).toBeNull();
    expect(cleanTime('9am')).toBe('09:00');
    expect(cleanTime('5.30pm')).toBe('17:30');
    expect(cleanTime('10:00:00')).toBe('10:00');
    expect(cleanTime('25:00')).toBeNull();
    expect(cleanWeekday('MO')).toBe('monday');
    expect(cleanWeekday('Thursday')).toBe('thursday');
    expect(cleanWeekday('someday')).toBeNull();
  });
});

describe('numberFrom', () => {
  it.each([
    ['12', 12],
    [' -2.5 ', -2.5],
    ['1e3', 1000],
    ['.5', 0.5],
    [7, 7],
    ['', null],
    ['0x1F', null],
    ['[]', null],
    ['Infinity', null],
    ['1e999', null],
    ['12abc', null],
    ['١٢٣', null],
    [Number.NaN, null],
    [null, null],
    [[1], null],
  ] as const)('reads %j as %j', (value, expected) => {
    expect(numberFrom(value)).toBe(expected);
  });
});
