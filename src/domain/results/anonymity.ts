/**
 * The anonymity threshold (design.md §5, "Safe with people's words"): a respondent group is shown only as an
 * aggregate, and only when at least the threshold of respondents answered. The threshold is the same for
 * every group in a round: 5 unless the round sets another, never below 3.
 */
export const DEFAULT_THRESHOLD = 5;
export const MINIMUM_THRESHOLD = 3;

/** The round's threshold, or the default; a RangeError when it is not a whole number of at least 3. */
export function resolveThreshold(threshold: number | undefined): number {
  if (threshold === undefined) return DEFAULT_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < MINIMUM_THRESHOLD) {
    throw new RangeError(
      `The anonymity threshold must be a whole number of at least ${MINIMUM_THRESHOLD}; got ${threshold}`,
    );
  }
  return threshold;
}

export type ThresholdCheck =
  | { readonly meetsThreshold: true; readonly respondents: number }
  | { readonly meetsThreshold: false; readonly respondents: number; readonly needed: number };

/**
 * Whether a group with this many respondents may be shown. Respondents are the group's responses, whatever
 * they answered (a response of only "don't know" still counts as a respondent).
 */
export function checkThreshold(respondents: number, threshold: number): ThresholdCheck {
  if (respondents >= threshold) return { meetsThreshold: true, respondents };
  return { meetsThreshold: false, respondents, needed: threshold - respondents };
}
