import type { IncomingOrganisation, IncomingService } from '../app/directory/directory-import.js';
import type { ImportProblem } from '../app/interchange.js';
import { organisationIdentifier } from '../domain/directory/identifiers.js';
import {
  capacityPeriods,
  locationVisibilities,
  serviceStatuses,
  type CapacityPeriod,
  type LocationVisibility,
  type ServiceArea,
  type ServiceStatus,
  type WeeklyOpening,
} from '../domain/directory/model.js';
import { toPlainText } from '../domain/directory/plain-text.js';
import {
  cleanAge,
  cleanEmail,
  cleanPoint,
  cleanPostcode,
  cleanText,
  cleanTime,
  cleanUrl,
  cleanWeekday,
} from '../domain/directory/values.js';
import { isOrganisationKind } from '../domain/partnerships/organisation-kinds.js';
import { requireColumns } from './csv-rows.js';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[;|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** "Mon 09:00-12:00; Fri 14:00-16:30" as weekly openings; the parts it cannot read are returned too. */
export function parseOpeningTimes(value: string | undefined): {
  openings: WeeklyOpening[];
  unread: string[];
} {
  const openings: WeeklyOpening[] = [];
  const unread: string[] = [];
  for (const part of list(value)) {
    const match = /^([A-Za-z]+)\s+(\S+?)\s*[-–]\s*(\S+)$/.exec(part);
    const day = match && cleanWeekday(match[1]);
    const opens = match && cleanTime(match[2]);
    const closes = match && cleanTime(match[3]);
    if (day && opens && closes && opens < closes) openings.push({ day, opens, closes });
    else unread.push(part);
  }
  return { openings, unread };
}

/**
 * Turns services CSV rows, one at a time and in order, into services. Remembers only what later rows are checked
 * against (each id's first row, each organisation) and the problems found, so a large file need not be held.
 */
export function servicesCsvRowReader(themeIds: readonly string[]) {
  const problems: ImportProblem[] = [];
  const organisations = new Map<string, IncomingOrganisation>();
  let newOrganisations: IncomingOrganisation[] = [];
  const firstRow = new Map<string, number>();
  let skipped = 0;

  /** The service on data row `index` (0 is the first), or undefined when the row is skipped. */
  function read(row: Record<string, string>, index: number): IncomingService | undefined {
    if (index === 0)
      requireColumns([row], ['id', 'name', 'organisation'], 'a services CSV (see docs/services-csv.md)');
    const line = index + 2;
    const problem = (field: string, reason: string, outcome: 'skipped' | 'kept' = 'kept') =>
      problems.push({ row: line, field, reason, outcome });
    const id = cleanText(row.id);
    const name = cleanText(row.name);
    const organisation = cleanText(row.organisation);
    if (!id || !name || !organisation) {
      skipped += 1;
      const field = !id ? 'id' : !name ? 'name' : 'organisation';
      problem(
        field,
        `is empty; every service needs an id, a name and an organisation. Row skipped`,
        'skipped',
      );
      return undefined;
    }
    if (firstRow.has(id)) {
      skipped += 1;
      problem('id', `${id} is also on row ${firstRow.get(id) ?? ''}; this second copy is skipped`, 'skipped');
      return undefined;
    }
    firstRow.set(id, line);
    const kind = (cleanText(row.organisation_kind) ?? 'vcs').toLowerCase();
    if (!isOrganisationKind(kind)) problem('organisation_kind', `"${kind}" is not a kind; taken as vcs`);
    const identifier = cleanText(row.organisation_identifier);
    const checkedIdentifier = identifier
      ? organisationIdentifier(identifier.replace(/-[^-]+$/, ''), identifier)
      : null;
    if (identifier && !checkedIdentifier)
      problem(
        'organisation_identifier',
        `"${identifier}" is not like GB-CHC-1234567 or GB-COH-01234567; left out`,
      );
    const organisationKey = organisation.toLowerCase();
    if (!organisations.has(organisationKey)) {
      const incoming: IncomingOrganisation = {
        sourceId: organisationKey,
        name: organisation,
        kind: isOrganisationKind(kind) ? kind : 'vcs',
        identifier: checkedIdentifier,
        details: { description: null, url: null, email: null, phone: null, address: null, postcode: null },
      };
      organisations.set(organisationKey, incoming);
      newOrganisations.push(incoming);
    }
    const status = (cleanText(row.status) ?? 'active').toLowerCase();
    if (!(serviceStatuses as readonly string[]).includes(status))
      problem(
        'status',
        `"${status}" is not active, inactive, defunct or temporarily closed; taken as active`,
      );
    const themes = list(row.themes).map((t) => t.toLowerCase());
    for (const theme of themes.filter((t) => !themeIds.includes(t)))
      problem('themes', `"${theme}" is not a theme; left out`);
    const email = cleanEmail(row.email);
    if (email === undefined) problem('email', `"${row.email ?? ''}" is not an email address; left out`);
    const url = cleanUrl(row.url);
    if (row.url?.trim() && !url) problem('url', `"${row.url}" is not a web address; left out`);
    const minimumAge = cleanAge(row.minimum_age);
    const maximumAge = cleanAge(row.maximum_age);
    for (const [field, raw, age] of [
      ['minimum_age', row.minimum_age, minimumAge],
      ['maximum_age', row.maximum_age, maximumAge],
    ] as const) {
      if (raw?.trim() && age === null) problem(field, `"${raw}" is not an age from 0 to 120; left out`);
    }
    const people = row.capacity_people?.trim() ? Number(row.capacity_people) : null;
    const period = (cleanText(row.capacity_period) ?? '').toLowerCase();
    let capacity: { people: number; period: CapacityPeriod } | null = null;
    if (people !== null) {
      if (Number.isInteger(people) && people > 0 && (capacityPeriods as readonly string[]).includes(period))
        capacity = { people, period: period as CapacityPeriod };
      else
        problem(
          'capacity_people',
          'capacity needs a whole number of people and a period (day, week, month or year); left out',
        );
    }
    const visibility = (cleanText(row.visibility) ?? 'public').toLowerCase();
    if (!(locationVisibilities as readonly string[]).includes(visibility))
      problem('visibility', `"${visibility}" is not public, area-only or hidden; taken as hidden to be safe`);
    const postcode = cleanPostcode(row.postcode);
    if (row.postcode?.trim() && !postcode)
      problem('postcode', `"${row.postcode}" is not a UK postcode; left out`);
    const point = cleanPoint(row.latitude, row.longitude);
    if ((row.latitude?.trim() || row.longitude?.trim()) && !point)
      problem('latitude', 'the latitude and longitude are not a point in the UK; left out');
    const address = cleanText(row.address);
    const locationName = cleanText(row.location_name);
    const hasLocation = !!(address || postcode || point || locationName);
    const areas: ServiceArea[] = [];
    for (const code of list(row.area_codes)) {
      if (/^[EWSN]\d{8}$/.test(code.toUpperCase()))
        areas.push({ kind: 'area', areaCode: code.toUpperCase(), name: null });
      else problem('area_codes', `"${code}" is not an ONS area code like E05000820; left out`);
    }
    const { openings, unread } = parseOpeningTimes(row.opening_times);
    for (const part of unread) problem('opening_times', `"${part}" is not like "Mon 09:00-17:00"; left out`);
    const contactEmail = cleanEmail(row.contact_email);
    if (contactEmail === undefined)
      problem('contact_email', `"${row.contact_email ?? ''}" is not an email address; left out`);
    const contact = {
      name: cleanText(row.contact_name),
      role: null,
      email: contactEmail ?? null,
      phone: cleanText(row.contact_phone),
    };
    const checked = cleanText(row.last_checked);
    const checkedAt =
      checked && !Number.isNaN(Date.parse(checked)) ? new Date(Date.parse(checked)).toISOString() : null;
    if (checked && !checkedAt)
      problem('last_checked', `"${checked}" is not a date like 2026-11-30; left out`);
    return {
      sourceId: id,
      organisationSourceId: organisationKey,
      lastCheckedAt: checkedAt,
      details: {
        name,
        description: toPlainText(row.description),
        url,
        email: email ?? null,
        phone: cleanText(row.phone),
        status: (serviceStatuses as readonly string[]).includes(status)
          ? (status as ServiceStatus)
          : 'active',
        themes: themeIds.filter((t) => themes.includes(t)),
        eligibility: {
          description: cleanText(row.eligibility),
          minimumAge,
          maximumAge:
            minimumAge !== null && maximumAge !== null && maximumAge < minimumAge ? null : maximumAge,
        },
        cost: cleanText(row.cost),
        howToAccess: cleanText(row.how_to_access),
        languages: list(row.languages),
        accessibility: cleanText(row.accessibility),
        capacity,
        locations: hasLocation
          ? [
              {
                sourceId: null,
                name: locationName,
                address,
                postcode,
                latitude: point?.latitude ?? null,
                longitude: point?.longitude ?? null,
                visibility: (locationVisibilities as readonly string[]).includes(visibility)
                  ? (visibility as LocationVisibility)
                  : 'hidden',
              },
            ]
          : [],
        areas,
        schedules: openings,
        contacts: contact.name || contact.email || contact.phone ? [contact] : [],
      },
    };
  }

  return {
    read,
    /** The organisations first named since the last call. */
    takeNewOrganisations(): IncomingOrganisation[] {
      const taken = newOrganisations;
      newOrganisations = [];
      return taken;
    },
    /** Every problem found so far, in row order. */
    problems: problems as readonly ImportProblem[],
    skipped: () => skipped,
  };
}
