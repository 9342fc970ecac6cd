/**
 * Funding opportunities in the partnership's shared pipeline: who is offering money, for what, where and by
 * when. Pure rules: what a valid opportunity looks like and how the list is ordered. Dates are ISO days.
 */
import { isRealDate } from '../actions/actions.js';
import { isCurrency, parseAmount, type Currency } from './money.js';
import { daysBetween } from '../shared/calendar-days.js';

export const opportunityLimits = {
  funderMax: 160,
  fundMax: 160,
  linkMax: 500,
  notesMax: 4000,
  noteMax: 1000,
} as const;

/** An opportunity as stored, without ids and timestamps. */
export interface OpportunityDetails {
  readonly funder: string;
  readonly fundName: string;
  /** Minor units (pence). A single amount has min equal to max; either may be unknown. */
  readonly amountMin: number | null;
  readonly amountMax: number | null;
  readonly currency: Currency;
  readonly deadline: string | null;
  readonly themes: readonly string[];
  readonly areaCodes: readonly string[];
  readonly link: string;
  readonly notes: string;
}

/** The form as typed: every field a string, themes and areas as lists. */
export interface OpportunityDraft {
  readonly funder: string;
  readonly fundName: string;
  readonly amountMin: string;
  readonly amountMax: string;
  readonly currency: string;
  readonly deadline: string;
  readonly themes: readonly string[];
  readonly areaCodes: readonly string[];
  readonly link: string;
  readonly notes: string;
}

export interface OpportunityRules {
  readonly themeIds: ReadonlySet<string>;
  readonly areaCodes: ReadonlySet<string>;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problems: Record<string, string> };

function checkedLink(text: string): string | null {
  if (text === '') return '';
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Checks an opportunity as typed. Problems are keyed by field and say how to put them right. */
export function checkOpportunityDraft(
  draft: OpportunityDraft,
  rules: OpportunityRules,
): Checked<OpportunityDetails> {
  const problems: Record<string, string> = {};
  const funder = draft.funder.trim();
  if (funder === '' || funder.length > opportunityLimits.funderMax) {
    problems.funder = 'Enter the funder’s name, up to 160 characters';
  }
  const fundName = draft.fundName.trim();
  if (fundName === '' || fundName.length > opportunityLimits.fundMax) {
    problems.fundName = 'Enter the name of the fund, up to 160 characters';
  }
  const min = draft.amountMin.trim() === '' ? null : parseAmount(draft.amountMin);
  const max = draft.amountMax.trim() === '' ? null : parseAmount(draft.amountMax);
  if (draft.amountMin.trim() !== '' && min === null) {
    problems.amountMin = 'Enter the smallest award as a number, like 5000 or 5000.50, or leave it blank';
  }
  if (draft.amountMax.trim() !== '' && max === null) {
    problems.amountMax = 'Enter the largest award as a number, like 20000, or leave it blank';
  }
  if (min !== null && max !== null && min > max) {
    problems.amountMax = 'The largest award must be the same as or more than the smallest';
  }
  const currency = draft.currency.trim() === '' ? 'GBP' : draft.currency.trim();
  if (!isCurrency(currency)) problems.currency = 'Select the currency of the award';
  const deadline = draft.deadline.trim();
  if (deadline !== '' && !isRealDate(deadline))
    problems.deadline = 'Enter a real deadline, or leave it blank';
  const themes = [...new Set(draft.themes.map((t) => t.trim()).filter((t) => t !== ''))];
  if (themes.some((t) => !rules.themeIds.has(t))) problems.themes = 'Select themes from the list';
  const areaCodes = [...new Set(draft.areaCodes.map((a) => a.trim().toUpperCase()).filter((a) => a !== ''))];
  if (areaCodes.some((a) => !rules.areaCodes.has(a))) problems.areaCodes = 'Select areas from the list';
  const link = checkedLink(draft.link.trim());
  if (link === null || link.length > opportunityLimits.linkMax) {
    problems.link = 'Enter the full web address of the fund, starting with https://, or leave it blank';
  }
  const notes = draft.notes.trim();
  if (notes.length > opportunityLimits.notesMax) problems.notes = 'Notes must be 4,000 characters or fewer';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      funder,
      fundName,
      amountMin: min,
      amountMax: max,
      currency: currency as Currency,
      deadline: deadline === '' ? null : deadline,
      themes,
      areaCodes,
      link: link ?? '',
      notes,
    },
  };
}

export type DeadlineState = 'none' | 'closed' | 'today' | 'soon' | 'open';

/** Days within which a deadline counts as soon. */
export const deadlineSoonDays = 14;

/** How close a deadline is on `today`: passed (closed), today, within two weeks (soon), later, or unknown. */
export function deadlineState(deadline: string | null, today: string): DeadlineState {
  if (deadline === null) return 'none';
  if (deadline < today) return 'closed';
  if (deadline === today) return 'today';
  return daysBetween(today, deadline) <= deadlineSoonDays ? 'soon' : 'open';
}

/**
 * The pipeline's order: open deadlines soonest first, then those without a deadline, then passed deadlines
 * (most recent first), fund name breaking ties.
 */
export function byDeadline<T extends { deadline: string | null; fundName: string }>(
  opportunities: readonly T[],
  today: string,
): T[] {
  const rank = (o: T) => (o.deadline === null ? 1 : o.deadline < today ? 2 : 0);
  return [...opportunities].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (a.deadline !== null && b.deadline !== null && a.deadline !== b.deadline) {
      return rank(a) === 2 ? b.deadline.localeCompare(a.deadline) : a.deadline.localeCompare(b.deadline);
    }
    return a.fundName.localeCompare(b.fundName, 'en-GB');
  });
}
