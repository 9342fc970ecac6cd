import { checkThreshold } from './anonymity.js';
import { poolComments } from './comments.js';
import { computeFigures } from './figures.js';
import type { IndicatorFigures } from './indicator-figures.js';
import {
  compareSides,
  perceptionGaps,
  type IndicatorComparison,
  type PerceptionGap,
} from './perception-gaps.js';
import type { PrincipleFigures } from './principle-figures.js';
import { SIDES, type Side } from './rating.js';
import { validateRoundInput, type ResponseInput, type RoundInput } from './round-input.js';
import { priorities, strengths, type RankedIndicator } from './strengths-and-priorities.js';

/**
 * A group below the threshold: nothing but how many more respondents it needs. It contributes to no other
 * figure in the results: not to its side, not to any count, not to any rate or comment list.
 */
export interface GroupBelowThreshold {
  readonly groupId: string;
  readonly groupName: string;
  readonly side: Side;
  readonly status: 'below-threshold';
  readonly respondents: number;
  /** threshold − respondents. */
  readonly needed: number;
}

/** A group that meets the threshold: its own figures. Its comments appear only pooled on its side. */
export interface GroupWithFigures {
  readonly groupId: string;
  readonly groupName: string;
  readonly side: Side;
  readonly status: 'meets-threshold';
  readonly respondents: number;
  readonly indicators: readonly IndicatorFigures[];
  readonly principles: readonly PrincipleFigures[];
}

export type GroupResult = GroupBelowThreshold | GroupWithFigures;

/** A side's figures for one indicator, with the side's pooled comments (alphabetical, unattributed). */
export interface SideIndicatorFigures extends IndicatorFigures {
  readonly comments: readonly string[];
}

export interface SideWithoutData {
  readonly side: Side;
  readonly status: 'no-data';
}

/** A side pooled from the responses of its groups that meet the threshold, and only those. */
export interface SideWithFigures {
  readonly side: Side;
  readonly status: 'has-data';
  /** The qualifying groups pooled, in round order. */
  readonly groupIds: readonly string[];
  /** The sum of the qualifying groups' respondents. */
  readonly respondents: number;
  readonly indicators: readonly SideIndicatorFigures[];
  readonly principles: readonly PrincipleFigures[];
}

export type SideResult = SideWithoutData | SideWithFigures;

/** One principle seen from both sides. */
export interface PrincipleComparison {
  readonly principleCode: string;
  readonly name: string;
  readonly indicatorCodes: readonly string[];
  readonly councilMedian: number | null;
  readonly communityMedian: number | null;
}

/**
 * Everything a results page, CSV export or API response needs for one round; plain data (absent figures
 * are `null`, so JSON keeps every key). There is no overall grade anywhere.
 */
export interface RoundResults {
  readonly threshold: number;
  /** Principles in framework order with each side's principle median. */
  readonly principles: readonly PrincipleComparison[];
  /** Indicators in framework order with each side's median and the difference. */
  readonly indicators: readonly IndicatorComparison[];
  /** Groups in round order. */
  readonly groups: readonly GroupResult[];
  readonly sides: { readonly council: SideResult; readonly community: SideResult };
  /** Perception gaps, biggest first. */
  readonly gaps: readonly PerceptionGap[];
  readonly strengths: readonly RankedIndicator[];
  readonly priorities: readonly RankedIndicator[];
}

function sideResult(input: RoundInput, side: Side, groups: readonly GroupResult[]): SideResult {
  const qualifying = groups.filter(
    (group): group is GroupWithFigures => group.side === side && group.status === 'meets-threshold',
  );
  if (qualifying.length === 0) return { side, status: 'no-data' };
  const ids = new Set(qualifying.map((group) => group.groupId));
  const pooled: ResponseInput[] = input.responses.filter((response) => ids.has(response.groupId));
  const figures = computeFigures(input.principles, pooled);
  return {
    side,
    status: 'has-data',
    groupIds: qualifying.map((group) => group.groupId),
    respondents: pooled.length,
    indicators: figures.indicators.map((indicator) => ({
      ...indicator,
      comments: poolComments(indicator.indicatorCode, pooled),
    })),
    principles: figures.principles,
  };
}

function medianOf<T extends { median: number | null }>(
  side: SideResult,
  pick: (result: SideWithFigures) => readonly T[],
  index: number,
): number | null {
  return side.status === 'has-data' ? (pick(side)[index]?.median ?? null) : null;
}

/**
 * Computes a round's results from its framework, groups, responses and anonymity threshold.
 * Throws a RangeError for a threshold below 3, and an Error for inconsistent input (see validateRoundInput).
 */
export function computeRoundResults(input: RoundInput): RoundResults {
  const threshold = validateRoundInput(input);

  const groups: GroupResult[] = input.groups.map((group) => {
    const responses = input.responses.filter((response) => response.groupId === group.id);
    const identity = { groupId: group.id, groupName: group.name, side: group.side };
    const check = checkThreshold(responses.length, threshold);
    if (!check.meetsThreshold) {
      return { ...identity, status: 'below-threshold', respondents: check.respondents, needed: check.needed };
    }
    const figures = computeFigures(input.principles, responses);
    return { ...identity, status: 'meets-threshold', respondents: check.respondents, ...figures };
  });

  const [council, community] = SIDES.map((side) => sideResult(input, side, groups)) as [
    SideResult,
    SideResult,
  ];

  const codes = input.principles.flatMap((principle) =>
    principle.indicatorCodes.map((code) => ({ code, principleCode: principle.code })),
  );
  const indicators = codes.map(({ code, principleCode }, index) =>
    compareSides(
      code,
      principleCode,
      medianOf(council, (side) => side.indicators, index),
      medianOf(community, (side) => side.indicators, index),
    ),
  );
  const principles = input.principles.map((principle, index) => ({
    principleCode: principle.code,
    name: principle.name,
    indicatorCodes: [...principle.indicatorCodes],
    councilMedian: medianOf(council, (side) => side.principles, index),
    communityMedian: medianOf(community, (side) => side.principles, index),
  }));

  const sidesWithData = {
    council: council.status === 'has-data',
    community: community.status === 'has-data',
  };
  return {
    threshold,
    principles,
    indicators,
    groups,
    sides: { council, community },
    gaps: perceptionGaps(indicators),
    strengths: strengths(indicators, sidesWithData),
    priorities: priorities(indicators, sidesWithData),
  };
}
