/** Row shapes of every table. Timestamps are ISO 8601 UTC strings and flags are 0/1 on both databases. */
import type { Generated } from 'kysely';
import type {
  AreaPopulationsTable,
  AreasTable,
  IndicatorDefinitionsTable,
  IndicatorValuesTable,
  LsoaChangesTable,
  PostcodesTable,
} from './schema-areas.js';
import type {
  CommissioningIntentionsTable,
  FundingInterestsTable,
  FundingOpportunitiesTable,
} from './schema-funding.js';
import type { ReminderOptOutsTable, RemindersSentTable } from './schema-reminders.js';
import type { SignInFailuresTable } from './schema-sign-in.js';
import type { ServiceLocalEditsTable } from './schema-directory-edits.js';
import type { OrganisationThemesTable } from './schema-organisation-themes.js';
import type { FeedSubscriptionPagesTable, FeedSubscriptionsTable } from './schema-feed-subscriptions.js';
import type { FeedHealthChecksTable } from './schema-feed-health-checks.js';

export interface Database {
  partnerships: PartnershipsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  one_time_tokens: OneTimeTokensTable;
  invitations: InvitationsTable;
  api_tokens: ApiTokensTable;
  outbox: OutboxTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  assessment_rounds: AssessmentRoundsTable;
  respondent_groups: RespondentGroupsTable;
  round_invitations: RoundInvitationsTable;
  responses: ResponsesTable;
  response_ratings: ResponseRatingsTable;
  workshop_records: WorkshopRecordsTable;
  actions: ActionsTable;
  action_indicators: ActionIndicatorsTable;
  action_progress_notes: ActionProgressNotesTable;
  import_jobs: ImportJobsTable;
  import_job_file_chunks: ImportJobFileChunksTable;
  services: ServicesTable;
  service_themes: ServiceThemesTable;
  service_locations: ServiceLocationsTable;
  service_areas: ServiceAreasTable;
  service_schedules: ServiceSchedulesTable;
  service_contacts: ServiceContactsTable;
  service_local_edits: ServiceLocalEditsTable;
  organisation_themes: OrganisationThemesTable;
  areas: AreasTable;
  area_populations: AreaPopulationsTable;
  indicator_definitions: IndicatorDefinitionsTable;
  indicator_values: IndicatorValuesTable;
  postcodes: PostcodesTable;
  lsoa_changes: LsoaChangesTable;
  needs: NeedsTable;
  grants: GrantsTable;
  funding_opportunities: FundingOpportunitiesTable;
  funding_interests: FundingInterestsTable;
  commissioning_intentions: CommissioningIntentionsTable;
  matching_runs: MatchingRunsTable;
  reminders_sent: RemindersSentTable;
  reminder_opt_outs: ReminderOptOutsTable;
  content_versions: ContentVersionsTable;
  partnership_profiles: PartnershipProfilesTable;
  round_result_snapshots: RoundResultSnapshotsTable;
  sign_in_failures: SignInFailuresTable;
  feed_subscriptions: FeedSubscriptionsTable;
  feed_subscription_pages: FeedSubscriptionPagesTable;
  feed_health_checks: FeedHealthChecksTable;
}

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

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_national_admin: number;
  created_at: string;
}

export interface MembershipsTable {
  id: string;
  partnership_id: string;
  user_id: string;
  role: string;
  organisation_id: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  current_partnership_id: string | null;
}

export interface OneTimeTokensTable {
  id: string;
  user_id: string;
  purpose: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  partnership_id: string;
  email: string;
  role: string;
  organisation_id: string | null;
  invited_by_user_id: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface OutboxTable {
  id: string;
  partnership_id: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  kind: string;
  status: string;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  next_attempt_at: string | null;
  claim_token: string | null;
  claimed_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  partnership_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  subject: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AssessmentRoundsTable {
  id: string;
  partnership_id: string;
  name: string;
  kind: string;
  framework_version: string;
  threshold: number;
  opens_on: string;
  closes_on: string;
  closed_at: string | null;
  threshold_locked_at: string | null;
  created_at: string;
  answers_version: Generated<number>;
}

export interface RespondentGroupsTable {
  id: string;
  round_id: string;
  kind: string;
  name: string;
  side: string;
  position: number;
  share_token_hash: string | null;
}

export interface RoundInvitationsTable {
  id: string;
  round_id: string;
  group_id: string;
  email: string;
  token_hash: string;
  created_at: string;
  /** 'invitation', or 'membership' for a member's own place to answer (migration 0023). */
  source: Generated<string>;
}

export interface ResponsesTable {
  id: string;
  round_id: string;
  group_id: string;
  respondent_key: string;
  status: string;
}

export interface ResponseRatingsTable {
  response_id: string;
  indicator_code: string;
  rating: string;
  comment: string | null;
  evidence_url: string | null;
}

export interface WorkshopRecordsTable {
  id: string;
  round_id: string;
  principle_code: string;
  agreed_level: number | null;
  reasons: string;
  agreed_actions: string;
  recorded_at: string;
  recorded_by: string;
}

export interface ActionsTable {
  id: string;
  partnership_id: string;
  round_id: string | null;
  title: string;
  description: string;
  side: string;
  owner_organisation_id: string | null;
  lead_name: string;
  due_on: string | null;
  status: string;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface ActionIndicatorsTable {
  action_id: string;
  indicator_code: string;
}

export interface ActionProgressNotesTable {
  id: string;
  action_id: string;
  note: string;
  noted_on: string;
  author_label: string;
  created_at: string;
}

export interface ImportJobsTable {
  id: string;
  partnership_id: string | null;
  kind: string;
  source_name: string;
  source_path: string;
  options: string;
  status: string;
  done: number;
  total: number;
  report: string | null;
  error: string | null;
  created_by_user_id: string | null;
  created_at: string;
  updated_at: string;
  owner_id: string | null;
  heartbeat_at: string | null;
}
/** An uploaded file's bytes, a piece at a time (base64), until its import no longer needs them. */
export interface ImportJobFileChunksTable {
  job_id: string;
  seq: number;
  data: string;
}
export interface ServicesTable {
  id: string;
  partnership_id: string;
  organisation_id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  cost: string | null;
  how_to_access: string | null;
  /** A JSON list of language names. */
  languages: string;
  accessibility: string | null;
  capacity_people: number | null;
  capacity_period: string | null;
  source_kind: string;
  source_id: string;
  last_checked_at: string | null;
  last_checked_by: string | null;
  last_checked_by_user_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceThemesTable {
  service_id: string;
  theme_id: string;
}

export interface ServiceLocationsTable {
  id: string;
  service_id: string;
  position: number;
  source_id: string | null;
  name: string | null;
  address: string | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
  visibility: string;
}

export interface ServiceAreasTable {
  id: string;
  service_id: string;
  position: number;
  kind: string;
  area_code: string | null;
  geojson: string | null;
  name: string | null;
}

export interface ServiceSchedulesTable {
  id: string;
  service_id: string;
  position: number;
  day: string;
  opens: string;
  closes: string;
}

export interface ServiceContactsTable {
  id: string;
  service_id: string;
  position: number;
  name: string | null;
  role: string | null;
  email: string | null;
  phone: string | null;
}

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

export interface ContentVersionsTable {
  id: string;
  kind: string;
  version: string;
  published_at: string;
  published_by: string | null;
  published_by_name: string | null;
}

export interface PartnershipProfilesTable {
  partnership_id: string;
  framework_version: string | null;
  region: string | null;
  benchmark_opt_in: Generated<number>;
  benchmark_changed_at: string | null;
  updated_at: string;
}

/** Migration 0017: a round's results kept after its individual answers were deleted. */
export interface RoundResultSnapshotsTable {
  round_id: string;
  results_json: string;
  progress_json: string;
  comments_removed: number;
  answers_deleted_at: string;
}
