import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_MINIMUM,
  benchmarkRows,
  distributionOf,
  hasDistributions,
  matchesFilter,
  measureKey,
  positionIn,
  type BenchmarkContribution,
} from './benchmark.js';

describe('distributionOf', () => {
  it.each([
    // values, expected [lower quartile, median, upper quartile] or null
    ['no values', [], null],
    ['four values: fewer than five partnerships', [1, 2, 3, 4], null],
    // sorted [1, 2, 3, 4, 4]: median 3; halves [1, 2] and [4, 4]
    ['five values', [4, 1, 3, 4, 2], [1.5, 3, 4]],
    // sorted [1.5, 2, 2.5, 3, 3, 3.5]: median (2.5 + 3) / 2 = 2.75; halves [1.5, 2, 2.5] and [3, 3, 3.5]
    ['six values', [3, 1.5, 2.5, 3.5, 2, 3], [2, 2.75, 3]],
  ])('%s', (_name, values, expected) => {
    const result = distributionOf(values);
    if (expected === null) expect(result).toBeNull();
    else
      expect(result).toEqual({
        contributors: values.length,
        lowerQuartile: expected[0],
        median: expected[1],
        upperQuartile: expected[2],
      });
  });

  it('the minimum is five partnerships', () => {
    expect(BENCHMARK_MINIMUM).toBe(5);
    expect(distributionOf([2, 2, 2, 2], 4)?.median).toBe(2);
  });
});

describe('positionIn', () => {
  const d = { contributors: 6, lowerQuartile: 2, median: 2.5, upperQuartile: 3 };
  it.each([
    [1.5, 'lowest-quarter'],
    [2, 'below-median'], // on the lower quartile: not below it
    [2.25, 'below-median'],
    [2.5, 'at-median'],
    [2.75, 'above-median'],
    [3, 'above-median'], // on the upper quartile: not above it
    [3.5, 'highest-quarter'],
  ])('%s is %s', (value, expected) => {
    expect(positionIn(value, d)).toBe(expected);
  });
});

const contribution = (
  councilType: BenchmarkContribution['councilType'],
  region: BenchmarkContribution['region'],
  council: number | null,
  community: number | null,
): BenchmarkContribution => ({
  councilType,
  region,
  medians: { [measureKey('SF1', 'council')]: council, [measureKey('SF1', 'community')]: community },
});

describe('matchesFilter', () => {
  const c = contribution('metropolitan', 'North West', 3, 2);
  it.each([
    ['no filter', {}, true],
    ['same council type', { councilType: 'metropolitan' as const }, true],
    ['other council type', { councilType: 'county' as const }, false],
    ['same region and type', { councilType: 'metropolitan' as const, region: 'North West' as const }, true],
    ['other region', { region: 'London' as const }, false],
  ])('%s', (_name, filter, expected) => {
    expect(matchesFilter(c, filter)).toBe(expected);
  });
});

describe('benchmarkRows', () => {
  const measures = [
    { code: 'SF1', name: 'Shared purpose', kind: 'indicator' as const },
    { code: 'SF2', name: 'Nobody answered', kind: 'indicator' as const },
  ];
  const six = [
    contribution('metropolitan', 'North West', 1, 2),
    contribution('metropolitan', 'North West', 2, 2),
    contribution('metropolitan', 'North West', 3, null), // community side below its threshold
    contribution('metropolitan', 'North West', 4, 3),
    contribution('unitary', 'North West', 2, 3),
    contribution('unitary', 'London', 3, 4),
  ];

  it('six partnerships: council side has a distribution; community has five figures, so one too', () => {
    const [sf1, sf2] = benchmarkRows(measures, six);
    expect(sf1?.council).toEqual({ contributors: 6, lowerQuartile: 2, median: 2.5, upperQuartile: 3 });
    expect(sf1?.community?.contributors).toBe(5);
    expect(sf1?.contributors).toBe(6);
    expect(sf2).toMatchObject({ council: null, community: null, contributors: 0 });
  });

  it('four partnerships show no distribution at all', () => {
    const rows = benchmarkRows(measures, six.slice(0, 4));
    expect(hasDistributions(rows)).toBe(false);
    expect(rows[0]?.contributors).toBe(4);
  });

  it('a filter counts only the partnerships that match, so too few show nothing', () => {
    const rows = benchmarkRows(measures, six, { councilType: 'metropolitan' });
    expect(rows[0]?.contributors).toBe(4);
    expect(hasDistributions(rows)).toBe(false);
    expect(hasDistributions(benchmarkRows(measures, six, { region: 'North West' }))).toBe(true);
  });
});
