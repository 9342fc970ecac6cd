import { describe, expect, it } from 'vitest';
import { computeRoundResults } from '../results/index.js';
import { resultsWithoutComments } from './kept-results.js';
import {
  addMonths,
  answersDeletedOn,
  describeRetention,
  isDueForDeletion,
  isRetentionMonths,
  roundClosedOn,
  type RetentionPolicy,
} from './retention.js';

describe('addMonths', () => {
  it.each([
    ['2026-03-31', 6, '2026-09-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-11-30', 24, '2028-11-30'],
    ['2026-12-01', 1, '2027-01-01'],
    ['2026-02-28', 36, '2029-02-28'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses text that is not a date', () => {
    expect(() => addMonths('31/03/2026', 6)).toThrow('Not a date');
  });
});

describe('roundClosedOn', () => {
  it.each([
    ['not closed early: the closing date', '2026-03-31', null, '2026-03-31'],
    ['closed early: the day it was closed', '2026-03-31', '2026-03-20T16:00:00.000Z', '2026-03-20'],
    [
      'closed after the date passed: the closing date',
      '2026-03-31',
      '2026-04-10T09:00:00.000Z',
      '2026-03-31',
    ],
  ])('%s', (_name, closesOn, closedAt, expected) => {
    expect(roundClosedOn({ closesOn, closedAt })).toBe(expected);
  });
});

describe('answers deletion dates', () => {
  const round = { closesOn: '2026-03-31', closedAt: null };
  const keep: RetentionPolicy = { months: null, removeComments: false };
  const six: RetentionPolicy = { months: 6, removeComments: false };
  const twoYears: RetentionPolicy = { months: 24, removeComments: true };

  it.each([
    ['kept: never due', keep, '2099-01-01', null, false],
    ['6 months: not on the day before', six, '2026-09-29', '2026-09-30', false],
    ['6 months: due on the day', six, '2026-09-30', '2026-09-30', true],
    ['6 months: still due later (the sweep can run late)', six, '2027-05-01', '2026-09-30', true],
    ['24 months: not after 12', twoYears, '2027-03-31', '2028-03-31', false],
    ['24 months: due after 24', twoYears, '2028-03-31', '2028-03-31', true],
  ] as const)('%s', (_name, policy, today, dueOn, due) => {
    expect(answersDeletedOn(round, policy)).toBe(dueOn);
    expect(isDueForDeletion(round, policy, today)).toBe(due);
  });

  it('counts from the day a round was closed early', () => {
    const closedEarly = { closesOn: '2026-03-31', closedAt: '2026-03-10T12:00:00.000Z' };
    expect(answersDeletedOn(closedEarly, six)).toBe('2026-09-10');
    expect(isDueForDeletion(closedEarly, six, '2026-09-10')).toBe(true);
  });
});

describe('isRetentionMonths', () => {
  it.each([
    [6, true],
    [12, true],
    [24, true],
    [36, true],
    [0, false],
    [7, false],
    ['12', false],
    [null, false],
  ])('%s is a choice: %s', (value, expected) => {
    expect(isRetentionMonths(value)).toBe(expected);
  });
});

describe('describeRetention', () => {
  it.each([
    [{ months: null, removeComments: false }, 'Individual answers are kept'],
    [{ months: 6, removeComments: false }, 'deleted 6 months after a round closes. The results are kept.'],
    [{ months: 12, removeComments: false }, 'deleted 1 year after'],
    [{ months: 36, removeComments: true }, 'deleted 3 years after a round closes, and comments are removed'],
  ] as const)('%o says “%s”', (policy, words) => {
    expect(describeRetention(policy)).toContain(words);
  });
});

const lv = (level: 1 | 2 | 3 | 4) => ({ kind: 'level' as const, level });

describe('resultsWithoutComments', () => {
  const results = computeRoundResults({
    threshold: 3,
    principles: [{ code: 'SF', name: 'Shared focus', indicatorCodes: ['SF1'] }],
    groups: [
      { id: 'c', name: 'Council', side: 'council' },
      { id: 'v', name: 'VCS', side: 'community' },
    ],
    responses: [
      { groupId: 'c', ratings: { SF1: lv(2) }, comments: { SF1: 'Council comment' } },
      { groupId: 'c', ratings: { SF1: lv(3) } },
      { groupId: 'c', ratings: { SF1: lv(3) } },
      { groupId: 'v', ratings: { SF1: lv(4) }, comments: { SF1: 'VCS comment' } },
      { groupId: 'v', ratings: { SF1: lv(1) } },
      { groupId: 'v', ratings: { SF1: lv(2) } },
    ],
  });

  it('leaves every comment out and keeps every figure', () => {
    const kept = resultsWithoutComments(results);
    expect(JSON.stringify(results)).toContain('VCS comment');
    expect(JSON.stringify(kept)).not.toContain('VCS comment');
    expect(JSON.stringify(kept)).not.toContain('Council comment');
    const figures = (r: typeof results) =>
      r.sides.council.status === 'has-data' ? r.sides.council.indicators.map((i) => i.median) : [];
    expect(figures(kept)).toEqual(figures(results));
    expect(kept.groups).toEqual(results.groups);
    expect(kept.gaps).toEqual(results.gaps);
  });
});
