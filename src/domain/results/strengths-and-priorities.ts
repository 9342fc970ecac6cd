import type { IndicatorComparison } from './perception-gaps.js';

/** How many strengths and how many priorities a round lists. */
export const RANKED_LIST_LENGTH = 5;

/** The level an indicator must reach on every side to count as a strength (3, Established). */
export const STRENGTH_MINIMUM_LEVEL = 3;

export interface RankedIndicator {
  readonly indicatorCode: string;
  readonly principleCode: string;
  readonly councilMedian: number | null;
  readonly communityMedian: number | null;
  /** The lower of the side medians used (the only one when only one side has data). */
  readonly lowestMedian: number;
  /** |community − council|; 0 when only one side has data. */
  readonly gap: number;
}

/** Which sides have any data in the round (a side has data when at least one of its groups qualifies). */
export interface SidesWithData {
  readonly council: boolean;
  readonly community: boolean;
}

/**
 * The sides that count for ranking are the sides with data. An indicator can be ranked only when every such
 * side has a median for it: if the council side has data but gave the indicator only "don't know" or "not
 * applicable", agreement cannot be judged and the indicator is in neither list. With no side with data,
 * nothing is ranked.
 */
function rankable(comparisons: readonly IndicatorComparison[], sides: SidesWithData) {
  const ranked: { indicator: RankedIndicator; agreed: boolean; order: number }[] = [];
  if (!sides.council && !sides.community) return ranked;
  comparisons.forEach((comparison, order) => {
    const medians: number[] = [];
    for (const [hasData, median] of [
      [sides.council, comparison.councilMedian],
      [sides.community, comparison.communityMedian],
    ] as const) {
      if (!hasData) continue;
      if (median === null) return;
      medians.push(median);
    }
    const { indicatorCode, principleCode, councilMedian, communityMedian } = comparison;
    const indicator: RankedIndicator = {
      indicatorCode,
      principleCode,
      councilMedian,
      communityMedian,
      lowestMedian: Math.min(...medians),
      gap: Math.max(...medians) - Math.min(...medians),
    };
    ranked.push({ indicator, agreed: !comparison.perceptionGap, order });
  });
  return ranked;
}

/**
 * Strengths: the highest agreed levels. Rule, over the rankable indicators (see `rankable`):
 * 1. keep those with no perception gap whose lowest side median is at least 3 (Established);
 * 2. order by lowest side median, highest first; ties in framework order;
 * 3. take the first 5.
 */
export function strengths(
  comparisons: readonly IndicatorComparison[],
  sides: SidesWithData,
  limit = RANKED_LIST_LENGTH,
): RankedIndicator[] {
  return rankable(comparisons, sides)
    .filter(({ indicator, agreed }) => agreed && indicator.lowestMedian >= STRENGTH_MINIMUM_LEVEL)
    .sort((a, b) => b.indicator.lowestMedian - a.indicator.lowestMedian || a.order - b.order)
    .slice(0, limit)
    .map(({ indicator }) => indicator);
}

/**
 * Priorities: the lowest levels and the biggest gaps. Rule, over the rankable indicators (see `rankable`):
 * 1. leave out every indicator that is a strength by the rule above (no perception gap and lowest median
 *    at least 3), so no indicator is both; what is left is below Established on some side or has a gap;
 * 2. order by lowest side median, lowest first; then by gap, biggest first; ties in framework order;
 * 3. take the first 5.
 * Step 1 matters for a quick check of 8 indicators, where 5 strengths and 5 priorities would otherwise
 * overlap.
 */
export function priorities(
  comparisons: readonly IndicatorComparison[],
  sides: SidesWithData,
  limit = RANKED_LIST_LENGTH,
): RankedIndicator[] {
  return rankable(comparisons, sides)
    .filter(({ indicator, agreed }) => !(agreed && indicator.lowestMedian >= STRENGTH_MINIMUM_LEVEL))
    .sort(
      (a, b) =>
        a.indicator.lowestMedian - b.indicator.lowestMedian ||
        b.indicator.gap - a.indicator.gap ||
        a.order - b.order,
    )
    .slice(0, limit)
    .map(({ indicator }) => indicator);
}
