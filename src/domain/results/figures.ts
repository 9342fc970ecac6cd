import { summariseIndicator, type IndicatorFigures } from './indicator-figures.js';
import { summarisePrinciple, type PrincipleFigures } from './principle-figures.js';
import type { Rating } from './rating.js';
import { ownValue, type PrincipleInput, type ResponseInput } from './round-input.js';

/** Every indicator and principle figure for one set of responses (one group, or one side's pool). */
export interface Figures {
  /** In framework order: principles in order, each principle's indicators in order. */
  readonly indicators: readonly IndicatorFigures[];
  readonly principles: readonly PrincipleFigures[];
}

/**
 * Computes the figures for a set of responses. A group's figures and a side's pooled figures are computed
 * the same way, from the responses alone; which responses may be passed in is decided by the caller.
 */
export function computeFigures(
  principles: readonly PrincipleInput[],
  responses: readonly ResponseInput[],
): Figures {
  const indicators: IndicatorFigures[] = [];
  const principleFigures: PrincipleFigures[] = [];
  for (const principle of principles) {
    const medians: (number | null)[] = [];
    for (const code of principle.indicatorCodes) {
      const ratings = responses
        .map((response) => ownValue(response.ratings, code))
        .filter((rating): rating is Rating => rating !== undefined);
      const figures = summariseIndicator(code, ratings);
      indicators.push(figures);
      medians.push(figures.median);
    }
    principleFigures.push(summarisePrinciple(principle.code, medians));
  }
  return { indicators, principles: principleFigures };
}
