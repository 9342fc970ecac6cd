import type { FeedOrganisation } from './oruk-feed-records.js';
import { compact, publishableEmail, publishableUrl } from './oruk-published-values.js';
import { organisationSourceIdentifierType } from './oruk-source-ids.js';
import { stableUuid } from './stable-id.js';

type Json = { [key: string]: unknown };

/** An organisation's own fields as an ORUK organization, with its identifiers (charity, company, source). */
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
