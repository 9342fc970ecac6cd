import { describe, expect, it } from 'vitest';
import {
  actionReminder,
  fundingReminder,
  isReminderKind,
  roundClosingPeriod,
  roundOpenPeriod,
  staleDigestPeriod,
} from './reminders.js';

describe('roundOpenPeriod', () => {
  it.each([
    ['opens today', { opensOn: '2026-03-02', closesOn: '2026-03-20', closedAt: null }, 'opens:2026-03-02'],
    [
      'opened a week ago',
      { opensOn: '2026-02-23', closesOn: '2026-03-20', closedAt: null },
      'opens:2026-02-23',
    ],
    ['closes today', { opensOn: '2026-02-01', closesOn: '2026-03-02', closedAt: null }, 'opens:2026-02-01'],
    ['opens tomorrow', { opensOn: '2026-03-03', closesOn: '2026-03-20', closedAt: null }, null],
    ['closed yesterday', { opensOn: '2026-02-01', closesOn: '2026-03-01', closedAt: null }, null],
    [
      'closed early',
      { opensOn: '2026-02-01', closesOn: '2026-03-20', closedAt: '2026-03-01T10:00:00Z' },
      null,
    ],
  ])('%s', (_name, given, expected) => {
    expect(roundOpenPeriod(given, '2026-03-02')).toBe(expected);
  });
});

describe('roundClosingPeriod', () => {
  const round = (closesOn: string, closedAt: string | null = null) => ({
    opensOn: '2026-02-01',
    closesOn,
    closedAt,
  });
  it.each([
    ['closes today', round('2026-03-02'), 'closes:2026-03-02'],
    ['closes in 7 days', round('2026-03-09'), 'closes:2026-03-09'],
    ['closes in 8 days', round('2026-03-10'), null],
    ['closed yesterday', round('2026-03-01'), null],
    ['closed early', round('2026-03-05', '2026-03-01T10:00:00Z'), null],
    ['not open yet', { opensOn: '2026-03-04', closesOn: '2026-03-08', closedAt: null }, null],
  ])('%s', (_name, given, expected) => {
    expect(roundClosingPeriod(given, '2026-03-02')).toBe(expected);
  });
});

describe('actionReminder', () => {
  const today = '2026-03-02';
  it.each([
    ['no due date', null, 'in-progress', null],
    ['due in 8 days', '2026-03-10', 'in-progress', null],
    ['due in 7 days', '2026-03-09', 'not-started', { type: 'due', days: 7, period: 'due:2026-03-09' }],
    ['due today', '2026-03-02', 'in-progress', { type: 'due', days: 0, period: 'due:2026-03-02' }],
    ['done', '2026-03-02', 'done', null],
    ['dropped and overdue', '2026-02-20', 'dropped', null],
    [
      'overdue by 1 day',
      '2026-03-01',
      'in-progress',
      { type: 'overdue', days: 1, period: 'overdue:2026-03-01:week-1' },
    ],
    [
      'overdue by 7 days: still the first week',
      '2026-02-23',
      'in-progress',
      { type: 'overdue', days: 7, period: 'overdue:2026-02-23:week-1' },
    ],
    [
      'overdue by 8 days: the second week',
      '2026-02-22',
      'in-progress',
      { type: 'overdue', days: 8, period: 'overdue:2026-02-22:week-2' },
    ],
    [
      'overdue by 28 days: the last week',
      '2026-02-02',
      'in-progress',
      { type: 'overdue', days: 28, period: 'overdue:2026-02-02:week-4' },
    ],
    ['overdue by 29 days: no more', '2026-02-01', 'in-progress', null],
  ])('%s', (_name, dueOn, status, expected) => {
    expect(actionReminder({ dueOn, status }, today)).toEqual(expected);
  });
});

describe('fundingReminder', () => {
  const today = '2026-03-02';
  it.each([
    ['no deadline', null, null],
    ['15 days left', '2026-03-17', null],
    ['14 days left', '2026-03-16', { daysLeft: 14, point: 14, period: 'deadline:2026-03-16:14-days' }],
    ['4 days left', '2026-03-06', { daysLeft: 4, point: 14, period: 'deadline:2026-03-06:14-days' }],
    ['3 days left', '2026-03-05', { daysLeft: 3, point: 3, period: 'deadline:2026-03-05:3-days' }],
    ['deadline today', '2026-03-02', { daysLeft: 0, point: 3, period: 'deadline:2026-03-02:3-days' }],
    ['deadline passed', '2026-03-01', null],
  ])('%s', (_name, deadline, expected) => {
    expect(fundingReminder(deadline, today)).toEqual(expected);
  });
});

describe('staleDigestPeriod and isReminderKind', () => {
  it('is the calendar month', () => {
    expect(staleDigestPeriod('2026-03-02')).toBe('month:2026-03');
    expect(staleDigestPeriod('2026-03-31')).toBe('month:2026-03');
  });
  it.each([
    ['round-closing', true],
    ['funding-deadline', true],
    ['everything', false],
    [3, false],
  ])('%s is a kind: %s', (value, expected) => {
    expect(isReminderKind(value)).toBe(expected);
  });
});
