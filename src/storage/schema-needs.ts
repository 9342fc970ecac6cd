/** Row shapes: needs, grants and matching runs. */

export interface NeedsTable {
  id: string;
  partnership_id: string;
  area_code: string;
  theme: string;
  severity: number;
  people_affected: number | null;
  evidence: string;
  source: string;
  reporting_organisation_id: string | null;
  reported_on: string;
  source_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Migration 0012. Amounts are decimal text; locations and themes are JSON text. */
export interface GrantsTable {
  partnership_id: string;
  id: string;
  title: string;
  description: string;
  currency: string;
  amount_awarded: string;
  award_date: string;
  planned_start_date: string | null;
  planned_end_date: string | null;
  planned_duration_months: number | null;
  recipient_org_id: string | null;
  recipient_org_name: string | null;
  recipient_charity_number: string | null;
  recipient_company_number: string | null;
  recipient_location: string | null;
  matched_organisation_id: string | null;
  match_method: string;
  match_confidence: number | null;
  funding_org_id: string;
  funding_org_name: string;
  beneficiary_locations: string;
  grant_programme: string | null;
  grant_kind: string;
  themes: string;
  data_source: string | null;
  imported_at: string;
  standard_fields: string | null;
}

export interface MatchingRunsTable {
  id: string;
  partnership_id: string;
  /** JSON array of theme ids. */
  themes: string;
  max_km: number;
  need_units: number;
  met_units: number;
  unmet_units: number;
  service_count: number;
  total_cost: number;
  greedy_cost: number | null;
  input_json: string;
  result_json: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}
