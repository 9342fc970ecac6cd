import type { AccountStores } from './accounts/account-store.js';
import type { ActionStores } from './actions/action-store.js';
import type { AreaStores } from './areas/area-records.js';
import type { AssessmentStores } from './assessments/assessment-store.js';
import type { DirectoryStores } from './directory/directory-store.js';
import type { FeedStores } from './feeds/feed-subscription-store.js';
import type { FundingStores } from './funding/funding-stores.js';
import type { ImportStores } from './imports/import-job-store.js';
import type { MatchingStores } from './matching/matching-run-record.js';
import type { NationalStores } from './national/national-records.js';
import type { NeedStores } from './needs/need-store.js';
import type { PartnershipStores } from './partnerships/partnership-store.js';
import type { PrivacyStores } from './privacy/data-rights-store.js';
import type { ReminderStores } from './reminders/reminder-records.js';
import type { SharedStores } from './shared/shared-store.js';

/**
 * What the use-cases need from the outside world. Storage implements `Store`; main wires the rest. Each area of
 * app/ owns its part of the store and its records; this module puts the parts together and re-exports them.
 */
export interface Store
  extends
    AccountStores,
    PartnershipStores,
    SharedStores,
    AssessmentStores,
    ActionStores,
    ImportStores,
    DirectoryStores,
    FeedStores,
    AreaStores,
    NeedStores,
    FundingStores,
    MatchingStores,
    ReminderStores,
    NationalStores,
    PrivacyStores {
  /** Runs `work` in one database transaction: all of it is written, or none. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
}

export type { Clock, PasswordHasher, OutgoingEmail, MailSender } from './shared/system-ports.js';
export type {
  UserRecord,
  SessionRecord,
  OneTimeTokenPurpose,
  OneTimeTokenRecord,
  ApiTokenRecord,
} from './accounts/account-store.js';
export type {
  PartnershipRecord,
  MembershipRecord,
  MemberView,
  InvitationRecord,
} from './partnerships/partnership-store.js';
export type { OrganisationRecord } from './partnerships/organisation-record.js';
export type {
  OutboxStatus,
  OutboxMessage,
  OutboxClaim,
  OutboxMetadata,
  AuditEvent,
} from './shared/shared-store.js';
export type {
  RoundRecord,
  GroupRecord,
  ResponseStatus,
  ResponseRecord,
  RatingRecord,
  WorkshopRecord,
} from './assessments/assessment-store.js';
export type { RoundInvitationRecord, RoundInvitationSource } from './assessments/round-invitation-record.js';
export type { ActionRecord, ActionNoteRecord } from './actions/action-store.js';
export type { ImportJobStatus, ImportJobRecord, ImportJobChange } from './imports/import-job-store.js';
export type {
  DirectoryOrganisationRecord,
  ServiceRecord,
  ServiceSummary,
  ServiceQuery,
  ServiceFilter,
  PlaceFilter,
  ServiceDepth,
  ShownPlace,
  DirectoryRepository,
} from './directory/directory-store.js';
export type { NeedFilter, NeedStore } from './needs/need-store.js';
export type {
  GrantFilter,
  GrantStore,
  OpportunityRecord,
  InterestRecord,
  FundingStore,
  IntentionRecord,
  CommissioningStore,
} from './funding/funding-stores.js';
