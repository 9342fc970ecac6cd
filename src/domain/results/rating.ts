/** A maturity level: 1 Ad hoc, 2 Developing, 3 Established, 4 Embedded (content brief, "Maturity scale"). */
export type Level = 1 | 2 | 3 | 4;

/** One respondent's answer to one indicator. */
export type Rating = { kind: 'level'; level: Level } | { kind: 'dont-know' } | { kind: 'not-applicable' };

/** Which side of the relationship a respondent group speaks for. */
export type Side = 'council' | 'community';

export const SIDES: readonly Side[] = ['council', 'community'];

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Checks a rating read from storage or an import at run time (the type alone cannot stop a level of 7). */
export function isRating(value: unknown): value is Rating {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'dont-know' || kind === 'not-applicable') return true;
  return kind === 'level' && isLevel((value as { level?: unknown }).level);
}
