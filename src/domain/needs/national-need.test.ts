import { describe, expect, it } from 'vitest';
import {
  englandRanks,
  nationalNeedPercentile,
  populationWeightedPercentile,
  rankNeedPercentile,
} from './national-need.js';

describe('rankNeedPercentile: place in England from a national rank', () => {
  it.each([
    ['the most deprived LSOA in England', 1, 33_755, 100],
    ['the least deprived', 33_755, 33_755, 0],
    ['the middle', 16_878, 33_755, 50],
    // (33,755 − 1,035) / 33,754 × 100 = 96.94…
    ['rank 1,035 of 33,755', 1_035, 33_755, (100 * 32_720) / 33_754],
    ['a rank past the end counts as the last', 40_000, 33_755, 0],
    ['one area alone is the middle', 1, 1, 50],
  ])('%s', (_, rank, rankedAreas, expected) => {
    expect(rankNeedPercentile(rank, rankedAreas)).toBeCloseTo(expected, 10);
  });
});

describe('nationalNeedPercentile: rank first, then decile, else none', () => {
  it.each([
    ['rank with a known count', 3_376, 1, 33_755, (100 * (33_755 - 3_376)) / 33_754],
    ['rank without a count falls back to the decile', 3_376, 1, null, 95],
    ['decile only', null, 4, 33_755, 65],
    ['neither', null, null, 33_755, null],
  ])('%s', (_, rank, decile, rankedAreas, expected) => {
    const got = nationalNeedPercentile(rank, decile, rankedAreas);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe('populationWeightedPercentile: a ward from its LSOAs, never re-ranked', () => {
  it.each([
    // 1,500 people at 90 and 500 at 10: (1,500 × 90 + 500 × 10) / 2,000 = 70.
    [
      'weighted by people',
      [
        [90, 1_500],
        [10, 500],
      ],
      70,
    ],
    ['one LSOA is itself', [[42, 1_200]], 42],
    // A population unknown: the plain mean (90 + 10 + 50) / 3.
    [
      'plain mean when a population is unknown',
      [
        [90, 1_500],
        [10, null],
        [50, 800],
      ],
      50,
    ],
    ['no LSOAs', [], null],
  ] as [string, [number, number | null][], number | null][])('%s', (_, parts, expected) => {
    const got = populationWeightedPercentile(
      parts.map(([percentile, population]) => ({ percentile, population })),
    );
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });

  it('keeps a ward below 100 unless every one of its LSOAs is the most deprived in England', () => {
    const ward = populationWeightedPercentile([
      { percentile: rankNeedPercentile(1, 33_755), population: 1_600 },
      { percentile: rankNeedPercentile(900, 33_755), population: 1_400 },
    ]);
    expect(ward).toBeLessThan(100);
    expect(ward).toBeGreaterThan(98);
  });
});

describe('englandRanks: an imported statistic ranked against England', () => {
  const england = (count: number) =>
    new Map(Array.from({ length: count }, (_, i) => [`E01${String(i).padStart(6, '0')}`, i % 100]));

  it('ranks a file covering England, higher values first, ties sharing the better rank', () => {
    const ranks = englandRanks(england(33_755), 'lsoa-2021', true);
    expect(ranks?.size).toBe(33_755);
    // 338 areas hold the top value 99 (i % 100 = 99): all rank 1, decile 1.
    expect(ranks?.get('E01000099')).toEqual({ rank: 1, decile: 1 });
    // Value 0 is held by the last 338: rank 33,755 − 338 + 1 = 33,418, decile 10.
    expect(ranks?.get('E01000000')).toEqual({ rank: 33_418, decile: 10 });
  });

  it('ranks lower values first when lower means more need', () => {
    expect(englandRanks(england(33_755), 'lsoa-2021', false)?.get('E01000000')?.rank).toBe(1);
  });

  it.each([
    ['a local file (139 LSOAs)', 139, 'lsoa-2021'],
    ['a boundary set with no England count', 33_755, 'ward-2024'],
  ])('gives no England ranks for %s', (_, count, edition) => {
    expect(englandRanks(england(count), edition, true)).toBeUndefined();
  });
});
