import type { Generated } from 'kysely';

/** Row shapes: partnerships, their organisations and their profiles. */

export interface PartnershipsTable {
  id: string;
  slug: string;
  name: string;
  local_authority_code: string;
  created_at: string;
  /** The reach rule (km by rural-urban class); null is the default. */
  reach_urban_km: Generated<number | null>;
  reach_town_km: Generated<number | null>;
  reach_rural_km: Generated<number | null>;
}

export interface OrganisationsTable {
  id: string;
  partnership_id: string;
  name: string;
  kind: string;
  identifier: string | null;
  created_at: string;
  // Directory fields (migration 0007).
  description: string | null;
  url: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  source_kind: string | null;
  source_id: string | null;
  last_checked_at: string | null;
  last_checked_by: string | null;
  is_placeholder: Generated<number>;
  // When its published fields last changed after it was recorded (migration 0031).
  updated_at: string | null;
}

export interface PartnershipProfilesTable {
  partnership_id: string;
  framework_version: string | null;
  region: string | null;
  benchmark_opt_in: Generated<number>;
  benchmark_changed_at: string | null;
  updated_at: string;
}
