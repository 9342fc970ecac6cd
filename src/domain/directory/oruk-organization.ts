import { orukServiceSummary } from './oruk-export.js';
import type { FeedOrganisation, FeedService } from './oruk-feed-records.js';
import { orukOrganisation } from './oruk-organization-fields.js';

type Json = Record<string, unknown>;

/**
 * An organisation as `/organizations/{id}` answers it (HSDS 3.0 compiled organization): its own fields and its
 * services' one-to-one fields, without the organisation repeated inside each service.
 */
export function orukOrganizationWithServices(
  organisation: FeedOrganisation,
  services: readonly FeedService[],
): Json {
  return {
    ...orukOrganisation(organisation),
    services: services.map((service) => {
      const { organization: _organization, ...fields } = orukServiceSummary(service, organisation);
      return fields;
    }),
  };
}
