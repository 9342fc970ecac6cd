/**
 * Need against England: where an area stands in the country on one statistic, as a percentile from 0 (least
 * need in England) to 100 (most). docs/needs-scoring.md explains the method with a worked example.
 */

/** How many LSOAs England has in each boundary set: the count national ranks run to. */
export const englandLsoaCount: Readonly<Record<string, number>> = {
  'lsoa-2021': 33_755,
  'lsoa-2011': 32_844,
};

/** Need percentile from a national decile: the middle of the decile, so decile 1 (most deprived) is 95. */
export function decileNeedPercentile(decile: number): number {
  const clamped = Math.min(10, Math.max(1, Math.round(decile)));
  return 105 - 10 * clamped;
}

/** Need percentile from a national rank (1 = most need) out of `rankedAreas`: rank 1 is 100, the last is 0. */
export function rankNeedPercentile(rank: number, rankedAreas: number): number {
  if (rankedAreas <= 1) return 50;
  const clamped = Math.min(rankedAreas, Math.max(1, rank));
  return (100 * (rankedAreas - clamped)) / (rankedAreas - 1);
}

/**
 * An LSOA's need percentile against England: from its national rank when the count of ranked areas is known
 * (the finer figure), otherwise from its national decile; null when it has neither.
 */
export function nationalNeedPercentile(
  rank: number | null,
  decile: number | null,
  rankedAreas: number | null,
): number | null {
  if (rank !== null && Number.isFinite(rank) && rankedAreas !== null && rankedAreas > 0)
    return rankNeedPercentile(rank, Math.max(rankedAreas, rank));
  if (decile !== null && Number.isFinite(decile)) return decileNeedPercentile(decile);
  return null;
}

export interface WeightedPercentile {
  readonly percentile: number;
  /** People in the LSOA; null when not known. */
  readonly population: number | null;
}

/**
 * A ward's or authority's need percentile: the population-weighted mean of its LSOAs' percentiles against
 * England (the plain mean when any population is unknown), never a re-ranking of the areas among themselves.
 * Null when no LSOA has a percentile.
 */
export function populationWeightedPercentile(parts: readonly WeightedPercentile[]): number | null {
  const usable = parts.filter((p) => Number.isFinite(p.percentile));
  if (usable.length === 0) return null;
  const weighted = usable.every((p) => p.population !== null && p.population > 0);
  let sum = 0;
  let total = 0;
  for (const part of usable) {
    const weight = weighted ? (part.population as number) : 1;
    sum += part.percentile * weight;
    total += weight;
  }
  return sum / total;
}

/**
 * England ranks and deciles for a statistic given for (nearly) every LSOA in England, so an imported indicator
 * is scored against the country like the IMD: rank 1 is the most need; ties share the better rank. Undefined
 * when the values do not cover at least nine in ten of England's LSOAs in that boundary set.
 */
export function englandRanks(
  values: ReadonlyMap<string, number>,
  geographyEdition: string,
  higherIsMoreNeed: boolean,
): Map<string, { rank: number; decile: number }> | undefined {
  const england = englandLsoaCount[geographyEdition];
  if (!england || values.size < 0.9 * england) return undefined;
  const sorted = [...values].sort(([, a], [, b]) => (higherIsMoreNeed ? b - a : a - b));
  const ranks = new Map<string, { rank: number; decile: number }>();
  let rank = 0;
  sorted.forEach(([code, value], index) => {
    if (index === 0 || value !== sorted[index - 1]?.[1]) rank = index + 1;
    ranks.set(code, { rank, decile: Math.min(10, Math.ceil((10 * rank) / sorted.length)) });
  });
  return ranks;
}
