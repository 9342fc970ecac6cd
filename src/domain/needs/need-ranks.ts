import type { AnalysisArea, AnalysisIndicator } from './analysis-types.js';
import { nationalNeedPercentile } from './national-need.js';

/** Where an area stands by need: against England on one indicator, and among the areas analysed with it. */

/**
 * Need percentiles (0–100) of every area on one indicator, by area index, and whether each places the area in
 * England; NaN where the area has no value. England wins: a given national percentile (a ward's, weighted from
 * its LSOAs), else the national rank or decile. Only a statistic with no national position falls back to the
 * area's place among the analysed areas that have a value: the share of the others with less need, counting
 * ties as half (so the most in need is 100, the least 0, a lone area 50).
 */
export function indicatorPercentiles(
  areas: readonly AnalysisArea[],
  indicator: AnalysisIndicator,
): { percentiles: Float64Array; local: Uint8Array } {
  const percentiles = new Float64Array(areas.length).fill(Number.NaN);
  const local = new Uint8Array(areas.length);
  const ranked: { index: number; need: number }[] = [];
  const rankedAreas = indicator.rankedAreas ?? null;
  areas.forEach((area, index) => {
    const value = indicator.values.get(area.code);
    if (!value) return;
    const national =
      value.nationalPercentile ?? nationalNeedPercentile(value.rank, value.decile, rankedAreas);
    if (national !== null && Number.isFinite(national)) {
      percentiles[index] = national;
    } else if (value.value !== null && Number.isFinite(value.value)) {
      ranked.push({ index, need: indicator.higherIsMoreNeed ? value.value : -value.value });
      local[index] = 1;
    }
  });
  const count = ranked.length;
  ranked.sort((a, b) => a.need - b.need);
  let start = 0;
  while (start < count) {
    const need = ranked[start]?.need;
    let end = start;
    while (end + 1 < count && ranked[end + 1]?.need === need) end += 1;
    // `start` areas have less need; the others in the tie count as half.
    const percentile = count === 1 ? 50 : ((start + (end - start) / 2) / (count - 1)) * 100;
    for (let i = start; i <= end; i += 1) percentiles[ranked[i]?.index ?? 0] = percentile;
    start = end + 1;
  }
  return { percentiles, local };
}

/**
 * Each area's place by need (1 = most; ties share the better place) among the areas with a score, by area
 * index; 0 where the area has none. Also how many areas have a score.
 */
export function localRanks(needs: ArrayLike<number>): { ranks: Int32Array; outOf: number } {
  const ranks = new Int32Array(needs.length);
  // Negated, so the typed array's own (numeric, fast) ascending sort puts the most need first.
  const negated = new Float64Array(needs.length);
  let outOf = 0;
  for (let i = 0; i < needs.length; i += 1) {
    const need = needs[i] as number;
    if (Number.isFinite(need)) negated[outOf++] = -need;
  }
  const sorted = negated.subarray(0, outOf).sort();
  for (let i = 0; i < needs.length; i += 1) {
    const need = needs[i] as number;
    if (!Number.isFinite(need)) continue;
    // 1 + how many areas have strictly more need, so equal needs share a place (1, 2, 2, 4).
    let low = 0;
    let high = outOf;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) < -need) low = middle + 1;
      else high = middle;
    }
    ranks[i] = low + 1;
  }
  return { ranks, outOf };
}
