/**
 * How long a partnership keeps people's individual answers and invitation email addresses after a round
 * closes. After the period, the round's results are kept as a saved copy and the individual answers are
 * deleted. Pure: dates are passed in as YYYY-MM-DD text.
 */

/** The periods a partnership can choose, in months; `null` keeps individual answers for as long as the round. */
export const retentionMonthChoices = [6, 12, 24, 36] as const;
export type RetentionMonths = (typeof retentionMonthChoices)[number];

export interface RetentionPolicy {
  /** Months after a round closes; null keeps individual answers. */
  readonly months: RetentionMonths | null;
  /** Also leave comments out of the kept results when the answers are deleted. */
  readonly removeComments: boolean;
}

export const defaultRetentionPolicy: RetentionPolicy = { months: null, removeComments: false };

export function isRetentionMonths(value: unknown): value is RetentionMonths {
  return typeof value === 'number' && (retentionMonthChoices as readonly number[]).includes(value);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date plus whole months; the day is kept, or the month's last day when it has fewer days. */
export function addMonths(date: string, months: number): string {
  const match = isoDate.exec(date);
  if (!match) throw new Error(`Not a date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** The day a round closed: the day it was closed early, or its closing date, whichever came first. */
export function roundClosedOn(round: {
  readonly closesOn: string;
  readonly closedAt: string | null;
}): string {
  const closedEarly = round.closedAt?.slice(0, 10);
  return closedEarly && closedEarly < round.closesOn ? closedEarly : round.closesOn;
}

/** The first day on which the round's individual answers are due to be deleted, or null when they are kept. */
export function answersDeletedOn(
  round: { readonly closesOn: string; readonly closedAt: string | null },
  policy: RetentionPolicy,
): string | null {
  return policy.months === null ? null : addMonths(roundClosedOn(round), policy.months);
}

/** Whether the round's individual answers should be deleted by `today` (YYYY-MM-DD). */
export function isDueForDeletion(
  round: { readonly closesOn: string; readonly closedAt: string | null },
  policy: RetentionPolicy,
  today: string,
): boolean {
  const due = answersDeletedOn(round, policy);
  return due !== null && today >= due;
}

/** The policy in one plain sentence, for the settings page and the privacy notice. */
export function describeRetention(policy: RetentionPolicy): string {
  if (policy.months === null)
    return 'Individual answers are kept. Only the partnership’s results are ever shown.';
  const period =
    policy.months % 12 === 0
      ? `${policy.months / 12} ${policy.months === 12 ? 'year' : 'years'}`
      : `${policy.months} months`;
  const comments = policy.removeComments ? ', and comments are removed from the results' : '';
  return `Individual answers and invitation email addresses are deleted ${period} after a round closes${comments}. The results are kept.`;
}
