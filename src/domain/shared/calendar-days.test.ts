import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar-days.js';

describe('calendar days', () => {
  it.each([
    ['2026-12-01', 0, '2026-12-01'],
    ['2026-12-01', 30, '2026-12-31'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s plus %i days is %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(days);
  });

  describe('addDays', () => {
    it.each([
      ['2026-12-25', 14, '2027-01-08'],
      ['2026-03-01', -1, '2026-02-28'],
      ['2026-03-29', 0, '2026-03-29'],
    ])('%s plus %i days is %s', (day, days, expected) => {
      expect(addDays(day, days)).toBe(expected);
    });
  });

  describe('daysBetween', () => {
    it.each([
      ['2026-03-02', '2026-03-02', 0],
      ['2026-03-02', '2026-03-09', 7],
      ['2026-03-09', '2026-03-02', -7],
      ['2026-03-28', '2026-03-30', 2], // across the change to British Summer Time
      ['2026-02-27', '2026-03-01', 2],
    ])('%s to %s is %i days', (from, to, days) => {
      expect(daysBetween(from, to)).toBe(days);
    });
  });
});
