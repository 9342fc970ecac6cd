import type { ServiceArea, Weekday } from './model.js';
import type { FeedOrganisation, FeedService } from './oruk-feed-records.js';
import { orukLocation, serviceAtLocationId } from './oruk-location.js';
import { orukOrganisation } from './oruk-organization-fields.js';
import { compact, isoDate, publishableEmail, publishableUrl } from './oruk-published-values.js';
import type { FeedTaxonomy, OrukTaxonomyTerm } from './oruk-taxonomy.js';
import { serviceSourceIdentifierValue, sourceIdentifierLinkType } from './oruk-source-ids.js';
import { stableUuid } from './stable-id.js';

/**
 * Our directory services as Open Referral UK 3.0 (HSDS 3.0 UK profile) objects: a service's one-to-one fields, a
 * service in full, and a service at one place. Optional fields are left out, never null. Child ids are stable
 * UUIDs made from their parent's id.
 */

type Json = { [key: string]: unknown };

const rruleDay: Record<Weekday, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

const seconds = (time: string): string => (time.length === 5 ? `${time}:00` : time);

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
