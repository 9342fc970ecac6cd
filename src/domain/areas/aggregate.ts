/** How a ward or authority figure was worked out from its LSOAs. */
export type AggregationMethod = 'population-weighted mean' | 'plain mean';

export interface LsoaFigure {
  readonly value: number;
  /** People in the LSOA; null when not known. */
  readonly population: number | null;
}

export interface Aggregate {
  readonly value: number;
  readonly method: AggregationMethod;
  /** How many LSOA figures went in. */
  readonly count: number;
}

/**
 * A ward or authority figure from its LSOAs' figures: weighted by population when every LSOA's population is
 * known, otherwise the plain mean (the method says which). Undefined when there are no figures.
 */
export function aggregateFigures(figures: readonly LsoaFigure[]): Aggregate | undefined {
  const usable = figures.filter((f) => Number.isFinite(f.value));
  if (usable.length === 0) return undefined;
  const weighted = usable.every((f) => f.population !== null && f.population > 0);
  let sum = 0;
  let total = 0;
  for (const figure of usable) {
    const weight = weighted ? (figure.population as number) : 1;
    sum += figure.value * weight;
    total += weight;
  }
  return {
    value: sum / total,
    method: weighted ? 'population-weighted mean' : 'plain mean',
    count: usable.length,
  };
}

/** How many of the LSOAs are in each national decile (1 = most deprived 10% in England). */
export function decileCounts(deciles: readonly (number | null)[]): number[] {
  const counts = Array.from({ length: 10 }, () => 0);
  for (const decile of deciles) {
    if (decile !== null && decile >= 1 && decile <= 10) counts[decile - 1] = (counts[decile - 1] ?? 0) + 1;
  }
  return counts;
}
