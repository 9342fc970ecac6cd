import { organisationIdentifier } from './identifiers.js';
import type { NormalisedOrganisation } from './oruk-import-records.js';
import { asList, asObject, plain, text } from './oruk-json-values.js';
import { originOrganisationId } from './oruk-source-ids.js';
import { cleanEmail, cleanUrl } from './values.js';

/** A feed service's organisation, or null when it has no name. */
export function organisationOf(raw: unknown): NormalisedOrganisation | null {
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
