/**
 * Opt-in national benchmarking. Each opted-in partnership contributes its latest closed round's side medians
 * (only where the round's own anonymity threshold was met); the national distribution of one measure (a
 * principle or an indicator, for one side) is the median and quartiles across those partnerships, shown only
 * when at least BENCHMARK_MINIMUM of them contribute. A contribution carries no name: nothing here can say
 * which partnership gave which figure.
 */
import type { Side } from '../results/rating.js';
import { median, spread } from '../results/statistics.js';
import type { CouncilType, Region } from './council-types.js';

/** The fewest partnerships whose figures make a distribution. */
export const BENCHMARK_MINIMUM = 5;

/** One partnership's figures, known only by council type and region. */
export interface BenchmarkContribution {
  readonly councilType: CouncilType | undefined;
  readonly region: Region | undefined;
  /** Side medians keyed by `measureKey(code, side)`; a missing or null entry contributes nothing. */
  readonly medians: Readonly<Record<string, number | null>>;
}

export const measureKey = (code: string, side: Side): string => `${code}:${side}`;

export interface Distribution {
  /** How many partnerships' figures went into it. */
  readonly contributors: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
}

/**
 * The median and quartiles (median of halves, as for a round's spread) of the values, or null when fewer than
 * `minimum` values are given.
 */
export function distributionOf(values: readonly number[], minimum = BENCHMARK_MINIMUM): Distribution | null {
  if (values.length < Math.max(1, minimum)) return null;
  const quartiles = spread(values);
  const middle = median(values);
  if (!quartiles || middle === null) return null;
  return {
    contributors: values.length,
    lowerQuartile: quartiles.lowerQuartile,
    median: middle,
    upperQuartile: quartiles.upperQuartile,
  };
}

export const positions = [
  'lowest-quarter',
  'below-median',
  'at-median',
  'above-median',
  'highest-quarter',
] as const;
export type Position = (typeof positions)[number];

export const positionLabels: Record<Position, string> = {
  'lowest-quarter': 'In the lowest quarter',
  'below-median': 'Below the middle',
  'at-median': 'At the middle',
  'above-median': 'Above the middle',
  'highest-quarter': 'In the highest quarter',
};

/** Where a value sits against a distribution: below the lower quartile, up to the median, and so on. */
export function positionIn(value: number, distribution: Distribution): Position {
  if (value < distribution.lowerQuartile) return 'lowest-quarter';
  if (value > distribution.upperQuartile) return 'highest-quarter';
  if (value < distribution.median) return 'below-median';
  if (value > distribution.median) return 'above-median';
  return 'at-median';
}

export interface BenchmarkFilter {
  readonly councilType?: CouncilType | undefined;
  readonly region?: Region | undefined;
}

export function matchesFilter(contribution: BenchmarkContribution, filter: BenchmarkFilter): boolean {
  return (
    (filter.councilType === undefined || contribution.councilType === filter.councilType) &&
    (filter.region === undefined || contribution.region === filter.region)
  );
}

export interface BenchmarkMeasure {
  readonly code: string;
  readonly name: string;
  readonly kind: 'principle' | 'indicator';
}

export interface BenchmarkRow {
  readonly measure: BenchmarkMeasure;
  readonly council: Distribution | null;
  readonly community: Distribution | null;
  /** How many partnerships gave a figure for either side (shown even when too few for a distribution). */
  readonly contributors: number;
}

/** The distribution of every measure for each side, across the contributions that match the filter. */
export function benchmarkRows(
  measures: readonly BenchmarkMeasure[],
  contributions: readonly BenchmarkContribution[],
  filter: BenchmarkFilter = {},
  minimum = BENCHMARK_MINIMUM,
): BenchmarkRow[] {
  const chosen = contributions.filter((c) => matchesFilter(c, filter));
  const valuesOf = (key: string) =>
    chosen.map((c) => c.medians[key]).filter((v): v is number => typeof v === 'number');
  return measures.map((measure) => {
    const council = valuesOf(measureKey(measure.code, 'council'));
    const community = valuesOf(measureKey(measure.code, 'community'));
    return {
      measure,
      council: distributionOf(council, minimum),
      community: distributionOf(community, minimum),
      contributors: chosen.filter((c) =>
        (['council', 'community'] as const).some(
          (side) => typeof c.medians[measureKey(measure.code, side)] === 'number',
        ),
      ).length,
    };
  });
}

/** True when any row has a distribution to show. */
export const hasDistributions = (rows: readonly BenchmarkRow[]): boolean =>
  rows.some((row) => row.council !== null || row.community !== null);
