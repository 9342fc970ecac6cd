import { decimalFromInput, formatMoney } from '../funding/decimal.js';
import { toPlainText } from './plain-text.js';
import {
  emptyEligibility,
  serviceStatuses,
  type Contact,
  type OrganisationDetails,
  type ServiceArea,
  type ServiceDetails,
  type ServiceLocation,
  type ServiceStatus,
  type WeeklyOpening,
} from './model.js';
import { esdTermUri, esdUriOf } from './esd-terms.js';
import { organisationIdentifier } from './identifiers.js';
import { originLocationId, originOrganisationId, originServiceId } from './oruk-source-ids.js';
import { suggestThemes, type ThemeVocabulary } from './themes.js';
import {
  cleanAge,
  cleanEmail,
  cleanPoint,
  cleanPostcode,
  cleanText,
  cleanTime,
  cleanUrl,
  cleanWeekday,
} from './values.js';

/**
 * One problem with one record of an import: which record (1 is the first in the list; 0 is the whole document),
 * which field, why, and whether the record was skipped or kept (with the value left out or put right).
 */
export interface RowProblem {
  readonly row: number;
  readonly field: string;
  readonly reason: string;
  readonly outcome: 'skipped' | 'kept';
}

export interface NormalisedOrganisation {
  readonly sourceId: string;
  readonly name: string;
  readonly identifier: string | null;
  readonly details: OrganisationDetails;
}

export interface NormalisedService {
  readonly row: number;
  /** The origin's id when the feed gives one (oruk-source-ids.ts), else the record's id in the feed. */
  readonly sourceId: string;
  /** The record's own id in the feed, or null when it has none. */
  readonly feedId: string | null;
  /** The organisation's source id; null when the feed names none (it goes under the placeholder). */
  readonly organisation: NormalisedOrganisation | null;
  readonly details: ServiceDetails;
  /** When the publisher last checked the record (ORUK assured_date), as an ISO date. */
  readonly lastCheckedAt: string | null;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
const asList = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map(asObject).filter((item): item is Json => item !== null) : [];
const text = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? cleanText(value) : null;
const plain = (value: unknown): string | null =>
  typeof value === 'string' ? toPlainText(value) || null : null;
const joined = (parts: readonly (string | null | undefined)[], separator = ', '): string | null =>
  parts.filter((part): part is string => !!part).join(separator) || null;

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

function organisationOf(raw: unknown): NormalisedOrganisation | null {
  const org = asObject(raw);
  const name = text(org?.name);
  if (!org || !name) return null;
  const identifiers = asList(org.organization_identifiers)
    .map((id) => organisationIdentifier(text(id.identifier_scheme) ?? '', text(id.identifier)))
    .filter((id): id is string => id !== null);
  const email = cleanEmail(org.email);
  return {
    sourceId: originOrganisationId(org) ?? text(org.id) ?? `name:${name.toLowerCase()}`,
    name,
    identifier: identifiers[0] ?? null,
    details: {
      description: plain(org.description),
      url: cleanUrl(org.website ?? org.url),
      email: email ?? null,
      phone: null,
      address: null,
      postcode: null,
    },
  };
}

function locationsOf(service: Json, row: number, problems: RowProblem[]): ServiceLocation[] {
  return asList(service.service_at_locations).flatMap((at, index) => {
    const location = asObject(at.location) ?? at;
    const address = asList(location.addresses ?? location.physical_addresses)[0];
    const point = cleanPoint(location.latitude, location.longitude);
    if (!point && (location.latitude !== undefined || location.longitude !== undefined)) {
      problems.push({
        row,
        field: `service_at_locations[${index}].location.latitude`,
        reason: `${String(location.latitude)}, ${String(location.longitude)} is not a point in the UK; the location is kept without a point`,
        outcome: 'kept',
      });
    }
    const postcode = cleanPostcode(address?.postal_code);
    if (address?.postal_code && !postcode) {
      problems.push({
        row,
        field: `service_at_locations[${index}].location.addresses.postal_code`,
        reason: `"${String(address.postal_code)}" is not a UK postcode; the location is kept without one`,
        outcome: 'kept',
      });
    }
    return [
      {
        sourceId: originLocationId(location) ?? text(location.id),
        name: text(location.name),
        address: address
          ? joined([text(address.address_1), text(address.address_2), text(address.city)])
          : null,
        postcode,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        visibility: 'public' as const,
      },
    ];
  });
}

const gssCode = /\b([EWSN]\d{8})\b/;

function areasOf(service: Json, row: number, problems: RowProblem[]): ServiceArea[] {
  return asList(service.service_areas).flatMap((area, index): ServiceArea[] => {
    const name = text(area.name ?? area.service_area);
    const code = gssCode.exec(`${text(area.uri) ?? ''} ${name ?? ''} ${text(area.extent) ?? ''}`)?.[1];
    if (code) return [{ kind: 'area', areaCode: code, name }];
    if (typeof area.extent === 'string' && /geojson/i.test(text(area.extent_type) ?? 'geojson')) {
      try {
        const geometry = asObject(JSON.parse(area.extent));
        if (geometry && /^(Multi)?Polygon$/.test(String(geometry.type)))
          return [{ kind: 'polygon', geojson: JSON.stringify(geometry), name }];
      } catch {
        // reported below
      }
    }
    if (area.extent !== undefined || area.uri !== undefined) {
      problems.push({
        row,
        field: `service_areas[${index}]`,
        reason: 'is neither an ONS area code nor a GeoJSON polygon; left out',
        outcome: 'kept',
      });
    }
    return [];
  });
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

function themesOf(service: Json, vocabulary: ThemeVocabulary, name: string, description: string): string[] {
  const termIds = new Set<string>();
  const termNames = new Set<string>();
  const termUris = new Set<string>();
  const terms = [
    ...asList(service.service_taxonomys).map((t) => asObject(t.taxonomy) ?? t),
    ...asList(service.taxonomy_terms),
    ...asList(service.attributes).map((a) => asObject(a.taxonomy_term) ?? a),
  ];
  for (const term of terms) {
    if (text(term.id)) termIds.add(String(term.id));
    const termName = text(term.name ?? term.term);
    if (termName) termNames.add(termName.toLowerCase());
    const uri = esdUriOf({
      termUri: text(term.term_uri ?? term.uri),
      code: text(term.code),
      id: text(term.id),
      vocabulary: text(term.vocabulary ?? term.taxonomy),
    });
    if (uri) termUris.add(uri);
  }
  const fromTerms = vocabulary.themes
    .filter(
      (theme) =>
        theme.orukTerms.some(
          (t) =>
            termIds.has(t.id) ||
            termNames.has(t.name.toLowerCase()) ||
            (t.code !== undefined && termUris.has(esdTermUri(t.vocabulary, t.code))),
        ) || termNames.has(theme.name.toLowerCase()),
    )
    .map((theme) => theme.id);
  if (fromTerms.length > 0) return fromTerms;
  const audiences = asList(service.pc_targetAudience).map((a) => text(a.audienceType) ?? '');
  return suggestThemes(vocabulary, [name, description, ...audiences].join(' \n '));
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
