import type { Provenance } from './model.js';

/**
 * How a record's id in the source it first came from travels through our Open Referral UK feed, so that a round
 * trip (our export read into another directory) keeps the origin's ids rather than ours.
 *
 * Our own UUIDs stay the record `id`: the profile makes `id` a UUID unique in the feed, and an origin's id need
 * be neither (a spreadsheet row number, or the same id from two sources). The origin's id is published beside it,
 * in the place HSDS 3.0 gives each record for another system's id:
 * - an organisation: an `organization_identifiers` entry, identifier_type "Id in the {source} source";
 * - a location: `external_identifier`, with external_identifier_type "{source} id";
 * - a service (the UK profile has no identifier field for services): an attribute with link_type
 *   "source_identifier" and the value "{source}:{id}".
 * On import those win over the record's `id`; anything else (a UPRN, a charity number) is not taken for one.
 */

type Json = Record<string, unknown>;

export const sourceIdentifierLinkType = 'source_identifier';

export const organisationSourceIdentifierType = (provenance: Provenance): string =>
  `Id in the ${provenance.sourceKind} source`;

export const locationSourceIdentifierType = (provenance: Provenance): string => `${provenance.sourceKind} id`;

export const serviceSourceIdentifierValue = (provenance: Provenance): string =>
  `${provenance.sourceKind}:${provenance.sourceId}`;

const organisationType = /^Id in the [a-z][a-z0-9-]* source$/;
const locationType = /^[a-z][a-z0-9-]* id$/;
const serviceValue = /^[a-z][a-z0-9-]*:(.+)$/s;

const asObject = (value: unknown): Json | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
const asList = (value: unknown): Json[] =>
  Array.isArray(value) ? value.map(asObject).filter((item): item is Json => item !== null) : [];
const nonEmpty = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** The origin's id of a service published by a directory like ours, or null. */
export function originServiceId(service: Json): string | null {
  for (const attribute of asList(service.attributes)) {
    if (attribute.link_type !== sourceIdentifierLinkType) continue;
    const id = serviceValue.exec(nonEmpty(attribute.value) ?? '')?.[1];
    if (id) return id.trim();
  }
  return null;
}

/** The origin's id of an organisation published by a directory like ours, or null. */
export function originOrganisationId(organisation: Json): string | null {
  const entry = asList(organisation.organization_identifiers).find((identifier) =>
    organisationType.test(nonEmpty(identifier.identifier_type) ?? ''),
  );
  return nonEmpty(entry?.identifier);
}

/** The origin's id of a location published by a directory like ours, or null. */
export function originLocationId(location: Json): string | null {
  return locationType.test(nonEmpty(location.external_identifier_type) ?? '')
    ? nonEmpty(location.external_identifier)
    : null;
}
