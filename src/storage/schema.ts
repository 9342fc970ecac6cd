/** Row shapes of every table. Timestamps are ISO 8601 UTC strings and flags are 0/1 on both databases. */
import type {
  PartnershipsTable,
  OrganisationsTable,
  PartnershipProfilesTable,
} from './schema-partnerships.js';
import type {
  UsersTable,
  MembershipsTable,
  SessionsTable,
  OneTimeTokensTable,
  InvitationsTable,
  ApiTokensTable,
} from './schema-accounts.js';
import type {
  OutboxTable,
  AuditEventsTable,
  SettingsTable,
  ContentVersionsTable,
} from './schema-platform.js';
import type {
  AssessmentRoundsTable,
  RespondentGroupsTable,
  RoundInvitationsTable,
  ResponsesTable,
  ResponseRatingsTable,
  WorkshopRecordsTable,
  RoundResultSnapshotsTable,
} from './schema-assessments.js';
import type { ActionsTable, ActionIndicatorsTable, ActionProgressNotesTable } from './schema-actions.js';
import type { ImportJobsTable, ImportJobFileChunksTable } from './schema-imports.js';
import type {
  ServicesTable,
  ServiceThemesTable,
  ServiceLocationsTable,
  ServiceAreasTable,
  ServiceSchedulesTable,
  ServiceContactsTable,
} from './schema-directory.js';
import type { NeedsTable, GrantsTable, MatchingRunsTable } from './schema-needs.js';
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
import type { DirectoryVersionsTable, OrukFeedCountsTable } from './schema-feed-counts.js';

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
  directory_versions: DirectoryVersionsTable;
  oruk_feed_counts: OrukFeedCountsTable;
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
