import { daysBetween } from '../../domain/shared/calendar-days.js';
import { longDate } from '../../domain/shared/long-date.js';
import type { ActionReminder, FundingReminder } from '../../domain/reminders/reminders.js';
import type { ActionRecord } from '../actions/action-store.js';
import type { OpportunityRecord } from '../funding/funding-stores.js';
import type { RoundRecord } from '../assessments/assessment-store.js';
import type { ServiceSummary } from '../directory/directory-store.js';

/** The words of each reminder email. Plain text; links on lines of their own so mail programs make them links. */

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export interface Footer {
  readonly why: string;
  readonly stopLink: string;
  /** The preferences page, for people with an account. */
  readonly preferencesLink?: string;
}

export function footer(parts: Footer): string[] {
  return [
    '',
    '---',
    parts.why,
    'To stop these reminders, open this link (you do not need to sign in):',
    '',
    parts.stopLink,
    ...(parts.preferencesLink
      ? ['', 'Or choose which reminders you get on your account page:', '', parts.preferencesLink]
      : []),
  ];
}

export function roundClosingEmail(
  round: RoundRecord,
  partnershipName: string,
  today: string,
  link: string,
  stop: Footer,
) {
  const left = Math.max(0, daysBetween(today, round.closesOn));
  const when = left === 0 ? 'today' : `on ${longDate(round.closesOn)}`;
  return {
    subject: `Reminder: “${round.name}” closes ${when}`,
    text: [
      'Hello,',
      '',
      `${partnershipName} asked for your views in “${round.name}”. It closes ${when}${left > 0 ? ` (in ${days(left)})` : ''}.`,
      'If you have already started, your answers are saved: this link takes you back to them.',
      '',
      link,
      '',
      'This link is personal to you and replaces the one in our earlier email. Please do not forward it.',
      'Your answers are anonymous: nobody, including the organisers, can see one person’s answers.',
      ...footer(stop),
    ].join('\n'),
  };
}

export function actionEmail(
  action: ActionRecord,
  reminder: ActionReminder,
  partnershipName: string,
  link: string,
  stop: Footer,
) {
  const due = action.dueOn ? longDate(action.dueOn) : '';
  const subject =
    reminder.type === 'due'
      ? `Action due ${reminder.days === 0 ? 'today' : `on ${due}`}: ${action.title}`
      : `Overdue action: ${action.title}`;
  const status =
    reminder.type === 'due'
      ? `It is due ${reminder.days === 0 ? 'today' : `on ${due}, in ${days(reminder.days)}`}.`
      : `It was due on ${due} and is ${days(reminder.days)} overdue.`;
  return {
    subject,
    text: [
      'Hello,',
      '',
      `Your organisation owns this action in ${partnershipName}’s action plan:`,
      '',
      `“${action.title}”${action.leadName ? ` (lead: ${action.leadName})` : ''}`,
      '',
      status,
      'If it is done, or the date has changed, please update it so everyone can see where it stands:',
      '',
      link,
      ...footer(stop),
    ].join('\n'),
  };
}

export function staleRecordsEmail(
  organisationName: string,
  partnershipName: string,
  services: { readonly total: number; readonly items: readonly ServiceSummary[] },
  link: string,
  stillCorrectLink: (serviceId: string) => string,
  stop: Footer,
) {
  const count = services.total === 1 ? '1 service' : `${services.total} services`;
  const more = services.total - services.items.length;
  return {
    subject: `${count} from ${organisationName} ${services.total === 1 ? 'needs' : 'need'} checking`,
    text: [
      'Hello,',
      '',
      `Nobody has checked ${count} from ${organisationName} in ${partnershipName}’s directory for 12 months or more.`,
      'People use the directory to find help, so please check each one. Each link below shows what the directory says; if it is all still right, one button confirms it, and you can change what is out of date:',
      '',
      ...services.items.flatMap((s) => [`- ${s.name}`, `  ${stillCorrectLink(s.id)}`]),
      ...(more > 0 ? [`- and ${more} more`] : []),
      '',
      'Every service of yours that needs checking:',
      link,
      ...footer(stop),
    ].join('\n'),
  };
}

export function fundingDeadlineEmail(
  opportunity: OpportunityRecord,
  reminder: FundingReminder,
  organisationNames: readonly string[],
  link: string,
  stop: Footer,
) {
  const deadline = opportunity.deadline ? longDate(opportunity.deadline) : '';
  const when = reminder.daysLeft === 0 ? 'today' : `in ${days(reminder.daysLeft)}`;
  return {
    subject: `Funding deadline ${when}: ${opportunity.fundName}`,
    text: [
      'Hello,',
      '',
      `${organisationNames.join(' and ')} registered interest in “${opportunity.fundName}” from ${opportunity.funder}.`,
      `The deadline is ${deadline} (${when}).`,
      'See who else is bidding, and any joint bid planned, on the opportunity page:',
      '',
      link,
      ...footer(stop),
    ].join('\n'),
  };
}
