import type { PartnershipRole } from '../domain/accounts/roles.js';
import type { OrganisationKind } from '../domain/partnerships/organisation-kinds.js';
import type { GroupKind, RoundKind } from '../domain/assessment/round-rules.js';
import type { Side } from '../domain/results/rating.js';
import type { ActionSide, ActionStatus } from '../domain/actions/actions.js';
import type { ReachClass } from '../domain/needs/reach-rule.js';
import type { AreaStore } from './areas/area-records.js';
import type { OrganisationRecord } from './partnerships/organisation-record.js';
import type { RoundInvitationRecord } from './assessments/round-invitation-record.js';
import type { MatchingRunStore } from './matching/matching-run-record.js';
import type { ReminderStore } from './reminders/reminder-records.js';
import type { NationalStore } from './national/national-records.js';
import type { DataRightsStore } from './privacy/data-rights-store.js';
import type { SignInFailureStore } from './accounts/sign-in-failure-store.js';

import type { DirectoryRepository } from './directory/directory-store.js';
import type { ServiceEditStore } from './directory/service-edits-store.js';
import type { OrganisationThemeStore } from './directory/organisation-themes-store.js';
import type { FeedSubscriptionStore } from './feeds/feed-subscription-store.js';
import type { FeedHealthCheckStore } from './feeds/feed-health-ports.js';
import type { NeedStore } from './needs/need-store.js';
import type { GrantStore, FundingStore, CommissioningStore } from './funding/funding-stores.js';

export type { OrganisationRecord } from './partnerships/organisation-record.js';
export type { RoundInvitationRecord, RoundInvitationSource } from './assessments/round-invitation-record.js';

/** What the use-cases need from the outside world. Storage implements `Store`; main wires the rest. */

export interface Clock {
  now(): Date;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** One email from the outbox: `id` is its outbox row, `kind` what it is for (such as `password-reset`). */
export interface OutgoingEmail {
  readonly id: string;
  readonly kind: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface MailSender {
  send(message: OutgoingEmail): Promise<void>;
}

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  isNationalAdmin: boolean;
  createdAt: string;
}

export interface PartnershipRecord {
  id: string;
  slug: string;
  name: string;
  localAuthorityCode: string;
  createdAt: string;
}

export interface MembershipRecord {
  id: string;
  partnershipId: string;
  userId: string;
  role: PartnershipRole;
  organisationId: string | null;
  createdAt: string;
}

export interface MemberView extends MembershipRecord {
  email: string;
  displayName: string;
  organisationName: string | null;
}

export interface SessionRecord {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  currentPartnershipId: string | null;
}

export type OneTimeTokenPurpose = 'password-reset' | 'set-password';

export interface OneTimeTokenRecord {
  id: string;
  userId: string;
  purpose: OneTimeTokenPurpose;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface InvitationRecord {
  id: string;
  tokenHash: string;
  partnershipId: string;
  email: string;
  role: PartnershipRole;
  organisationId: string | null;
  invitedByUserId: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** queued: waiting for its first try or a retry; sending: claimed by a delivery run; sent; failed: given up. */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxMessage {
  id: string;
  partnershipId: string | null;
  recipient: string;
  subject: string;
  bodyText: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  /** A queued message that failed waits until then; null means now. */
  nextAttemptAt: string | null;
}

/** What a delivery run asks for when it claims messages (all times ISO 8601). */
export interface OutboxClaim {
  /** Marks the rows as this run's, so only it can record their outcome. */
  readonly token: string;
  readonly now: string;
  /** A message left 'sending' since before this was cut off (a crash) and is claimed again. */
  readonly leaseExpiredBefore: string;
  /** A cut-off message that has had this many attempts, the cut-off one included, is failed, not claimed again. */
  readonly maximumAttempts: number;
  readonly limit: number;
}

export type OutboxMetadata = Omit<OutboxMessage, 'bodyText'>;

export interface AuditEvent {
  id: string;
  partnershipId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  subject: string;
  createdAt: string;
}

export interface RoundRecord {
  id: string;
  partnershipId: string;
  name: string;
  kind: RoundKind;
  frameworkVersion: string;
  threshold: number;
  opensOn: string;
  closesOn: string;
  closedAt: string | null;
  thresholdLockedAt: string | null;
  createdAt: string;
  /** Goes up whenever an answer changes; results computed at one version stay right until the next. */
  answersVersion: number;
}

export interface GroupRecord {
  id: string;
  roundId: string;
  kind: GroupKind;
  name: string;
  side: Side;
  position: number;
  hasShareLink: boolean;
}

export type ResponseStatus = 'in-progress' | 'submitted';

/** One respondent's answers. It holds no email, account or invitation: see migration 0002. */
export interface ResponseRecord {
  id: string;
  roundId: string;
  groupId: string;
  respondentKey: string;
  status: ResponseStatus;
}

export interface RatingRecord {
  indicatorCode: string;
  rating: string;
  comment: string | null;
  evidenceUrl: string | null;
}

export interface WorkshopRecord {
  id: string;
  roundId: string;
  principleCode: string;
  agreedLevel: number | null;
  reasons: string;
  agreedActions: string;
  recordedAt: string;
  recordedBy: string;
}

export interface ActionRecord {
  id: string;
  partnershipId: string;
  /** The round the action came from, if any. */
  roundId: string | null;
  title: string;
  description: string;
  indicatorCodes: string[];
  side: ActionSide;
  ownerOrganisationId: string | null;
  leadName: string;
  dueOn: string | null;
  status: ActionStatus;
  /** Where it came from: 'gap:RC2', 'priority:CR2', 'workshop:SF', 'guidance:funding-together' or 'manual'. */
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface ActionNoteRecord {
  id: string;
  actionId: string;
  note: string;
  notedOn: string;
  authorLabel: string;
  createdAt: string;
}

/** Where an import job is: previewing and applying run in the background; the others wait or are final. */
export type ImportJobStatus = 'previewing' | 'previewed' | 'applying' | 'applied' | 'failed' | 'cancelled';

export interface ImportJobRecord {
  id: string;
  /** Null for national reference data. */
  partnershipId: string | null;
  kind: string;
  /** The file name as uploaded, or the path or address given to the command line. */
  sourceName: string;
  /** Where the uploaded copy is kept until the job is applied or cancelled. */
  sourcePath: string;
  options: Record<string, string>;
  status: ImportJobStatus;
  /** Rows (or records) handled so far and in all, for the progress bar; total 0 while unknown. */
  done: number;
  total: number;
  /** The preview's or the applied import's report, as JSON. */
  report: string | null;
  error: string | null;
  createdByUserId: string | null;
  createdAt: string;
  updatedAt: string;
  /** The instance running the job while it previews or applies (null for jobs from before owners). */
  ownerId: string | null;
  /** When that instance last said it was still running the job. */
  heartbeatAt: string | null;
}

/** What may change on a job once it is stored. */
export type ImportJobChange = Partial<
  Pick<
    ImportJobRecord,
    'status' | 'done' | 'total' | 'report' | 'error' | 'updatedAt' | 'ownerId' | 'heartbeatAt'
  >
>;

export interface Store {
  readonly users: {
    findById(id: string): Promise<UserRecord | undefined>;
    findByEmail(email: string): Promise<UserRecord | undefined>;
    insert(user: UserRecord): Promise<void>;
    updatePasswordHash(id: string, passwordHash: string): Promise<void>;
    count(): Promise<number>;
  };
  readonly partnerships: {
    findById(id: string): Promise<PartnershipRecord | undefined>;
    findBySlug(slug: string): Promise<PartnershipRecord | undefined>;
    insert(partnership: PartnershipRecord): Promise<void>;
    list(): Promise<PartnershipRecord[]>;
    listForUser(userId: string): Promise<(PartnershipRecord & { role: PartnershipRole })[]>;
    /** The partnership's own reach rule (km by rural-urban class); a null class uses the default. */
    reachRule(id: string): Promise<{ [K in ReachClass]: number | null }>;
    setReachRule(id: string, rule: { [K in ReachClass]: number | null }): Promise<void>;
  };
  readonly organisations: {
    listByPartnership(partnershipId: string): Promise<OrganisationRecord[]>;
    findById(partnershipId: string, id: string): Promise<OrganisationRecord | undefined>;
    insert(organisation: OrganisationRecord): Promise<void>;
    update(
      partnershipId: string,
      id: string,
      change: { kind: OrganisationKind; identifier: string | null; updatedAt: string },
    ): Promise<void>;
  };
  readonly memberships: {
    find(partnershipId: string, userId: string): Promise<MembershipRecord | undefined>;
    findById(partnershipId: string, id: string): Promise<MemberView | undefined>;
    listByPartnership(partnershipId: string): Promise<MemberView[]>;
    countAdmins(partnershipId: string): Promise<number>;
    insert(membership: MembershipRecord): Promise<void>;
    update(
      partnershipId: string,
      id: string,
      change: { role: PartnershipRole; organisationId: string | null },
    ): Promise<void>;
    remove(partnershipId: string, id: string): Promise<void>;
  };
  readonly sessions: {
    insert(session: SessionRecord): Promise<void>;
    findById(id: string): Promise<SessionRecord | undefined>;
    touch(id: string, lastSeenAt: string): Promise<void>;
    setCurrentPartnership(id: string, partnershipId: string): Promise<void>;
    remove(id: string): Promise<void>;
    removeForUser(userId: string): Promise<void>;
  };
  readonly oneTimeTokens: {
    insert(token: OneTimeTokenRecord): Promise<void>;
    findById(id: string): Promise<OneTimeTokenRecord | undefined>;
    /** Marks the token used; false when it had already been used (so it works once even under a race). */
    markUsed(id: string, usedAt: string): Promise<boolean>;
  };
  readonly invitations: {
    insert(invitation: InvitationRecord): Promise<void>;
    findByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
    listPending(partnershipId: string, now: string): Promise<InvitationRecord[]>;
    markAccepted(id: string, acceptedAt: string): Promise<boolean>;
    revoke(partnershipId: string, id: string, revokedAt: string): Promise<boolean>;
  };
  readonly apiTokens: {
    insert(token: ApiTokenRecord): Promise<void>;
    findByHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
    listForUser(userId: string): Promise<ApiTokenRecord[]>;
    revoke(userId: string, id: string, revokedAt: string): Promise<boolean>;
    touch(id: string, lastUsedAt: string): Promise<void>;
  };
  readonly outbox: {
    enqueue(message: OutboxMessage): Promise<void>;
    findById(id: string): Promise<OutboxMessage | undefined>;
    /**
     * Atomically marks up to `limit` due messages 'sending' for this claim and returns them, oldest first: queued
     * ones whose retry is due, and ones whose earlier claim's lease ran out (counted as an attempt and noted). Two
     * claims never return the same message.
     */
    claimDue(claim: OutboxClaim): Promise<OutboxMessage[]>;
    /** Restarts the lease just before sending; false when the message is no longer this claim's. */
    renewClaim(id: string, token: string, at: string): Promise<boolean>;
    /** Each of these records the outcome only while the claim is still the message's own; false otherwise. */
    markSent(id: string, token: string, sentAt: string): Promise<boolean>;
    /** Back to 'queued' until `retryAt`, or 'failed' for good when `retryAt` is null. */
    markAttemptFailed(id: string, token: string, error: string, retryAt: string | null): Promise<boolean>;
    listMetadata(partnershipId: string, limit: number): Promise<OutboxMetadata[]>;
    listRecent(limit: number): Promise<OutboxMessage[]>;
  };
  readonly audit: {
    record(event: AuditEvent): Promise<void>;
    /** The partnership's own events and the sign-ins and sign-outs of its members. */
    listForPartnership(partnershipId: string, limit: number): Promise<AuditEvent[]>;
  };
  readonly settings: {
    get(key: string): Promise<string | undefined>;
    set(key: string, value: string): Promise<void>;
    /** Writes the value only when the key has none; an existing value is kept. */
    setIfMissing(key: string, value: string): Promise<void>;
  };
  /** Named locks shared by every instance on the database, each held by one holder at a time. */
  readonly locks: {
    /** Takes the lock for `holder`; false when another holder took it at or after `staleBefore`. */
    acquire(name: string, holder: string, at: string, staleBefore: string): Promise<boolean>;
    release(name: string, holder: string): Promise<void>;
  };
  readonly rounds: {
    insert(round: RoundRecord, groups: readonly GroupRecord[]): Promise<void>;
    list(partnershipId: string): Promise<RoundRecord[]>;
    find(partnershipId: string, id: string): Promise<RoundRecord | undefined>;
    /** For respondent links, which carry no partnership. */
    findById(id: string): Promise<RoundRecord | undefined>;
    groups(roundId: string): Promise<GroupRecord[]>;
    setShareTokenHash(roundId: string, groupId: string, tokenHash: string): Promise<void>;
    findGroupByShareTokenHash(tokenHash: string): Promise<GroupRecord | undefined>;
    /** Sets the lock time once; later calls change nothing. */
    lockThreshold(roundId: string, at: string): Promise<void>;
    close(roundId: string, at: string): Promise<void>;
    bumpAnswersVersion(roundId: string): Promise<void>;
  };
  readonly roundInvitations: {
    insert(invitation: RoundInvitationRecord): Promise<void>;
    findByTokenHash(tokenHash: string): Promise<RoundInvitationRecord | undefined>;
    findByEmail(roundId: string, email: string): Promise<RoundInvitationRecord | undefined>;
    listByEmail(email: string): Promise<RoundInvitationRecord[]>;
    replaceTokenHash(id: string, tokenHash: string): Promise<void>;
    /** Invitations per group; members' own places to answer are not invitations and are not counted. */
    countByGroup(roundId: string): Promise<Record<string, number>>;
  };
  readonly responses: {
    findByKey(respondentKey: string): Promise<ResponseRecord | undefined>;
    insert(response: ResponseRecord): Promise<void>;
    markSubmitted(id: string): Promise<void>;
    ratings(responseId: string): Promise<RatingRecord[]>;
    saveRating(responseId: string, rating: RatingRecord): Promise<void>;
    /** Response counts per group and status, never who. */
    progress(roundId: string): Promise<{ groupId: string; status: ResponseStatus; count: number }[]>;
    /** Every submitted response's ratings, grouped by response, for working out results. */
    submitted(roundId: string): Promise<{ groupId: string; ratings: RatingRecord[] }[]>;
  };
  readonly workshop: {
    save(record: WorkshopRecord): Promise<void>;
    list(roundId: string): Promise<WorkshopRecord[]>;
  };
  readonly actions: {
    insert(action: ActionRecord): Promise<void>;
    /** Replaces the action's fields and indicators (not its partnership, round, source or creation time). */
    update(action: ActionRecord): Promise<void>;
    find(partnershipId: string, id: string): Promise<ActionRecord | undefined>;
    /** Oldest first. */
    list(partnershipId: string): Promise<ActionRecord[]>;
    addNote(note: ActionNoteRecord): Promise<void>;
    /** Newest first. */
    notes(actionId: string): Promise<ActionNoteRecord[]>;
  };
  readonly importJobs: {
    insert(job: ImportJobRecord): Promise<void>;
    /** With a partnership id, only that partnership's job; with null, only a national job. */
    find(partnershipId: string | null, id: string): Promise<ImportJobRecord | undefined>;
    /**
     * The same job without its report, which lists every problem row and can run to megabytes: for progress
     * checks made every second or so while a job runs.
     */
    findStatus(
      partnershipId: string | null,
      id: string,
    ): Promise<Omit<ImportJobRecord, 'report'> | undefined>;
    /** Newest first. */
    list(partnershipId: string | null, limit: number): Promise<ImportJobRecord[]>;
    update(id: string, change: ImportJobChange): Promise<void>;
    /** Jobs still marked as running, such as those a stopped service left behind. */
    listRunning(): Promise<ImportJobRecord[]>;
    /** Changes a job only if it is still in the status `from`; says whether it did (so two changes never both win). */
    transition(id: string, from: ImportJobStatus, change: Omit<ImportJobChange, 'report'>): Promise<boolean>;
    /**
     * The owner's sign of life for a running job, with its progress: changes the job only while it is still
     * running and owned by `ownerId`, and says whether it did.
     */
    beat(
      id: string,
      ownerId: string,
      change: Required<Pick<ImportJobRecord, 'done' | 'total' | 'heartbeatAt'>>,
    ): Promise<boolean>;
    /** Adds piece `seq` (0, 1, 2 …) of a job's uploaded file, as base64. */
    appendFileChunk(jobId: string, seq: number, base64: string): Promise<void>;
    /** Piece `seq` of a job's uploaded file, or undefined past its end. */
    fileChunk(jobId: string, seq: number): Promise<string | undefined>;
    /** How many pieces of a job's uploaded file are kept. */
    fileChunkCount(jobId: string): Promise<number>;
    deleteFile(jobId: string): Promise<void>;
    /** Removes the file pieces of every job that no longer needs its upload; says how many jobs had some. */
    deleteFilesNotHeld(): Promise<number>;
    /** Jobs whose upload is still needed (checking, waiting to be confirmed, or importing): all, or one scope's. */
    listHoldingUploads(scope?: {
      partnershipId: string | null;
    }): Promise<Pick<ImportJobRecord, 'id' | 'sourcePath' | 'status' | 'updatedAt'>[]>;
  };
  readonly directory: DirectoryRepository;
  /** Fields of services changed in Common Ground, which imports leave as they are. */
  readonly serviceEdits: ServiceEditStore;
  /** The themes organisations work on: suggested from their own words, confirmed or set aside by members. */
  readonly organisationThemes: OrganisationThemeStore;
  /** Open Referral UK feeds partnerships are subscribed to, and their pages. */
  readonly feedSubscriptions: FeedSubscriptionStore;
  /** Health checks of partnerships' own and subscribed feeds, with their progress and results. */
  readonly feedHealthChecks: FeedHealthCheckStore;
  /** National reference data: areas, populations, indicators and postcodes. */
  readonly areas: AreaStore;
  /** The partnership's needs register. */
  readonly needs: NeedStore;
  /** The partnership's grants (360Giving). */
  readonly grants: GrantStore;
  /** The shared funding pipeline: opportunities and who intends to bid. */
  readonly funding: FundingStore;
  /** Commissioning intentions. */
  readonly commissioning: CommissioningStore;
  /** Saved allocation runs (matching needs to services). */
  readonly matchingRuns: MatchingRunStore;
  /** Reminders sent (so none goes twice) and the kinds people turned off. */
  readonly reminders: ReminderStore;
  readonly national: NationalStore;
  /** Kept results of rounds whose answers were deleted; downloads and deletion of a person's data. */
  readonly dataRights: DataRightsStore;
  /** Recent failed sign-ins, for the sign-in limits. */
  readonly signInFailures: SignInFailureStore;
  /** Runs `work` in one database transaction: all of it is written, or none. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
}

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
