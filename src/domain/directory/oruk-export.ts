import type {
  OrganisationDetails,
  Provenance,
  ServiceArea,
  ServiceDetails,
  ServiceLocation,
  Weekday,
} from './model.js';
import type { FeedTaxonomy, OrukTaxonomyTerm } from './oruk-taxonomy.js';
import {
  locationSourceIdentifierType,
  organisationSourceIdentifierType,
  serviceSourceIdentifierValue,
  sourceIdentifierLinkType,
} from './oruk-source-ids.js';
import { commonGroundNamespace, stableUuid } from './stable-id.js';

/**
 * Our directory records as Open Referral UK 3.0 (HSDS 3.0 UK profile) objects. Optional fields are left out,
 * never null. Hidden places never appear; an area-only place appears with only its postcode district, in words:
 * no name, address, point or source id. Child ids are stable UUIDs made from their parent's id.
 */

type Json = { [key: string]: unknown };

/** The fields of a service record the feed needs (a ServiceRecord has them all). */
export interface FeedService {
  readonly id: string;
  readonly partnershipId: string;
  readonly organisationId: string;
  readonly details: ServiceDetails;
  readonly provenance: Provenance;
  readonly lastCheckedAt: string | null;
  readonly updatedAt: string;
}

export interface FeedOrganisation {
  readonly id: string;
  readonly name: string;
  readonly identifier: string | null;
  readonly details: OrganisationDetails;
  readonly provenance: Provenance | null;
}

/** The id of a service at one of its places: stored with the place, so `/service_at_locations/{id}` finds it. */
export const serviceAtLocationId = (serviceId: string, position: number): string =>
  stableUuid(serviceId, `service_at_location:${position}`);

/**
 * One place's id: for a public place, the same for every service of the partnership at a place with the same
 * source id. An area-only place gets an id of its own, so it cannot be linked to a public place's address.
 */
export function locationId(service: FeedService, location: ServiceLocation, position: number): string {
  return location.sourceId && location.visibility === 'public'
    ? stableUuid(
        commonGroundNamespace,
        `location:${service.partnershipId}:${service.provenance.sourceKind}:${location.sourceId}`,
      )
    : stableUuid(service.id, `location:${position}`);
}

/** The object without its null, undefined and empty-text values. */
function compact<T extends Json>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== ''),
  ) as T;
}

const rruleDay: Record<Weekday, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

/** The outward half of a postcode ("M41"), all that an area-only place shows. */
export const postcodeDistrict = (postcode: string | null): string | null =>
  postcode?.trim().split(/\s+/)[0] ?? null;

/**
 * An email address strict enough for the schema's "email" format (the form ajv-formats checks), or null: a
 * record can hold an address our looser check let through, such as one ending in a full stop.
 */
const emailPattern =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
export const publishableEmail = (email: string | null): string | null =>
  email && emailPattern.test(email) ? email : null;

/** A web address with a scheme and no spaces (the schema's "uri" format), or null. */
export const publishableUrl = (url: string | null): string | null =>
  url && /^https?:\/\/[^\s/?#]+\.[^\s]*$/i.test(url) ? url : null;

const isoDate = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null);
const seconds = (time: string): string => (time.length === 5 ? `${time}:00` : time);

export function orukOrganisation(organisation: FeedOrganisation): Json {
  const d = organisation.details;
  const identifiers: Json[] = [];
  if (organisation.identifier) {
    const scheme = /^(GB-[A-Z]+|360G)-(.+)$/.exec(organisation.identifier);
    identifiers.push(
      compact({
        id: stableUuid(organisation.id, `identifier:${organisation.identifier}`),
        organization_id: organisation.id,
        identifier_scheme: scheme?.[1],
        identifier_type:
          scheme?.[1] === 'GB-CHC'
            ? 'Charity number'
            : scheme?.[1] === 'GB-COH'
              ? 'Company number'
              : 'Organisation identifier',
        identifier: scheme?.[2] ?? organisation.identifier,
      }),
    );
  }
  if (organisation.provenance) {
    identifiers.push({
      id: stableUuid(organisation.id, 'identifier:source'),
      organization_id: organisation.id,
      identifier_type: organisationSourceIdentifierType(organisation.provenance),
      identifier: organisation.provenance.sourceId,
    });
  }
  return {
    id: organisation.id,
    name: organisation.name,
    description: d.description ?? '',
    ...compact({
      email: publishableEmail(d.email),
      website: publishableUrl(d.url),
      organization_identifiers: identifiers.length > 0 ? identifiers : null,
    }),
  };
}

/** The one-to-one fields of a service and its organisation: what `/services` lists. */
export function orukServiceSummary(service: FeedService, organisation: FeedOrganisation): Json {
  const d = service.details;
  return {
    ...compact({
      id: service.id,
      organization_id: service.organisationId,
      name: d.name,
      description: d.description,
      url: publishableUrl(d.url),
      email: publishableEmail(d.email),
      status: d.status,
      fees: d.cost,
      minimum_age: d.eligibility.minimumAge,
      maximum_age: d.eligibility.maximumAge,
      assured_date: isoDate(service.lastCheckedAt),
      last_modified: service.updatedAt,
    }),
    attributes: [sourceAttribute(service)],
    organization: orukOrganisation(organisation),
  };
}

/** A place as an ORUK location, or null when it is hidden. */
export function orukLocation(service: FeedService, location: ServiceLocation, position: number): Json | null {
  if (location.visibility === 'hidden') return null;
  const id = locationId(service, location, position);
  const external =
    location.sourceId && location.visibility === 'public'
      ? {
          external_identifier: location.sourceId,
          external_identifier_type: locationSourceIdentifierType(service.provenance),
        }
      : {};
  if (location.visibility === 'area-only') {
    const district = postcodeDistrict(location.postcode);
    // Only the postcode district (docs/directory.md): not even the place's name, which may name a home.
    return compact({
      id,
      location_type: 'physical',
      description: district
        ? `In the ${district} postcode district. The exact address is not published.`
        : 'The exact address is not published.',
    });
  }
  const parts = (location.address ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const address =
    parts.length > 0 || location.postcode
      ? {
          id: stableUuid(id, 'address'),
          location_id: id,
          address_1: parts.length > 1 ? parts.slice(0, -1).join(', ') : (parts[0] ?? ''),
          city: parts.length > 1 ? (parts.at(-1) ?? '') : '',
          state_province: '',
          postal_code: location.postcode ?? '',
          country: 'GB',
          address_type: 'physical',
        }
      : null;
  const accessibility = service.details.accessibility
    ? [
        {
          id: stableUuid(id, `accessibility:${service.id}`),
          location_id: id,
          description: service.details.accessibility,
        },
      ]
    : null;
  return compact({
    id,
    location_type: 'physical',
    name: location.name,
    latitude: location.latitude,
    longitude: location.longitude,
    ...external,
    addresses: address ? [address] : null,
    accessibility,
  });
}

/** The service's shown places as service_at_location objects (hidden ones left out). */
function serviceAtLocations(service: FeedService): Json[] {
  return service.details.locations.flatMap((location, position) => {
    const shown = orukLocation(service, location, position);
    if (!shown) return [];
    return [
      {
        id: serviceAtLocationId(service.id, position),
        service_id: service.id,
        location_id: shown.id,
        location: shown,
      },
    ];
  });
}

function schedules(service: FeedService): Json[] {
  const byTimes = new Map<string, Weekday[]>();
  for (const opening of service.details.schedules) {
    const key = `${opening.opens}-${opening.closes}`;
    byTimes.set(key, [...(byTimes.get(key) ?? []), opening.day]);
  }
  return [...byTimes].map(([key, days], index) => {
    const [opens = '', closes = ''] = key.split('-');
    return {
      id: stableUuid(service.id, `schedule:${index}`),
      service_id: service.id,
      freq: 'WEEKLY',
      interval: 1,
      byday: [...new Set(days)].map((day) => rruleDay[day]).join(','),
      opens_at: seconds(opens),
      closes_at: seconds(closes),
    };
  });
}

function serviceAreas(service: FeedService): Json[] {
  return service.details.areas.map((area: ServiceArea, index) => {
    const id = stableUuid(service.id, `service_area:${index}`);
    return area.kind === 'area'
      ? compact({
          id,
          service_id: service.id,
          name: area.name ?? area.areaCode,
          service_area: area.name ?? area.areaCode,
          uri: `http://statistics.data.gov.uk/id/statistical-geography/${area.areaCode}`,
        })
      : compact({
          id,
          service_id: service.id,
          name: area.name,
          service_area: area.name,
          extent: area.geojson,
          extent_type: 'geojson',
        });
  });
}

function contacts(service: FeedService): Json[] {
  return service.details.contacts.map((contact, index) => {
    const id = stableUuid(service.id, `contact:${index}`);
    return compact({
      id,
      service_id: service.id,
      name: contact.name,
      title: contact.role,
      email: publishableEmail(contact.email),
      phones: contact.phone ? [{ id: stableUuid(id, 'phone'), contact_id: id, number: contact.phone }] : null,
    });
  });
}

const linkTypes: Record<string, string> = {
  esdNeeds: 'need',
  esdServiceTypes: 'service_type',
  esdCircumstances: 'circumstance',
};

function attributes(service: FeedService, taxonomy: FeedTaxonomy): Json[] {
  const terms = new Map<string, OrukTaxonomyTerm>();
  for (const theme of service.details.themes) {
    for (const term of taxonomy.termsOfTheme.get(theme) ?? []) terms.set(term.id, term);
  }
  const fromTerms = [...terms.values()].map((term) => ({
    id: stableUuid(service.id, `attribute:${term.id}`),
    link_id: service.id,
    link_entity: 'service',
    link_type: linkTypes[term.taxonomy] ?? 'theme',
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  }));
  return [...fromTerms, sourceAttribute(service)];
}

/** The service's id in the source it came from (see oruk-source-ids.ts). */
const sourceAttribute = (service: FeedService): Json => ({
  id: stableUuid(service.id, 'attribute:source'),
  link_id: service.id,
  link_entity: 'service',
  link_type: sourceIdentifierLinkType,
  value: serviceSourceIdentifierValue(service.provenance),
});

const nonEmpty = (list: Json[]): Json[] | null => (list.length > 0 ? list : null);

/** A service in full: what `/services/{id}` answers and what `export oruk` writes. */
export function orukService(
  service: FeedService,
  organisation: FeedOrganisation,
  taxonomy: FeedTaxonomy,
): Json {
  const d = service.details;
  const cost = d.cost
    ? [
        compact({
          id: stableUuid(service.id, 'cost_option:0'),
          service_id: service.id,
          amount: /^free\b/i.test(d.cost) ? 0 : null,
          amount_description: d.cost,
        }),
      ]
    : [];
  return {
    ...orukServiceSummary(service, organisation),
    ...compact({
      eligibility_description: d.eligibility.description,
      application_process: d.howToAccess,
      phones: d.phone
        ? [{ id: stableUuid(service.id, 'phone:0'), service_id: service.id, number: d.phone }]
        : null,
      schedules: nonEmpty(schedules(service)),
      service_areas: nonEmpty(serviceAreas(service)),
      service_at_locations: nonEmpty(serviceAtLocations(service)),
      languages: nonEmpty(
        d.languages.map((name, index) => ({
          id: stableUuid(service.id, `language:${index}`),
          service_id: service.id,
          name,
        })),
      ),
      cost_options: nonEmpty(cost),
      contacts: nonEmpty(contacts(service)),
    }),
    attributes: attributes(service, taxonomy),
  };
}

/** One service at one shown place, for `/service_at_locations`: the place and the service's one-to-one fields. */
export function orukServiceAtLocation(
  service: FeedService,
  organisation: FeedOrganisation,
  position: number,
  options: { readonly full?: FeedTaxonomy } = {},
): Json | null {
  const location = service.details.locations[position];
  const shown = location && orukLocation(service, location, position);
  if (!shown) return null;
  // The profile's OpenAPI answers `/service_at_locations/{id}` with its service schema, which requires a name and
  // a status: the service's own, so a reader expecting either shape finds them.
  return {
    id: serviceAtLocationId(service.id, position),
    name: service.details.name,
    status: service.details.status,
    service_id: service.id,
    location_id: shown.id,
    location: shown,
    service: options.full
      ? orukService(service, organisation, options.full)
      : orukServiceSummary(service, organisation),
  };
}

/** The HSDS page envelope around one page of items. */
export interface OrukPage<T> {
  readonly total_items: number;
  readonly total_pages: number;
  readonly page_number: number;
  readonly size: number;
  readonly first_page: boolean;
  readonly last_page: boolean;
  readonly empty: boolean;
  readonly contents: readonly T[];
}

export function orukPage<T>(
  contents: readonly T[],
  total: number,
  page: number,
  perPage: number,
): OrukPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: total === 0,
    contents,
  };
}
