import { ownValue, type ResponseInput } from './round-input.js';

const collator = new Intl.Collator('en-GB');

/**
 * Alphabetical order that does not depend on who wrote what or when: English collation, then code units so
 * that two texts differing only in a way collation ignores still come out the same way every time.
 */
function alphabetical(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The comments made on one indicator by the given responses, trimmed, blanks dropped, sorted alphabetically.
 * Only plain strings come back: nothing links a comment to its group or respondent. Callers pass only the
 * responses of groups that meet the threshold, pooled for one side.
 */
export function poolComments(indicatorCode: string, responses: readonly ResponseInput[]): string[] {
  const comments: string[] = [];
  for (const response of responses) {
    const text = ownValue(response.comments, indicatorCode);
    if (typeof text === 'string' && text.trim() !== '') comments.push(text.trim());
  }
  return comments.sort(alphabetical);
}
