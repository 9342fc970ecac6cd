import { describe, expect, it } from 'vitest';
import type { Capacity, WeeklyOpening } from '../../domain/directory/model.js';
import { capacityPerWeek, hoursPerWeek } from './gap-services.js';

describe('capacity per week', () => {
  it.each<[Capacity | null, number | null]>([
    [null, null],
    [{ people: 10, period: 'day' }, 70],
    [{ people: 40, period: 'week' }, 40],
    [{ people: 52, period: 'month' }, 12],
    [{ people: 520, period: 'year' }, 10],
  ])('%j is %s a week', (capacity, expected) => {
    const result = capacityPerWeek(capacity);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });
});

describe('hours open per week', () => {
  const open = (day: WeeklyOpening['day'], opens: string, closes: string): WeeklyOpening => ({
    day,
    opens,
    closes,
  });
  it.each<[string, WeeklyOpening[], number | null]>([
    ['no schedule', [], null],
    ['one morning', [open('monday', '09:00', '12:30')], 3.5],
    ['two days', [open('monday', '10:00', '16:00'), open('friday', '10:00', '14:15')], 10.25],
    ['past midnight', [open('saturday', '22:00', '02:00')], 4],
    ['the same time (all day)', [open('sunday', '00:00', '00:00')], 24],
  ])('%s', (_name, schedules, expected) => {
    expect(hoursPerWeek(schedules)).toBe(expected);
  });
});
