import { describe, expect, it } from 'vitest';
import type {
  AnalysisArea,
  AnalysisIndicator,
  AnalysisNeed,
  AnalysisIndicatorValue,
} from './analysis-types.js';
import { combineNeed, localNeedFrom, recordScore } from './local-need.js';
import { indicatorPercentiles, localRanks } from './need-ranks.js';
import { decileNeedPercentile, needScorer } from './need-score.js';

const area = (code: string, more: Partial<AnalysisArea> = {}): AnalysisArea => ({
  code,
  name: code,
  level: 'lsoa',
  point: { lat: 53, lng: -2 },
  population: 1000,
  ruralUrban: 'urban',
  ancestorCodes: [],
  descendantCodes: [],
  ...more,
});

const value = (v: number | null, decile: number | null = null): AnalysisIndicatorValue => ({
  value: v,
  rank: null,
  decile,
});

const indicator = (
  key: string,
  values: Record<string, AnalysisIndicatorValue>,
  higherIsMoreNeed = true,
): AnalysisIndicator => ({
  key,
  name: `Indicator ${key}`,
  edition: 'IMD 2025',
  higherIsMoreNeed,
  values: new Map(Object.entries(values)),
});

const record = (id: string, areaCode: string, severity: 1 | 2 | 3 | 4, peopleAffected: number | null) =>
  ({
    id,
    areaCode,
    theme: 'food',
    severity,
    peopleAffected,
    reportedOn: '2026-10-01',
    source: 'survey',
  }) satisfies AnalysisNeed;

describe('decileNeedPercentile', () => {
  it.each([
    [1, 95],
    [2, 85],
    [5, 55],
    [10, 5],
  ])('decile %s is need percentile %s (the middle of the decile)', (decile, percentile) => {
    expect(decileNeedPercentile(decile)).toBe(percentile);
  });
});

describe('indicatorPercentiles', () => {
  const abc = [area('A'), area('B'), area('C'), area('D')];
  it.each([
    ['higher is more need', { A: value(10), B: value(20), C: value(30) }, true, [0, 50, 100, Number.NaN]],
    ['lower is more need', { A: value(10), B: value(20), C: value(30) }, false, [100, 50, 0, Number.NaN]],
    ['ties share the middle', { A: value(10), B: value(10), C: value(30) }, true, [25, 25, 100, Number.NaN]],
    [
      'a decile wins over the rank',
      { A: value(99, 2), B: value(20), C: value(30) },
      true,
      [85, 0, 100, Number.NaN],
    ],
    ['a lone value is the middle', { B: value(7) }, true, [Number.NaN, 50, Number.NaN, Number.NaN]],
    [
      'a null value is no value',
      { A: value(null), B: value(1), C: value(2) },
      true,
      [Number.NaN, 0, 100, Number.NaN],
    ],
  ])('%s', (_, values, higherIsMoreNeed, expected) => {
    expect([...indicatorPercentiles(abc, indicator('x', values, higherIsMoreNeed)).percentiles]).toEqual(
      expected,
    );
  });

  it('places an area in England by its national rank when the count of ranked areas is known', () => {
    const ranked: AnalysisIndicator = {
      ...indicator('x', {
        A: { value: 50, rank: 1, decile: 1 },
        B: { value: 10, rank: 1001, decile: 1 },
        C: { value: 5, rank: null, decile: null, nationalPercentile: 62.5 },
        D: value(3),
      }),
      rankedAreas: 2001,
    };
    const { percentiles, local } = indicatorPercentiles(abc, ranked);
    // Rank 1 of 2,001 is 100; rank 1,001 is the middle; a given ward figure stands; D alone is local.
    expect([...percentiles]).toEqual([100, 50, 62.5, 50]);
    expect([...local]).toEqual([0, 0, 0, 1]);
  });
});

describe('localRanks', () => {
  it.each([
    ['most need first', [10, 30, 20], [3, 1, 2], 3],
    ['ties share the better place', [30, 30, 20], [1, 1, 3], 3],
    ['no score, no place', [Number.NaN, 40, 20], [0, 1, 2], 2],
    ['nothing scored', [Number.NaN], [0], 0],
  ])('%s', (_, needs, ranks, outOf) => {
    const result = localRanks(needs);
    expect([...result.ranks]).toEqual(ranks);
    expect(result.outOf).toBe(outOf);
  });
});

describe('recordScore', () => {
  it.each([
    ['severity only', 3, null, 1000, 60],
    ['5% affected adds 10', 2, 50, 1000, 50],
    ['10% affected adds the full 20', 4, 100, 1000, 100],
    ['more than 10% adds no more', 1, 900, 1000, 40],
    ['population unknown: severity only', 1, 50, null, 20],
  ])('%s', (_, severity, people, population, score) => {
    expect(recordScore(severity, people, population)).toBeCloseTo(score, 10);
  });
});

describe('localNeedFrom', () => {
  it.each([
    [[], null],
    [[60], 60],
    [[20, 60, 40], 70],
    [[100, 80], 100],
  ])('records scoring %o give local need %s', (scores, need) => {
    expect(localNeedFrom(scores)).toBe(need);
  });
});

describe('combineNeed', () => {
  it.each([
    ['statistics only', 50, null, { statistics: 0.6, localRecords: 0.4 }, 50],
    ['records only', null, 70, { statistics: 0.6, localRecords: 0.4 }, 70],
    ['both, default weights', 50, 70, { statistics: 0.6, localRecords: 0.4 }, 58],
    ['both, equal weights', 50, 70, { statistics: 1, localRecords: 1 }, 60],
    ['statistics weighted 0', 50, 70, { statistics: 0, localRecords: 0.4 }, 70],
    ['only part weighted 0', 50, null, { statistics: 0, localRecords: 1 }, null],
    ['neither', null, null, { statistics: 0.6, localRecords: 0.4 }, null],
  ])('%s', (_, stats, local, weights, need) => {
    const combined = combineNeed(stats, local, weights);
    if (need === null) expect(combined).toBeNull();
    else expect(combined).toBeCloseTo(need, 10);
  });
});

describe('needScorer', () => {
  // Three LSOAs of 1,000 people: L1 and L2 in ward W1, L3 in ward W2, all in authority AUTH.
  const lsoas = [
    area('L1', { ancestorCodes: ['W1', 'AUTH'] }),
    area('L2', { ancestorCodes: ['W1', 'AUTH'] }),
    area('L3', { ancestorCodes: ['W2', 'AUTH'] }),
  ];
  const indicators = [
    indicator('income', { L1: value(0.4, 1), L2: value(0.05, 10) }),
    indicator('older', { L1: value(0.3), L2: value(0.1), L3: value(0.2) }),
  ];
  const links = [
    { theme: 'food', indicatorKey: 'income', weight: 2 },
    { theme: 'food', indicatorKey: 'older', weight: 1 },
    { theme: 'food', indicatorKey: 'missing', weight: 5 },
  ];
  const needs = [
    record('authority-wide', 'AUTH', 2, 300), // 10% of AUTH's 3,000: 40 + 20 = 60
    record('in-L1', 'L1', 3, null), // 60
    record('ward-wide', 'W1', 1, 100), // 5% of W1's 2,000: 20 + 10 = 30
  ];
  const weights = { statistics: 0.6, localRecords: 0.4 };

  it.each([
    // L1: (95×2 + 100×1)/3; records 60, 30, 60 → 60 + 5×2; 0.6 × 96.67 + 0.4 × 70.
    ['L1', 0, 290 / 3, 70, 86],
    // L2: (5×2 + 0×1)/3; records 30 (ward), 60 (authority) → 65.
    ['L2', 1, 10 / 3, 65, 28],
    // L3: the "older" indicator only; the authority-wide record only.
    ['L3', 2, 50, 60, 54],
  ])('%s: statistics %s, records %s, need %s', (_, index, stats, local, need) => {
    const score = needScorer(lsoas, indicators, links, needs, weights).score(index, 'food');
    expect(score.statisticsNeed).toBeCloseTo(stats, 10);
    expect(score.localNeed).toBeCloseTo(local, 10);
    expect(score.need).toBeCloseTo(need, 10);
  });

  it('changing the weights changes the need score', () => {
    const score = needScorer(lsoas, indicators, links, needs, { statistics: 0, localRecords: 1 }).score(
      0,
      'food',
    );
    expect(score.need).toBeCloseTo(70, 10);
  });

  it('a theme with neither statistics nor records has no need score', () => {
    expect(needScorer(lsoas, indicators, links, needs, weights).score(0, 'loneliness')).toEqual({
      need: null,
      statisticsNeed: null,
      localNeed: null,
    });
  });

  it('counts records for the areas inside a ward towards the ward', () => {
    const wards = [area('W1', { population: 2000, ancestorCodes: ['AUTH'], descendantCodes: ['L1', 'L2'] })];
    const wardNeeds = [...needs, record('in-L2', 'L2', 2, 100)]; // 5% of W1: 40 + 10 = 50
    // W1's own record 30; authority-wide 300 of the 2,000 analysed: 40 + 20 = 60; L1's 60; L2's 50.
    const explanation = needScorer(wards, [], [], wardNeeds, weights).explain(0, 'food');
    expect(explanation.records.map((r) => [r.needId, r.score])).toEqual([
      ['ward-wide', 30],
      ['authority-wide', 60],
      ['in-L1', 60],
      ['in-L2', 50],
    ]);
    expect(explanation.localNeed).toBe(75);
    expect(explanation.need).toBe(75);
  });

  it('explains the need score with every input, and the explanation recomputes it', () => {
    const explanation = needScorer(lsoas, indicators, links, needs, weights).explain(0, 'food');
    expect(explanation.statistics).toEqual([
      {
        indicatorKey: 'income',
        name: 'Indicator income',
        edition: 'IMD 2025',
        value: 0.4,
        decile: 1,
        needPercentile: 95,
        against: 'england',
        weight: 2,
      },
      {
        indicatorKey: 'older',
        name: 'Indicator older',
        edition: 'IMD 2025',
        value: 0.3,
        decile: null,
        needPercentile: 100,
        against: 'local',
        weight: 1,
      },
    ]);
    const weightSum = explanation.statistics.reduce((sum, s) => sum + s.weight, 0);
    const stats = explanation.statistics.reduce((sum, s) => sum + s.weight * s.needPercentile, 0) / weightSum;
    expect(stats).toBe(explanation.statisticsNeed);
    expect(localNeedFrom(explanation.records.map((r) => r.score))).toBe(explanation.localNeed);
    expect(combineNeed(stats, explanation.localNeed, explanation.weights)).toBe(explanation.need);
    expect(explanation.need).toBeCloseTo(86, 10);
  });
});
