import type { OrganisationDetails, Provenance, ServiceDetails } from './model.js';

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
