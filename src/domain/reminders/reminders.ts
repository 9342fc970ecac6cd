/**
 * Reminders: who is due which reminder, and the period that makes each one go once. Pure rules over ISO days
 * (YYYY-MM-DD, UK dates); the caller passes today's date. A reminder is sent once for each
 * (kind, subject, recipient, period): the period is what changes when a new reminder is due.
 */
import { daysBetween } from '../shared/calendar-days.js';

export const reminderKinds = [
  'round-open',
  'round-closing',
  'action-due',
  'stale-records',
  'funding-deadline',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const reminderKindLabels: Record<ReminderKind, { readonly label: string; readonly hint: string }> = {
  'round-open': {
    label: 'A round opens that you can answer as a member',
    hint: 'Sent once when a quick check or full assessment opens for your organisation’s group, unless you were invited to it by email.',
  },
  'round-closing': {
    label: 'A round you were invited to is closing',
    hint: 'Sent 7 days or less before the closing date, only if you have not submitted your answers.',
  },
  'action-due': {
    label: 'Actions your organisation owns are due or overdue',
    hint: 'Sent when an action is due within 7 days, when it becomes overdue, then weekly for up to 4 weeks.',
  },
  'stale-records': {
    label: 'Your organisation’s directory records need checking',
    hint: 'One email a month listing services nobody has checked for 12 months.',
  },
  'funding-deadline': {
    label: 'Funding deadlines for opportunities your organisation is interested in',
    hint: 'Sent 14 days and 3 days before the deadline.',
  },
};

export function isReminderKind(value: unknown): value is ReminderKind {
  return typeof value === 'string' && (reminderKinds as readonly string[]).includes(value);
}

/**
 * The period of a round-open notice, or null when the round is not open today. The period is the opening date,
 * so a round is announced once.
 */
export function roundOpenPeriod(
  round: { readonly opensOn: string; readonly closesOn: string; readonly closedAt: string | null },
  today: string,
): string | null {
  if (round.closedAt || today < round.opensOn || today > round.closesOn) return null;
  return `opens:${round.opensOn}`;
}

/** A round reminder goes this many days or fewer before the closing date. */
export const roundClosingDays = 7;

/**
 * The period of a round-closing reminder, or null when none is due: the round is open (not closed early,
 * opened already) and closes within 7 days. The period is the closing date, so moving it sends a new one.
 */
export function roundClosingPeriod(
  round: { readonly opensOn: string; readonly closesOn: string; readonly closedAt: string | null },
  today: string,
): string | null {
  if (round.closedAt || today < round.opensOn) return null;
  const left = daysBetween(today, round.closesOn);
  return left >= 0 && left <= roundClosingDays ? `closes:${round.closesOn}` : null;
}

/** An action due reminder goes this many days or fewer before the due date. */
export const actionDueDays = 7;
/** Overdue reminders go once when the action becomes overdue, then once a week for this many weeks. */
export const overdueReminderWeeks = 4;

export interface ActionReminder {
  readonly type: 'due' | 'overdue';
  /** Days until due (0 or more) or days overdue (1 or more). */
  readonly days: number;
  readonly period: string;
}

/**
 * Which action reminder is due, if any: open actions (not done or dropped) with a due date. "Due" once when it
 * is due within 7 days; "overdue" once in each of the first 4 weeks after the due date, then no more.
 */
export function actionReminder(
  action: { readonly dueOn: string | null; readonly status: string },
  today: string,
): ActionReminder | null {
  if (action.dueOn === null || action.status === 'done' || action.status === 'dropped') return null;
  const left = daysBetween(today, action.dueOn);
  if (left >= 0)
    return left <= actionDueDays ? { type: 'due', days: left, period: `due:${action.dueOn}` } : null;
  const overdue = -left;
  const week = Math.floor((overdue - 1) / 7);
  if (week >= overdueReminderWeeks) return null;
  return { type: 'overdue', days: overdue, period: `overdue:${action.dueOn}:week-${week + 1}` };
}

/** Stale-record digests go once a calendar month: the period is the month (YYYY-MM). */
export function staleDigestPeriod(today: string): string {
  return `month:${today.slice(0, 7)}`;
}

/** Funding deadline reminders go at these many days before the deadline (largest first). */
export const fundingReminderDays = [14, 3] as const;

export interface FundingReminder {
  readonly daysLeft: number;
  /** Which reminder point this is: 14 or 3 days before. */
  readonly point: number;
  readonly period: string;
}

/**
 * The funding reminder due, if any: the smallest reminder point the deadline is within. A partner who
 * registers interest 10 days before gets the 14-day reminder at once and the 3-day one later; a job that missed
 * a day still sends the point it is in, never an earlier one it has passed.
 */
export function fundingReminder(deadline: string | null, today: string): FundingReminder | null {
  if (deadline === null) return null;
  const left = daysBetween(today, deadline);
  if (left < 0) return null;
  const within = fundingReminderDays.filter((point) => left <= point);
  const point = within[within.length - 1];
  return point === undefined ? null : { daysLeft: left, point, period: `deadline:${deadline}:${point}-days` };
}
