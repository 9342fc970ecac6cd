/**
 * The one rule for describing how differently the two sides see a principle or statement, used by every page,
 * report and export that says it (docs/results.md). It compares the council side's and the community side's
 * medians on the four-level answer scale by the size of the gap between them, whichever side is higher.
 */
import { PERCEPTION_GAP_THRESHOLD } from './perception-gaps.js';

/** A gap of at least this much (and under PERCEPTION_GAP_THRESHOLD) is "some difference". */
export const SOME_DIFFERENCE_THRESHOLD = 0.5;

export type DifferenceBand = 'much-the-same' | 'some-difference' | 'seen-differently';

export interface SideDifference {
  /** `not-comparable` unless both sides have a median. */
  readonly band: DifferenceBand | 'not-comparable';
  /** |community − council| in levels; `null` when not comparable. */
  readonly gap: number | null;
  /** How a person reads it: "seen much the same way", "some difference", "seen differently". */
  readonly words: string;
}

export const DIFFERENCE_WORDS: Readonly<Record<SideDifference['band'], string>> = {
  'much-the-same': 'seen much the same way',
  'some-difference': 'some difference',
  'seen-differently': 'seen differently',
  'not-comparable': 'not enough answers to compare',
};

/** The rule in words, for guidance text on screen and in reports. */
export const DIFFERENCE_RULE_TEXT =
  'We compare the two sides’ medians on the four-level scale. A gap of less than half a level is ' +
  '“seen much the same way”; half a level up to 1 level is “some difference”; 1 level or more is ' +
  '“seen differently” (a perception gap).';

function bandOf(gap: number): DifferenceBand {
  if (gap >= PERCEPTION_GAP_THRESHOLD) return 'seen-differently';
  if (gap >= SOME_DIFFERENCE_THRESHOLD) return 'some-difference';
  return 'much-the-same';
}

/** How differently the two sides see something, from each side's median (`null` for no median). */
export function describeDifference(council: number | null, community: number | null): SideDifference {
  if (council === null || community === null) {
    return { band: 'not-comparable', gap: null, words: DIFFERENCE_WORDS['not-comparable'] };
  }
  // Medians are multiples of 0.25; rounding keeps floating-point noise out of the comparison.
  const gap = Math.round(Math.abs(community - council) * 1000) / 1000;
  const band = bandOf(gap);
  return { band, gap, words: DIFFERENCE_WORDS[band] };
}
