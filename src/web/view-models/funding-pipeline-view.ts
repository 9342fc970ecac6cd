import type { OpportunityView } from '../../app/funding/opportunities.js';
import { clashSentence, interestRoleLabels } from '../../domain/funding/clashes.js';
import { formatRange } from '../../domain/funding/money.js';
import {
  deadlineState,
  type DeadlineState,
  type OpportunityDraft,
} from '../../domain/funding/opportunities.js';
import { amountInputText } from '../../domain/funding/money.js';
import type { OpportunityRecord } from '../../app/ports.js';

const deadlineTags: Record<DeadlineState, { text: string; classes: string } | undefined> = {
  none: undefined,
  closed: { text: 'Deadline passed', classes: 'govuk-tag--grey' },
  today: { text: 'Closes today', classes: 'govuk-tag--red' },
  soon: { text: 'Closes soon', classes: 'govuk-tag--orange' },
  open: undefined,
};

/** A pipeline entry as the list and the opportunity page show it. */
export function opportunityRow(
  view: OpportunityView,
  context: {
    readonly base: string;
    readonly today: string;
    readonly organisationName: (id: string) => string;
    readonly themeName: (id: string) => string;
    readonly areaName: (code: string) => string;
  },
) {
  const { opportunity: o, clash } = view;
  return {
    id: o.id,
    href: `${context.base}/${o.id}`,
    funder: o.funder,
    fundName: o.fundName,
    amount: formatRange(o.amountMin, o.amountMax, o.currency),
    deadline: o.deadline,
    deadlineTag: deadlineTags[deadlineState(o.deadline, context.today)],
    themes: o.themes.map(context.themeName),
    areas: o.areaCodes.map(context.areaName),
    link: o.link,
    notes: o.notes,
    clashKind: clash.kind,
    clashText: clashSentence(clash, context.organisationName),
    coordination: clash.kind === 'coordinating' ? clash.coordination : null,
    interests: view.interests.map((i) => ({
      organisationId: i.organisationId,
      organisationName: context.organisationName(i.organisationId),
      role: interestRoleLabels[i.role],
      isLead: i.role === 'lead',
      note: i.note,
    })),
  };
}

/** The opportunity form's values as typed. */
export type OpportunityFormValues = OpportunityDraft;

export function opportunityValuesFromBody(body: unknown): OpportunityFormValues {
  const field = (name: string) => {
    const value = (body as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    funder: field('funder'),
    fundName: field('fundName'),
    amountMin: field('amountMin'),
    amountMax: field('amountMax'),
    currency: field('currency'),
    deadline: dateFromBoxes(field('deadline-day'), field('deadline-month'), field('deadline-year')),
    themes: listField(body, 'themes'),
    areaCodes: listField(body, 'areaCodes'),
    link: field('link'),
    notes: field('notes'),
  };
}

export function opportunityValuesFromRecord(o: OpportunityRecord): OpportunityFormValues {
  return {
    funder: o.funder,
    fundName: o.fundName,
    amountMin: amountInputText(o.amountMin),
    amountMax: amountInputText(o.amountMax),
    currency: o.currency,
    deadline: o.deadline ?? '',
    themes: o.themes,
    areaCodes: o.areaCodes,
    link: o.link,
    notes: o.notes,
  };
}

/** A repeated form field (checkboxes) as a list of strings. */
export function listField(body: unknown, name: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The three date boxes as YYYY-MM-DD; '' when all are empty; something invalid when partly filled. */
export function dateFromBoxes(day: string, month: string, year: string): string {
  if (!day && !month && !year) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function dateBoxes(iso: string): { day: string; month: string; year: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return { day: '', month: '', year: '' };
  const part = (text: string | undefined) =>
    text === undefined || Number(text) === 0 ? '' : String(Number(text));
  return { day: part(match[3]), month: part(match[2]), year: match[1] === '0000' ? '' : (match[1] ?? '') };
}

/** Rule problem keys as the ids of the fields on the form. */
export function opportunityFieldIds(problems: Readonly<Record<string, string>>): Record<string, string> {
  const ids: Record<string, string> = { deadline: 'deadline-day', themes: 'themes', areaCodes: 'areaCodes' };
  return Object.fromEntries(Object.entries(problems).map(([key, message]) => [ids[key] ?? key, message]));
}
