import type { ServiceLocation } from './model.js';
import type { FeedService } from './oruk-feed-records.js';
import { compact, postcodeDistrict } from './oruk-published-values.js';
import { locationSourceIdentifierType } from './oruk-source-ids.js';
import { commonGroundNamespace, stableUuid } from './stable-id.js';

/**
 * A service's place as an ORUK location, and the stable ids of places and of services at places. Hidden places
 * never appear; an area-only place appears with only its postcode district, in words: no name, address, point
 * or source id.
 */

type Json = { [key: string]: unknown };

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
