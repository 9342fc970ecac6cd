/** Row shapes of the funding pipeline and commissioning tables (migration 0013). Lists are JSON text. */

export interface FundingOpportunitiesTable {
  id: string;
  partnership_id: string;
  funder: string;
  fund_name: string;
  /** Minor units; PostgreSQL returns bigint as a string. */
  amount_min: number | string | null;
  amount_max: number | string | null;
  currency: string;
  deadline: string | null;
  themes: string;
  area_codes: string;
  link: string;
  notes: string;
  coordination_kind: string | null;
  coordination_action_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FundingInterestsTable {
  id: string;
  partnership_id: string;
  opportunity_id: string;
  organisation_id: string;
  role: string;
  note: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CommissioningIntentionsTable {
  id: string;
  partnership_id: string;
  title: string;
  need_cells: string;
  outcomes: string;
  budget: number | string | null;
  currency: string;
  duration_months: number | null;
  route: string;
  service_ids: string;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
