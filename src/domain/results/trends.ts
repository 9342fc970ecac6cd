import type { Side } from './rating.js';
import type { RoundResults } from './round-results.js';

/** How one side's median for one indicator moved between two rounds. */
export interface IndicatorTrend {
  readonly indicatorCode: string;
  /** The indicator's principle in the current round. */
  readonly principleCode: string;
  readonly previousMedian: number;
  readonly currentMedian: number;
  /** currentMedian − previousMedian: positive is an improvement. */
  readonly change: number;
}

export interface RoundComparison {
  /** Indicators in both rounds, in the current round's framework order (a quick check and a full round share 8). */
  readonly sharedIndicatorCodes: readonly string[];
  /** Per side, the shared indicators where both rounds have a median for that side, in framework order. */
  readonly council: readonly IndicatorTrend[];
  readonly community: readonly IndicatorTrend[];
}

function sideMedian(indicator: RoundResults['indicators'][number], side: Side): number | null {
  return side === 'council' ? indicator.councilMedian : indicator.communityMedian;
}

/**
 * Compares a round with the same partnership's previous round on the indicators both share. Each round's
 * figures already respect its own anonymity threshold, so a trend never uses a group that was not shown.
 */
export function compareRounds(current: RoundResults, previous: RoundResults): RoundComparison {
  const before = new Map(previous.indicators.map((indicator) => [indicator.indicatorCode, indicator]));
  const shared = current.indicators.filter((indicator) => before.has(indicator.indicatorCode));
  const trends = (side: Side): IndicatorTrend[] =>
    shared.flatMap((indicator) => {
      const earlier = before.get(indicator.indicatorCode);
      const previousMedian = earlier === undefined ? null : sideMedian(earlier, side);
      const currentMedian = sideMedian(indicator, side);
      if (previousMedian === null || currentMedian === null) return [];
      const { indicatorCode, principleCode } = indicator;
      return [
        {
          indicatorCode,
          principleCode,
          previousMedian,
          currentMedian,
          change: currentMedian - previousMedian,
        },
      ];
    });
  return {
    sharedIndicatorCodes: shared.map((indicator) => indicator.indicatorCode),
    council: trends('council'),
    community: trends('community'),
  };
}
