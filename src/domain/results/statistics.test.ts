import { describe, expect, it } from 'vitest';
import { median, spread } from './statistics.js';

describe('median', () => {
  it.each([
    // odd count: the middle value of the sorted list
    ['one value', [3], 3],
    ['odd, unsorted', [4, 1, 3], 3], // sorted [1, 3, 4] -> middle 3
    ['odd, five values', [2, 2, 1, 4, 3], 2], // sorted [1, 2, 2, 3, 4] -> middle 2
    // even count: the mean of the two middle values
    ['even, two values', [2, 3], 2.5], // (2 + 3) / 2 = 2.5
    ['even, four values', [4, 1, 2, 3], 2.5], // sorted [1, 2, 3, 4] -> (2 + 3) / 2 = 2.5
    ['even, middle values equal', [1, 3, 3, 4], 3], // (3 + 3) / 2 = 3
    ['even, six values', [1, 1, 2, 4, 4, 4], 3], // sorted middle pair 2 and 4 -> (2 + 4) / 2 = 3
    ['medians of medians', [2.5, 3, 1.5, 4], 2.75], // sorted [1.5, 2.5, 3, 4] -> (2.5 + 3) / 2 = 2.75
  ])('%s', (_name, values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });

  it('does not reorder the caller’s list', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('spread (median-of-halves quartiles)', () => {
  it.each([
    // [values, min, max, lower quartile, upper quartile, interquartile range]
    ['one value: both halves empty, quartiles are the value', [3], 3, 3, 3, 3, 0],
    ['two values: halves [2] and [3]', [3, 2], 2, 3, 2, 3, 1], // 3 - 2 = 1
    ['three values: median 2 left out, halves [1] and [3]', [1, 2, 3], 1, 3, 1, 3, 2], // 3 - 1 = 2
    // halves [1, 2] and [3, 4]: Q1 = (1 + 2) / 2 = 1.5, Q3 = (3 + 4) / 2 = 3.5, IQR = 3.5 - 1.5 = 2
    ['four values', [4, 3, 2, 1], 1, 4, 1.5, 3.5, 2],
    // sorted [1, 2, 3, 4, 4], median 3 left out; halves [1, 2] and [4, 4]: Q1 1.5, Q3 4, IQR 4 - 1.5 = 2.5
    ['five values', [4, 1, 3, 4, 2], 1, 4, 1.5, 4, 2.5],
    // halves [1, 1, 2] and [3, 3, 4]: Q1 = 1, Q3 = 3, IQR = 3 - 1 = 2
    ['six values', [3, 1, 4, 1, 3, 2], 1, 4, 1, 3, 2],
    // sorted [2, 2, 3, 3, 3, 3, 4], median left out; halves [2, 2, 3] and [3, 3, 4]: Q1 2, Q3 3, IQR 1
    ['seven values', [3, 2, 4, 3, 3, 2, 3], 2, 4, 2, 3, 1],
    ['all the same', [2, 2, 2, 2], 2, 2, 2, 2, 0],
  ])('%s', (_name, values, min, max, lowerQuartile, upperQuartile, interquartileRange) => {
    expect(spread(values)).toEqual({ min, max, lowerQuartile, upperQuartile, interquartileRange });
  });

  it('is null for no values', () => {
    expect(spread([])).toBeNull();
  });
});
