import { describe, expect, it } from 'vitest';
import { summarisePrinciple } from './principle-figures.js';

describe('summarisePrinciple', () => {
  it.each([
    ['odd count of indicator medians', [3, 1.5, 2], 2, 3], // sorted [1.5, 2, 3] -> 2
    ['even count', [3, 2.5, 1, 4], 2.75, 4], // sorted [1, 2.5, 3, 4] -> (2.5 + 3) / 2 = 2.75
    ['indicators with no median are left out', [null, 4, 2, null], 3, 2], // [2, 4] -> (2 + 4) / 2 = 3
    ['one indicator with a median', [null, 3.5], 3.5, 1],
    ['no indicator has a median', [null, null, null], null, 0],
  ])('%s', (_name, medians, expected, indicatorsWithMedian) => {
    expect(summarisePrinciple('RC', medians)).toStrictEqual({
      principleCode: 'RC',
      median: expected,
      indicatorsWithMedian,
      indicatorCount: medians.length,
    });
  });
});
