import type { Rating } from './rating.js';
import { median, spread, type Spread } from './statistics.js';

/** What one set of respondents (a group or a pooled side) said about one indicator. */
export interface IndicatorFigures {
  readonly indicatorCode: string;
  /** Ratings that gave a level 1–4. */
  readonly answered: number;
  readonly dontKnow: number;
  /** "Not applicable" ratings: counted, but left out of the median, the spread and the don't-know rate. */
  readonly notApplicable: number;
  /** dontKnow / (answered + dontKnow); `null` when both are 0. A high rate is itself a finding. */
  readonly dontKnowRate: number | null;
  /** Median of the levels; `null` when nobody gave a level. */
  readonly median: number | null;
  /** Min, max and interquartile range of the levels; `null` when nobody gave a level. */
  readonly spread: Spread | null;
}

/** Summarises the ratings given to one indicator. */
export function summariseIndicator(indicatorCode: string, ratings: readonly Rating[]): IndicatorFigures {
  const levels: number[] = [];
  let dontKnow = 0;
  let notApplicable = 0;
  for (const rating of ratings) {
    if (rating.kind === 'level') levels.push(rating.level);
    else if (rating.kind === 'dont-know') dontKnow += 1;
    else notApplicable += 1;
  }
  const answered = levels.length;
  return {
    indicatorCode,
    answered,
    dontKnow,
    notApplicable,
    dontKnowRate: answered + dontKnow === 0 ? null : dontKnow / (answered + dontKnow),
    median: median(levels),
    spread: spread(levels),
  };
}
