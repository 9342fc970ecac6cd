import { describe, expect, it } from 'vitest';
import { summariseIndicator } from './indicator-figures.js';
import type { Level, Rating } from './rating.js';

const L = (level: Level): Rating => ({ kind: 'level', level });
const DK: Rating = { kind: 'dont-know' };
const NA: Rating = { kind: 'not-applicable' };

describe('summariseIndicator', () => {
  it.each([
    {
      name: 'odd count of levels',
      ratings: [L(3), L(1), L(4)],
      // levels [1, 3, 4]: median 3; halves [1] and [4]: IQR 4 - 1 = 3; DK rate 0 / (3 + 0) = 0
      expected: { answered: 3, dontKnow: 0, notApplicable: 0, dontKnowRate: 0, median: 3 },
      spread: { min: 1, max: 4, lowerQuartile: 1, upperQuartile: 4, interquartileRange: 3 },
    },
    {
      name: 'even count of levels, with don’t know and not applicable',
      ratings: [L(2), DK, L(3), NA, L(3), L(4), DK],
      // levels [2, 3, 3, 4]: median (3 + 3) / 2 = 3; halves [2, 3] and [3, 4]: Q1 2.5, Q3 3.5, IQR 1
      // DK rate 2 / (4 answered + 2 DK) = 2 / 6 = 1/3; the NA is in no denominator
      expected: { answered: 4, dontKnow: 2, notApplicable: 1, dontKnowRate: 2 / 6, median: 3 },
      spread: { min: 2, max: 4, lowerQuartile: 2.5, upperQuartile: 3.5, interquartileRange: 1 },
    },
    {
      name: 'even count with a half median',
      ratings: [L(1), L(2), NA, NA],
      // levels [1, 2]: median (1 + 2) / 2 = 1.5; halves [1] and [2]: IQR 1; DK rate 0 / 2 = 0
      expected: { answered: 2, dontKnow: 0, notApplicable: 2, dontKnowRate: 0, median: 1.5 },
      spread: { min: 1, max: 2, lowerQuartile: 1, upperQuartile: 2, interquartileRange: 1 },
    },
    {
      name: 'all not applicable: no median, no spread, no rate',
      ratings: [NA, NA, NA],
      // answered + DK = 0 + 0 = 0, so the rate is undefined (null)
      expected: { answered: 0, dontKnow: 0, notApplicable: 3, dontKnowRate: null, median: null },
      spread: null,
    },
    {
      name: 'all don’t know: no median, rate 1',
      ratings: [DK, DK, DK, DK],
      // DK rate 4 / (0 + 4) = 1
      expected: { answered: 0, dontKnow: 4, notApplicable: 0, dontKnowRate: 1, median: null },
      spread: null,
    },
    {
      name: 'don’t know and not applicable only',
      ratings: [DK, NA, NA],
      // DK rate 1 / (0 + 1) = 1
      expected: { answered: 0, dontKnow: 1, notApplicable: 2, dontKnowRate: 1, median: null },
      spread: null,
    },
    {
      name: 'nobody rated it',
      ratings: [],
      expected: { answered: 0, dontKnow: 0, notApplicable: 0, dontKnowRate: null, median: null },
      spread: null,
    },
  ])('$name', ({ ratings, expected, spread }) => {
    expect(summariseIndicator('SF1', ratings)).toStrictEqual({ indicatorCode: 'SF1', ...expected, spread });
  });
});
