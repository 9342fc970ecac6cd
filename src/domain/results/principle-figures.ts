import { median } from './statistics.js';

/** One principle for a group or side. There is deliberately no overall grade across principles. */
export interface PrincipleFigures {
  readonly principleCode: string;
  /** Median of the principle's indicator medians; `null` when none of its indicators has a median. */
  readonly median: number | null;
  /** How many of the principle's indicators had a median (and so went into it). */
  readonly indicatorsWithMedian: number;
  readonly indicatorCount: number;
}

/** Summarises a principle from its indicators' medians, leaving out indicators with no median. */
export function summarisePrinciple(
  principleCode: string,
  indicatorMedians: readonly (number | null)[],
): PrincipleFigures {
  const known = indicatorMedians.filter((value): value is number => value !== null);
  return {
    principleCode,
    median: median(known),
    indicatorsWithMedian: known.length,
    indicatorCount: indicatorMedians.length,
  };
}
