/**
 * What the partnership dashboard picks out of an action plan: overdue actions, those due soon and those done
 * this quarter. Pure: today is passed in as an ISO date (YYYY-MM-DD).
 */
import { isOpen, isOverdue, type ActionFacts } from './actions.js';
import { addDays } from '../shared/calendar-days.js';

/** "Due soon" means due today or within this many days, and neither done nor dropped. */
export const DASHBOARD_DUE_SOON_DAYS = 14;

export interface Quarter {
  /** The first day, YYYY-MM-DD. */
  readonly start: string;
  /** The last day, YYYY-MM-DD. */
  readonly end: string;
  /** "October to December 2026". */
  readonly label: string;
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The calendar quarter (January to March, April to June, …) that a day falls in. */
export function quarterOf(isoDay: string): Quarter {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const last = first + 2;
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return {
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDay)}`,
    label: `${monthNames[first - 1] ?? ''} to ${monthNames[last - 1] ?? ''} ${year}`,
  };
}

export interface ActionHighlights<T> {
  /** Due before today and still open, longest overdue first. */
  readonly overdue: readonly T[];
  /** Due from today to `DASHBOARD_DUE_SOON_DAYS` days ahead and still open, soonest first. */
  readonly dueSoon: readonly T[];
  /** Done, and last changed (marked done) in today's calendar quarter, most recent first. */
  readonly doneThisQuarter: readonly T[];
  readonly quarter: Quarter;
  /** The last day that counts as due soon. */
  readonly dueSoonUntil: string;
}

type Highlightable = Pick<ActionFacts, 'dueOn' | 'status'> & { readonly updatedAt: string };

/**
 * The plan's highlights on `today`. An action records no separate completion date, so one that is done counts
 * as done when it was last changed (`updatedAt`, the day it was marked done or noted afterwards).
 */
export function actionHighlights<T extends Highlightable>(
  actions: readonly T[],
  today: string,
): ActionHighlights<T> {
  const byDue = (a: T, b: T) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '');
  const dueSoonUntil = addDays(today, DASHBOARD_DUE_SOON_DAYS);
  const quarter = quarterOf(today);
  const doneDay = (action: T) => action.updatedAt.slice(0, 10);
  return {
    overdue: actions.filter((action) => isOverdue(action, today)).sort(byDue),
    dueSoon: actions
      .filter(
        (action) =>
          isOpen(action) && action.dueOn !== null && action.dueOn >= today && action.dueOn <= dueSoonUntil,
      )
      .sort(byDue),
    doneThisQuarter: actions
      .filter(
        (action) =>
          action.status === 'done' && doneDay(action) >= quarter.start && doneDay(action) <= quarter.end,
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    quarter,
    dueSoonUntil,
  };
}
