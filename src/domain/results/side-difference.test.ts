import { describe, expect, it } from 'vitest';
import { PERCEPTION_GAP_THRESHOLD, compareSides } from './perception-gaps.js';
import { describeDifference, SOME_DIFFERENCE_THRESHOLD } from './side-difference.js';

describe('describeDifference', () => {
  it.each([
    // [name, council median, community median, band, gap, words]
    ['the same', 3, 3, 'much-the-same', 0, 'seen much the same way'],
    ['a quarter apart', 2.5, 2.75, 'much-the-same', 0.25, 'seen much the same way'],
    ['half a level apart: some difference', 2.5, 3, 'some-difference', 0.5, 'some difference'],
    ['the issue’s example: 3 against 2.25', 3, 2.25, 'some-difference', 0.75, 'some difference'],
    ['exactly 1 level: seen differently', 2, 3, 'seen-differently', 1, 'seen differently'],
    ['council higher by 1.5', 3.5, 2, 'seen-differently', 1.5, 'seen differently'],
    ['the full scale apart', 1, 4, 'seen-differently', 3, 'seen differently'],
    ['no council median', null, 3, 'not-comparable', null, 'not enough answers to compare'],
    ['no community median', 2, null, 'not-comparable', null, 'not enough answers to compare'],
    ['neither side', null, null, 'not-comparable', null, 'not enough answers to compare'],
  ] as const)('%s', (_name, council, community, band, gap, words) => {
    expect(describeDifference(council, community)).toStrictEqual({ band, gap, words });
  });

  it('is symmetric: it does not matter which side is higher', () => {
    for (const [a, b] of [
      [1, 1.75],
      [2.25, 3],
      [1.5, 4],
    ] as const) {
      expect(describeDifference(a, b)).toStrictEqual(describeDifference(b, a));
    }
  });

  it('agrees with the perception gap: "seen differently" exactly when compareSides finds a gap', () => {
    const medians = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4];
    for (const council of medians) {
      for (const community of medians) {
        const gap = compareSides('X1', 'X', council, community).perceptionGap;
        expect(describeDifference(council, community).band === 'seen-differently').toBe(gap);
      }
    }
  });

  it('has "some difference" strictly between the two thresholds', () => {
    expect(SOME_DIFFERENCE_THRESHOLD).toBeGreaterThan(0);
    expect(SOME_DIFFERENCE_THRESHOLD).toBeLessThan(PERCEPTION_GAP_THRESHOLD);
  });
});
