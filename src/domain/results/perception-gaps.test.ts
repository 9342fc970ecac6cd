import { describe, expect, it } from 'vitest';
import { compareSides, perceptionGaps } from './perception-gaps.js';

describe('compareSides', () => {
  it.each([
    // [council median, community median, difference (community - council), perception gap?]
    ['exactly 1.0 counts', 2, 3, 1, true], // 3 - 2 = 1.0 >= 1.0
    ['exactly -1.0 counts (council higher)', 3.5, 2.5, -1, true], // 2.5 - 3.5 = -1.0, |-1.0| >= 1.0
    ['0.5 does not', 2.5, 3, 0.5, false], // 3 - 2.5 = 0.5 < 1.0
    ['0.75 does not', 2.25, 3, 0.75, false], // principle-level medians can be quarters
    ['1.5 counts', 1.5, 3, 1.5, true], // 3 - 1.5 = 1.5
    ['agreement', 3, 3, 0, false],
    ['no council median', null, 3, null, false],
    ['no community median', 2, null, null, false],
  ])('%s', (_name, councilMedian, communityMedian, difference, perceptionGap) => {
    expect(compareSides('SF1', 'SF', councilMedian, communityMedian)).toStrictEqual({
      indicatorCode: 'SF1',
      principleCode: 'SF',
      councilMedian,
      communityMedian,
      difference,
      perceptionGap,
    });
  });
});

describe('perceptionGaps', () => {
  it('lists only gaps of 1.0 or more, biggest absolute difference first, ties in framework order', () => {
    const comparisons = [
      compareSides('SF1', 'SF', 3, 2), // 2 - 3 = -1: gap of 1
      compareSides('SF5', 'SF', 2, 2.5), // 0.5: not a gap
      compareSides('RC1', 'RC', 1, 3), // 3 - 1 = 2: gap of 2
      compareSides('RC2', 'RC', 4, 3), // 3 - 4 = -1: gap of 1, after SF1 in framework order
      compareSides('ES1', 'ES', 4, 1.5), // 1.5 - 4 = -2.5: the biggest
      compareSides('ES3', 'ES', null, 1), // no council median: not a gap
    ];
    expect(perceptionGaps(comparisons)).toStrictEqual([
      { indicatorCode: 'ES1', principleCode: 'ES', councilMedian: 4, communityMedian: 1.5, difference: -2.5 },
      { indicatorCode: 'RC1', principleCode: 'RC', councilMedian: 1, communityMedian: 3, difference: 2 },
      { indicatorCode: 'SF1', principleCode: 'SF', councilMedian: 3, communityMedian: 2, difference: -1 },
      { indicatorCode: 'RC2', principleCode: 'RC', councilMedian: 4, communityMedian: 3, difference: -1 },
    ]);
  });

  it('is empty when the sides agree within 0.5', () => {
    expect(perceptionGaps([compareSides('SF1', 'SF', 3, 3.5), compareSides('SF5', 'SF', 2, 2)])).toEqual([]);
  });
});
