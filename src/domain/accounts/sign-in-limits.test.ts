import { describe, expect, it } from 'vitest';
import { minutesUntilAllowed, networkAddressKey } from './sign-in-limits.js';

const now = new Date('2026-03-02T09:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('minutesUntilAllowed', () => {
  it.each([
    ['no failures', [], 3, undefined],
    ['fewer than the limit', [1, 2], 3, undefined],
    ['at the limit, oldest 10 minutes ago', [10, 5, 1], 3, 5],
    ['at the limit, all just now', [0, 0, 0], 3, 15],
    ['at the limit, oldest 14.5 minutes ago', [14.5, 1, 0], 3, 1],
    ['over the limit waits for enough to leave', [14, 12, 2, 1], 3, 3],
    ['failures older than the window do not count', [20, 16, 1, 0], 3, undefined],
    ['a failure exactly 15 minutes ago has left', [15, 1, 0], 3, undefined],
    ['limit of one', [7], 1, 8],
    ['order does not matter', [1, 10, 5], 3, 5],
  ])('%s', (_name, ages, limit, expected) => {
    expect(minutesUntilAllowed(ages.map(minutesAgo), limit, now)).toBe(expected);
  });
});

describe('networkAddressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    ['2001:db8:85a3:8d3::1', '2001:db8:85a3:8d3::/64'],
    ['2001:DB8:85A3:08D3:ffff::2', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['not an address', 'not an address'],
    ['1:2:3', '1:2:3'],
  ])('%s counts as %s', (ip, expected) => {
    expect(networkAddressKey(ip)).toBe(expected);
  });
});
