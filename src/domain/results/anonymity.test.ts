import { describe, expect, it } from 'vitest';
import { checkThreshold, DEFAULT_THRESHOLD, MINIMUM_THRESHOLD, resolveThreshold } from './anonymity.js';

describe('resolveThreshold', () => {
  it.each([
    ['not set: the default', undefined, 5],
    ['the minimum', 3, 3],
    ['higher', 8, 8],
  ])('%s', (_name, threshold, expected) => {
    expect(resolveThreshold(threshold)).toBe(expected);
  });

  it.each([
    ['2, below the minimum', 2],
    ['0', 0],
    ['negative', -5],
    ['not a whole number', 3.5],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('rejects %s with a RangeError', (_name, threshold) => {
    expect(() => resolveThreshold(threshold)).toThrow(RangeError);
  });

  it('has a default of 5 and a minimum of 3', () => {
    expect([DEFAULT_THRESHOLD, MINIMUM_THRESHOLD]).toEqual([5, 3]);
  });
});

describe('checkThreshold', () => {
  it.each([
    ['none at all', 0, 5, { meetsThreshold: false, respondents: 0, needed: 5 }], // 5 - 0 = 5
    ['one short', 4, 5, { meetsThreshold: false, respondents: 4, needed: 1 }], // 5 - 4 = 1
    ['exactly at the threshold', 5, 5, { meetsThreshold: true, respondents: 5 }],
    ['above', 9, 5, { meetsThreshold: true, respondents: 9 }],
    ['minimum threshold, two respondents', 2, 3, { meetsThreshold: false, respondents: 2, needed: 1 }],
    ['minimum threshold, three respondents', 3, 3, { meetsThreshold: true, respondents: 3 }],
  ])('%s', (_name, respondents, threshold, expected) => {
    expect(checkThreshold(respondents, threshold)).toStrictEqual(expected);
  });
});
