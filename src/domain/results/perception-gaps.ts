/** Council-side and community-side medians that differ by this much or more are a perception gap. */
export const PERCEPTION_GAP_THRESHOLD = 1;

/** One indicator seen from both sides: the row a results page or CSV shows for it. */
export interface IndicatorComparison {
  readonly indicatorCode: string;
  readonly principleCode: string;
  /** The council side's median, or `null` when that side has no data or no levels for this indicator. */
  readonly councilMedian: number | null;
  readonly communityMedian: number | null;
  /** communityMedian − councilMedian; `null` unless both sides have a median. */
  readonly difference: number | null;
  /** Whether |difference| ≥ 1.0. */
  readonly perceptionGap: boolean;
}

export interface PerceptionGap {
  readonly indicatorCode: string;
  readonly principleCode: string;
  readonly councilMedian: number;
  readonly communityMedian: number;
  /** Signed: community minus council. Negative when the council side rates the indicator higher. */
  readonly difference: number;
}

export function compareSides(
  indicatorCode: string,
  principleCode: string,
  councilMedian: number | null,
  communityMedian: number | null,
): IndicatorComparison {
  const difference =
    councilMedian === null || communityMedian === null ? null : communityMedian - councilMedian;
  return {
    indicatorCode,
    principleCode,
    councilMedian,
    communityMedian,
    difference,
    perceptionGap: difference !== null && Math.abs(difference) >= PERCEPTION_GAP_THRESHOLD,
  };
}

/**
 * The perception gaps among the comparisons (given in framework order): biggest absolute difference first,
 * ties kept in framework order. Medians are multiples of 0.5, so the comparison with 1.0 is exact.
 */
export function perceptionGaps(comparisons: readonly IndicatorComparison[]): PerceptionGap[] {
  const gaps: { gap: PerceptionGap; order: number }[] = [];
  comparisons.forEach((comparison, order) => {
    const { councilMedian, communityMedian, difference } = comparison;
    if (
      !comparison.perceptionGap ||
      councilMedian === null ||
      communityMedian === null ||
      difference === null
    ) {
      return;
    }
    const { indicatorCode, principleCode } = comparison;
    gaps.push({ gap: { indicatorCode, principleCode, councilMedian, communityMedian, difference }, order });
  });
  return gaps
    .sort((a, b) => Math.abs(b.gap.difference) - Math.abs(a.gap.difference) || a.order - b.order)
    .map(({ gap }) => gap);
}
