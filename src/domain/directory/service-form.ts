import type { PartnershipRole } from '../accounts/roles.js';
import {
  capacityPeriods,
  serviceStatuses,
  type CapacityPeriod,
  type ServiceDetails,
  type ServiceStatus,
} from './model.js';
import { cleanAge, cleanEmail, cleanText, cleanUrl } from './values.js';

/**
 * Who may change a service: partnership admins change any; council and VCS members change their own
 * organisation's services only; viewers change none.
 */
export function mayEditService(
  member: { role: PartnershipRole; organisationId: string | null },
  service: { organisationId: string },
): boolean {
  if (member.role === 'partnership-admin') return true;
  if (member.role === 'viewer') return false;
  return member.organisationId !== null && member.organisationId === service.organisationId;
}

/** The fields of the service form, as typed. Themes are the ticked theme ids. */
export interface ServiceForm {
  readonly name: string;
  readonly description: string;
  readonly status: string;
  readonly themes: readonly string[];
  readonly url: string;
  readonly email: string;
  readonly phone: string;
  readonly eligibility: string;
  readonly minimumAge: string;
  readonly maximumAge: string;
  readonly cost: string;
  readonly howToAccess: string;
  readonly languages: string;
  readonly accessibility: string;
  readonly capacityPeople: string;
  readonly capacityPeriod: string;
}

export type ServiceFormCheck =
  { ok: true; value: ServiceDetails } | { ok: false; problems: Readonly<Record<string, string>> };

/** The form as it starts for an existing service. */
export function serviceFormFor(details: ServiceDetails): ServiceForm {
  return {
    name: details.name,
    description: details.description,
    status: details.status,
    themes: details.themes,
    url: details.url ?? '',
    email: details.email ?? '',
    phone: details.phone ?? '',
    eligibility: details.eligibility.description ?? '',
    minimumAge: details.eligibility.minimumAge?.toString() ?? '',
    maximumAge: details.eligibility.maximumAge?.toString() ?? '',
    cost: details.cost ?? '',
    howToAccess: details.howToAccess ?? '',
    languages: details.languages.join(', '),
    accessibility: details.accessibility ?? '',
    capacityPeople: details.capacity?.people.toString() ?? '',
    capacityPeriod: details.capacity?.period ?? '',
  };
}

const longText = (value: string): string | null => {
  const text = value.replace(/\r\n/g, '\n').trim();
  return text === '' ? null : text;
};

/**
 * Checks the service form against the service as it was (locations, areas, opening times and contacts are
 * kept as they were). Problems are keyed by field and say what to do.
 */
export function checkServiceForm(
  form: ServiceForm,
  before: ServiceDetails,
  themeIds: readonly string[],
): ServiceFormCheck {
  const problems: Record<string, string> = {};
  const name = cleanText(form.name) ?? '';
  if (name.length < 2 || name.length > 200)
    problems.name = 'Enter the service’s name, from 2 to 200 characters';
  const description = longText(form.description) ?? '';
  if (description.length > 10_000)
    problems.description = 'Shorten the description to 10,000 characters or fewer';
  const status = form.status as ServiceStatus;
  if (!(serviceStatuses as readonly string[]).includes(status))
    problems.status = 'Select whether the service is running';
  const unknownTheme = form.themes.find((t) => !themeIds.includes(t));
  if (unknownTheme) problems.themes = `Select themes from the list (there is no theme "${unknownTheme}")`;
  const url = form.url.trim() ? cleanUrl(form.url) : null;
  if (form.url.trim() && !url) problems.url = 'Enter a web address like www.example.org, or leave it blank';
  const email = cleanEmail(form.email);
  if (email === undefined) problems.email = 'Enter an email address like name@example.org, or leave it blank';
  const minimumAge = cleanAge(form.minimumAge);
  const maximumAge = cleanAge(form.maximumAge);
  if (form.minimumAge.trim() && minimumAge === null)
    problems.minimumAge = 'Enter the youngest age as a whole number from 0 to 120';
  if (form.maximumAge.trim() && maximumAge === null)
    problems.maximumAge = 'Enter the oldest age as a whole number from 0 to 120';
  if (minimumAge !== null && maximumAge !== null && maximumAge < minimumAge) {
    problems.maximumAge = 'The oldest age must be the same as or more than the youngest age';
  }
  let capacity: ServiceDetails['capacity'] = null;
  if (form.capacityPeople.trim()) {
    const people = Number(form.capacityPeople.trim().replace(/,/g, ''));
    if (!Number.isInteger(people) || people < 1 || people > 1_000_000) {
      problems.capacityPeople = 'Enter how many people as a whole number, like 40, or leave it blank';
    } else if (!(capacityPeriods as readonly string[]).includes(form.capacityPeriod)) {
      problems.capacityPeriod = 'Select whether that is a day, week, month or year';
    } else {
      capacity = { people, period: form.capacityPeriod as CapacityPeriod };
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...before,
      name,
      description,
      status,
      themes: themeIds.filter((id) => form.themes.includes(id)),
      url,
      email: email ?? null,
      phone: cleanText(form.phone),
      eligibility: { description: longText(form.eligibility), minimumAge, maximumAge },
      cost: longText(form.cost),
      howToAccess: longText(form.howToAccess),
      languages: form.languages
        .split(/[,;\n]/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
      accessibility: longText(form.accessibility),
      capacity,
    },
  };
}
