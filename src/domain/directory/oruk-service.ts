import { decimalFromInput, formatMoney } from '../funding/decimal.js';
import {
  emptyEligibility,
  serviceStatuses,
  type Contact,
  type ServiceDetails,
  type ServiceStatus,
  type WeeklyOpening,
} from './model.js';
import { organisationOf } from './oruk-import-organisation.js';
import { areasOf, locationsOf } from './oruk-import-places.js';
import type { NormalisedService, RowProblem } from './oruk-import-records.js';
import { themesOf } from './oruk-import-themes.js';
import { asList, asObject, joined, plain, text, type Json } from './oruk-json-values.js';
import { originServiceId } from './oruk-source-ids.js';
import type { ThemeVocabulary } from './themes.js';
import { cleanAge, cleanEmail, cleanTime, cleanUrl, cleanWeekday } from './values.js';

/** Open Referral UK services (1.0 or 3.0 field names) read into directory services, reporting what is wrong. */

/** A cost option's amount by the one money rule ("£3.50"), in pounds unless the feed names its currency. */
function costAmountText(amount: unknown, currency: unknown): string | null {
  const decimal = decimalFromInput(amount);
  if (decimal === null) return null;
  return formatMoney(decimal, typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'GBP');
}

function isoDate(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function schedulesOf(service: Json): WeeklyOpening[] {
  const openings: WeeklyOpening[] = [];
  for (const schedule of asList(service.regular_schedules ?? service.schedules)) {
    const freq = text(schedule.freq)?.toUpperCase();
    if (freq && freq !== 'WEEKLY') continue;
    const opens = cleanTime(schedule.opens_at);
    const closes = cleanTime(schedule.closes_at);
    if (!opens || !closes) continue;
    const days = (text(schedule.byday ?? schedule.weekday) ?? '').split(/[,\s]+/);
    for (const day of days.map(cleanWeekday)) if (day) openings.push({ day, opens, closes });
  }
  return openings;
}

function contactsOf(service: Json): Contact[] {
  return asList(service.contacts).map((contact) => ({
    name: text(contact.name),
    role: text(contact.title),
    email: cleanEmail(contact.email) ?? null,
    phone: text(asList(contact.phones)[0]?.number),
  }));
}

/**
 * One Open Referral UK service (1.0 or 3.0 field names) as a directory service, or null when it cannot be
 * imported (the reason is added to `problems`). Smaller defects are reported and the value left out.
 */
export function normaliseOrukService(
  raw: unknown,
  row: number,
  vocabulary: ThemeVocabulary,
  problems: RowProblem[],
): NormalisedService | null {
  const service = asObject(raw);
  if (!service) {
    problems.push({
      row,
      field: '',
      reason: 'is not a service (a JSON object); skipped',
      outcome: 'skipped',
    });
    return null;
  }
  const feedId = text(service.id);
  const sourceId = originServiceId(service) ?? feedId;
  if (!sourceId) {
    problems.push({ row, field: 'id', reason: 'The service has no id; skipped', outcome: 'skipped' });
    return null;
  }
  const name = text(service.name);
  if (!name) {
    problems.push({
      row,
      field: 'name',
      reason: `The service ${sourceId} has no name; skipped`,
      outcome: 'skipped',
    });
    return null;
  }
  const description = plain(service.description) ?? '';
  if (!description) {
    problems.push({
      row,
      field: 'description',
      reason: `${name} has no description; imported without one`,
      outcome: 'kept',
    });
  }
  const email = cleanEmail(service.email);
  if (email === undefined) {
    problems.push({
      row,
      field: 'email',
      reason: `"${String(service.email)}" is not an email address; ${name} is imported without it`,
      outcome: 'kept',
    });
  }
  const rawStatus = (text(service.status) ?? 'active').toLowerCase();
  const status = (serviceStatuses as readonly string[]).includes(rawStatus)
    ? (rawStatus as ServiceStatus)
    : null;
  if (!status) {
    problems.push({
      row,
      field: 'status',
      reason: `"${rawStatus}" is not a status (active, inactive, defunct or temporarily closed); taken as active`,
      outcome: 'kept',
    });
  }
  const eligibility = asList(service.eligibilitys)[0];
  const minimumAge = cleanAge(service.minimum_age ?? eligibility?.minimum_age);
  const maximumAge = cleanAge(service.maximum_age ?? eligibility?.maximum_age);
  const costOptions = asList(service.cost_options).map((cost) =>
    joined(
      [text(cost.option), costAmountText(cost.amount, cost.currency), text(cost.amount_description)],
      ' ',
    ),
  );
  const accessibility = asList(service.service_at_locations)
    .flatMap((at) =>
      asList(
        (asObject(at.location) ?? at).accessibility ?? asObject(at.location)?.accessibility_for_disabilities,
      ),
    )
    .map((a) => text(a.description ?? a.accessibility));
  const audiences = asList(service.pc_targetAudience).map((a) => text(a.audienceType));
  const details: ServiceDetails = {
    name,
    description,
    url: cleanUrl(service.url),
    email: email ?? null,
    phone: text(asList(service.phones)[0]?.number),
    status: status ?? 'active',
    themes: themesOf(service, vocabulary, name, description),
    eligibility: {
      ...emptyEligibility,
      description: joined([
        plain(service.eligibility_description),
        text(eligibility?.eligibility),
        ...audiences,
      ]),
      minimumAge,
      maximumAge: minimumAge !== null && maximumAge !== null && maximumAge < minimumAge ? null : maximumAge,
    },
    cost: joined([plain(service.fees_description ?? service.fees), ...costOptions], '; '),
    howToAccess: joined([
      plain(service.application_process),
      text(service.attending_access),
      text(service.attending_type),
      text(service.deliverable_type),
      plain(service.pc_attendingAccess_additionalInfo),
    ]),
    languages: asList(service.languages)
      .map((l) => text(l.name ?? l.language))
      .filter((l): l is string => l !== null),
    accessibility: joined(accessibility, '; '),
    capacity: null,
    locations: locationsOf(service, row, problems),
    areas: areasOf(service, row, problems),
    schedules: schedulesOf(service),
    contacts: contactsOf(service),
  };
  const metadata = asObject(service.pc_metadata);
  return {
    row,
    sourceId,
    feedId,
    organisation: organisationOf(service.organization),
    details,
    lastCheckedAt: isoDate(service.assured_date ?? metadata?.date_assured),
  };
}
