/** The results domain: medians, spread, anonymity, perception gaps, strengths, priorities and trends. */
export { DEFAULT_THRESHOLD, MINIMUM_THRESHOLD } from './anonymity.js';
export type { IndicatorFigures } from './indicator-figures.js';
export { PERCEPTION_GAP_THRESHOLD, type IndicatorComparison, type PerceptionGap } from './perception-gaps.js';
export type { PrincipleFigures } from './principle-figures.js';
export {
  DIFFERENCE_RULE_TEXT,
  DIFFERENCE_WORDS,
  SOME_DIFFERENCE_THRESHOLD,
  describeDifference,
  type DifferenceBand,
  type SideDifference,
} from './side-difference.js';
export { isRating, type Level, type Rating, type Side } from './rating.js';
export type { GroupInput, PrincipleInput, ResponseInput, RoundInput } from './round-input.js';
export {
  computeRoundResults,
  type GroupBelowThreshold,
  type GroupResult,
  type GroupWithFigures,
  type PrincipleComparison,
  type RoundResults,
  type SideIndicatorFigures,
  type SideResult,
  type SideWithFigures,
  type SideWithoutData,
} from './round-results.js';
export type { Spread } from './statistics.js';
export {
  RANKED_LIST_LENGTH,
  STRENGTH_MINIMUM_LEVEL,
  type RankedIndicator,
} from './strengths-and-priorities.js';
export { compareRounds, type IndicatorTrend, type RoundComparison } from './trends.js';
