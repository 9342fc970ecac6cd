import { resolveThreshold } from './anonymity.js';
import { isRating, type Rating, type Side } from './rating.js';

export interface PrincipleInput {
  readonly code: string;
  readonly name: string;
  /** The principle's indicators in framework order; the order of principles then indicators is kept. */
  readonly indicatorCodes: readonly string[];
}

export interface GroupInput {
  readonly id: string;
  readonly name: string;
  readonly side: Side;
}

/** One respondent's answers. An indicator missing from `ratings` was skipped and is counted nowhere. */
export interface ResponseInput {
  readonly groupId: string;
  readonly ratings: Readonly<Record<string, Rating>>;
  /** Free-text comments by indicator code. */
  readonly comments?: Readonly<Record<string, string>>;
}

export interface RoundInput {
  readonly principles: readonly PrincipleInput[];
  readonly groups: readonly GroupInput[];
  readonly responses: readonly ResponseInput[];
  /** The anonymity threshold: default 5, never below 3 (see anonymity.ts). */
  readonly threshold?: number;
}

/** The value stored under `key` in a record, ignoring anything inherited (such as `constructor`). */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Checks the parts of a round the types cannot, and returns the threshold to use. Throws a RangeError for a
 * threshold below 3 and an Error naming the first problem for duplicate codes or ids, a response for a group
 * that is not in the round, or a rating that is not a level 1–4, "don't know" or "not applicable".
 * Ratings and comments for indicators outside the round's framework are ignored.
 */
export function validateRoundInput(input: RoundInput): number {
  const threshold = resolveThreshold(input.threshold);
  const principleCodes = new Set<string>();
  const indicatorCodes = new Set<string>();
  for (const principle of input.principles) {
    if (principleCodes.has(principle.code)) throw new Error(`Principle ${principle.code} is listed twice`);
    principleCodes.add(principle.code);
    for (const code of principle.indicatorCodes) {
      if (indicatorCodes.has(code)) throw new Error(`Indicator ${code} is listed twice`);
      indicatorCodes.add(code);
    }
  }
  const groupIds = new Set<string>();
  for (const group of input.groups) {
    if (groupIds.has(group.id)) throw new Error(`Respondent group ${group.id} is listed twice`);
    if (group.side !== 'council' && group.side !== 'community') {
      throw new Error(`Respondent group ${group.id} has no valid side`);
    }
    groupIds.add(group.id);
  }
  input.responses.forEach((response, index) => {
    if (!groupIds.has(response.groupId)) {
      throw new Error(`Response ${index + 1} is for respondent group ${response.groupId}, not in this round`);
    }
    for (const [code, rating] of Object.entries(response.ratings)) {
      if (!isRating(rating)) throw new Error(`Response ${index + 1} has an invalid rating for ${code}`);
    }
  });
  return threshold;
}
