import type { OrganisationKind } from '../../domain/partnerships/organisation-kinds.js';

export interface OrganisationRecord {
  id: string;
  partnershipId: string;
  name: string;
  kind: OrganisationKind;
  identifier: string | null;
  createdAt: string;
}
