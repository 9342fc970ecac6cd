import { weekdays, type Weekday } from './model.js';
import { isUuidShaped } from './stable-id.js';

/**
 * The query string of an Open Referral UK feed endpoint, checked: paging, and the UK profile's filters
 * (search, taxonomy_term_id, taxonomy_id, minimum_age, maximum_age, day, start_time, end_time) with postcode
 * and proximity (or latitude and longitude) on `/service_at_locations`; from HSDS 3.0, which the UK profile leaves
 * out, modified_after and organization_id on both, full on `/services` and format=json everywhere (ndjson is not
 * offered). Each problem says what to send instead.
 */

export const defaultPerPage = 50;
export const maxPerPage = 200;
/** The furthest a proximity search reaches, in metres. */
export const maxProximityMetres = 50_000;

/**
 * `minimal` is refused everywhere: the UK profile 3.0 takes it out of `/services` (its OpenAPI keeps the HSDS
 * parameter only among its components), and HSDS 3.0's "just id and modified date" answer would not be a valid
 * UK profile service list, which needs each service's name and status.
 */
export const minimalNotSupported =
  'minimal is not supported: the Open Referral UK profile 3.0 does not offer it, and its answer (only ids and dates) would not be a valid UK service list. To find what changed, use modified_after; per_page can be up to 200.';

export type FeedEndpoint =
  'services' | 'service_at_locations' | 'organizations' | 'taxonomies' | 'taxonomy_terms';

export interface FeedQuery {
  readonly page: number;
  readonly perPage: number;
  readonly text?: string;
  readonly taxonomyTermId?: string;
  readonly taxonomyId?: string;
  readonly minimumAge?: number;
  readonly maximumAge?: number;
  readonly day?: Weekday;
  /** HH:MM, 24-hour. */
  readonly startTime?: string;
  readonly endTime?: string;
  readonly postcode?: string;
  readonly near?: { readonly latitude: number; readonly longitude: number };
  readonly proximityMetres?: number;
  /** Only services changed at or after this moment (an ISO instant, UTC). */
  readonly modifiedAfter?: string;
  readonly organizationId?: string;
  /** Services in full, as `/services/{id}` gives them, instead of their one-to-one fields. */
  readonly full?: boolean;
}

export type FeedQueryResult =
  | { readonly ok: true; readonly query: FeedQuery }
  | { readonly ok: false; readonly problems: readonly string[] };

const filtersOf: Record<FeedEndpoint, readonly string[]> = {
  taxonomies: ['format'],
  taxonomy_terms: ['format'],
  organizations: ['format'],
  services: [
    'format',
    'modified_after',
    'organization_id',
    'full',
    'search',
    'taxonomy_term_id',
    'taxonomy_id',
    'minimum_age',
    'maximum_age',
    'day',
    'start_time',
    'end_time',
  ],
  service_at_locations: [
    'format',
    'modified_after',
    'organization_id',
    'search',
    'taxonomy_term_id',
    'taxonomy_id',
    'minimum_age',
    'maximum_age',
    'day',
    'start_time',
    'end_time',
    'postcode',
    'proximity',
    'latitude',
    'longitude',
  ],
};

const dayCodes: Record<string, Weekday> = {
  MO: 'monday',
  TU: 'tuesday',
  WE: 'wednesday',
  TH: 'thursday',
  FR: 'friday',
  SA: 'saturday',
  SU: 'sunday',
};

const single = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : Array.isArray(value) ? single(value[0]) : undefined;

export function parseFeedQuery(
  raw: Readonly<Record<string, unknown>>,
  endpoint: FeedEndpoint,
): FeedQueryResult {
  const problems: string[] = [];
  const allowed = new Set(['page', 'per_page', ...filtersOf[endpoint]]);
  for (const name of Object.keys(raw)) {
    if (name === 'minimal') {
      problems.push(minimalNotSupported);
    } else if (!allowed.has(name)) {
      problems.push(
        `${name} is not a filter of /${endpoint}; use ${[...allowed].join(', ')}, or leave it out.`,
      );
    }
  }
  const text = (name: string) => {
    const value = single(raw[name]);
    return value === undefined || value === '' ? undefined : value;
  };
  const whole = (name: string, min: number, max: number, fallback?: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; "${value}" is not.`);
      return fallback;
    }
    return Number(value);
  };
  const decimal = (name: string, min: number, max: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^-?\d+(\.\d+)?$/.test(value) || n < min || n > max) {
      problems.push(`${name} must be a number from ${min} to ${max}; "${value}" is not.`);
      return undefined;
    }
    return n;
  };
  const uuid = (name: string, where: string): string | undefined => {
    const value = text(name);
    if (value !== undefined && !isUuidShaped(value)) {
      problems.push(`${name} must be a UUID such as those in ${where}; "${value}" is not.`);
      return undefined;
    }
    return value?.toLowerCase();
  };
  const time = (name: string): string | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const match = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(value);
    if (!match) {
      problems.push(`${name} must be a time such as 09:30 or 17:00:00 (24-hour); "${value}" is not.`);
      return undefined;
    }
    return `${match[1] ?? ''}:${match[2] ?? ''}`;
  };
  const dayOf = (): Weekday | undefined => {
    const value = text('day');
    if (value === undefined) return undefined;
    const lower = value.toLowerCase();
    const day = dayCodes[value.toUpperCase()] ?? weekdays.find((d) => d === lower);
    if (!day) problems.push(`day must be a day such as MO, TU … SU or monday; "${value}" is not.`);
    return day;
  };

  const page = whole('page', 1, 1_000_000, 1) ?? 1;
  const perPage = whole('per_page', 1, maxPerPage, defaultPerPage) ?? defaultPerPage;
  const minimumAge = decimal('minimum_age', 0, 150);
  const maximumAge = decimal('maximum_age', 0, 150);
  const latitude = decimal('latitude', -90, 90);
  const longitude = decimal('longitude', -180, 180);
  const proximityMetres = decimal('proximity', 1, maxProximityMetres);
  if ((latitude === undefined) !== (longitude === undefined) && !problems.some((p) => /itude/.test(p))) {
    problems.push('Send latitude and longitude together, or neither.');
  }
  const postcode = text('postcode');
  if (postcode !== undefined && latitude !== undefined) {
    problems.push('Send a postcode or a latitude and longitude, not both.');
  }
  if (proximityMetres !== undefined && postcode === undefined && latitude === undefined) {
    problems.push('proximity needs a postcode, or a latitude and longitude, to measure from.');
  }
  const format = text('format');
  if (format !== undefined && format.toLowerCase() !== 'json') {
    problems.push(`format must be json (this feed does not stream ndjson); "${format}" is not.`);
  }
  const search = text('search');
  const query: FeedQuery = {
    page,
    perPage,
    ...(search !== undefined ? { text: search.slice(0, 200) } : {}),
    ...optional('taxonomyTermId', uuid('taxonomy_term_id', '/taxonomy_terms')),
    ...optional('taxonomyId', uuid('taxonomy_id', '/taxonomies')),
    ...optional('organizationId', uuid('organization_id', '/organizations')),
    ...optional('modifiedAfter', instant(text('modified_after'), problems)),
    ...optional('full', yesNo(text('full'), problems)),
    ...optional('minimumAge', minimumAge),
    ...optional('maximumAge', maximumAge),
    ...optional('day', dayOf()),
    ...optional('startTime', time('start_time')),
    ...optional('endTime', time('end_time')),
    ...optional('postcode', postcode),
    ...(latitude !== undefined && longitude !== undefined ? { near: { latitude, longitude } } : {}),
    ...optional('proximityMetres', proximityMetres),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query };
}

const isoInstant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

/** modified_after as an ISO instant in UTC; a date alone means its midnight in UTC. */
function instant(value: string | undefined, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  const time = isoInstant.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    problems.push(
      `modified_after must be a date and time such as 2026-03-02T09:00:00Z (or a date such as 2026-03-02); "${value}" is not.`,
    );
    return undefined;
  }
  return new Date(time).toISOString();
}

function yesNo(value: string | undefined, problems: string[]): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  problems.push(`full must be true or false; "${value}" is not.`);
  return undefined;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
