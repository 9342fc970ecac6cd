import type { ActionRecord, MembershipRecord } from '../../../app/ports.js';
import { text } from '../../forms.js';

/** The add and change forms of an action: their values as typed, and the problems mapped to their fields. */

/** The form's values as typed, for showing the form again. */
export interface ActionFormValues {
  readonly title: string;
  readonly description: string;
  readonly indicatorCodes: readonly string[];
  readonly ownerOrganisationId: string;
  readonly side: string;
  readonly leadName: string;
  readonly dueOn: { day: string; month: string; year: string };
  readonly status: string;
  readonly suggestion: string;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/** Day, month and year fields as an ISO date; '' when all are blank, something invalid when partly filled. */
export function dateFromForm(body: unknown, prefix: string): string {
  const day = text(body, `${prefix}-day`);
  const month = text(body, `${prefix}-month`);
  const year = text(body, `${prefix}-year`);
  if (!day && !month && !year) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function dateFields(iso: string | null) {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export function valuesFromBody(body: unknown): ActionFormValues {
  return {
    title: text(body, 'title'),
    description: text(body, 'description'),
    indicatorCodes: list((body as Record<string, unknown> | undefined)?.indicatorCodes),
    ownerOrganisationId: text(body, 'ownerOrganisationId'),
    side: text(body, 'side'),
    leadName: text(body, 'leadName'),
    dueOn: { day: text(body, 'dueOn-day'), month: text(body, 'dueOn-month'), year: text(body, 'dueOn-year') },
    status: text(body, 'status'),
    suggestion: text(body, 'suggestion'),
  };
}

export function valuesFromAction(action: ActionRecord): ActionFormValues {
  return {
    title: action.title,
    description: action.description,
    indicatorCodes: action.indicatorCodes,
    ownerOrganisationId: action.ownerOrganisationId ?? '',
    side: action.side,
    leadName: action.leadName,
    dueOn: dateFields(action.dueOn),
    status: action.status,
    suggestion: '',
  };
}

/** A new action's form: linked to the indicator it was started from, owned by the member's organisation. */
export function blankValues(
  membership: MembershipRecord,
  indicatorCode: string | undefined,
): ActionFormValues {
  return {
    title: '',
    description: '',
    indicatorCodes: indicatorCode ? [indicatorCode] : [],
    ownerOrganisationId: membership.role === 'partnership-admin' ? '' : (membership.organisationId ?? ''),
    side: '',
    leadName: '',
    dueOn: dateFields(null),
    status: 'not-started',
    suggestion: '',
  };
}

/** Problem keys from the rules, as the ids of the fields on the form. */
export function fieldIds(problems: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems).map(([key, message]) => [key === 'dueOn' ? 'dueOn-day' : key, message]),
  );
}
