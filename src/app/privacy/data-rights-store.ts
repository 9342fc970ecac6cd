import type { RoundResults } from '../../domain/results/index.js';

/** The counts a round's overview shows, kept with its results when the individual answers are deleted. */
export interface KeptGroupProgress {
  readonly groupId: string;
  readonly invited: number;
  readonly started: number;
  readonly submitted: number;
}

/** A round's results as they were when its individual answers were deleted. */
export interface RoundSnapshotRecord {
  readonly roundId: string;
  readonly results: RoundResults;
  readonly progress: readonly KeptGroupProgress[];
  readonly commentsRemoved: boolean;
  readonly answersDeletedAt: string;
}

/** Who a download or a deletion is about: their account id and the names they appear under in records. */
export interface Person {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
}

/** Everything the service holds that names a person, read for their download. Never anyone else's account. */
export interface PersonalRecords {
  readonly memberships: readonly {
    partnershipName: string;
    role: string;
    organisationName: string | null;
    joinedAt: string;
  }[];
  readonly sessions: readonly { startedAt: string; lastSeenAt: string }[];
  /** The kinds of reminder email the person turned off. */
  readonly reminderChoices: readonly { kind: string; turnedOffAt: string }[];
  readonly apiTokens: readonly {
    name: string;
    createdAt: string;
    lastUsedAt: string | null;
    revokedAt: string | null;
  }[];
  readonly oneTimeLinks: readonly {
    purpose: string;
    createdAt: string;
    expiresAt: string;
    usedAt: string | null;
  }[];
  readonly partnershipInvitations: readonly {
    partnershipName: string;
    role: string;
    createdAt: string;
    expiresAt: string;
    acceptedAt: string | null;
    revokedAt: string | null;
  }[];
  readonly roundInvitations: readonly {
    partnershipName: string;
    roundName: string;
    groupName: string;
    invitedAt: string;
  }[];
  readonly emailsSent: readonly {
    subject: string;
    kind: string;
    status: string;
    createdAt: string;
    sentAt: string | null;
  }[];
  readonly actionsLed: readonly {
    partnershipName: string;
    title: string;
    status: string;
    dueOn: string | null;
  }[];
  readonly progressNotes: readonly {
    partnershipName: string;
    actionTitle: string;
    note: string;
    notedOn: string;
  }[];
  readonly workshopRecords: readonly {
    partnershipName: string;
    roundName: string;
    principleCode: string;
    recordedAt: string;
  }[];
  readonly auditEntries: readonly {
    partnershipName: string | null;
    action: string;
    subject: string;
    createdAt: string;
    byYou: boolean;
  }[];
  readonly needsRecorded: readonly {
    partnershipName: string;
    areaCode: string;
    theme: string;
    reportedOn: string;
  }[];
  readonly directoryChecks: readonly {
    partnershipName: string;
    kind: 'service' | 'organisation';
    name: string;
    checkedAt: string | null;
  }[];
  readonly fundingRecords: readonly {
    partnershipName: string;
    kind: 'funding opportunity' | 'bid interest' | 'commissioning intention';
    title: string;
    createdAt: string;
  }[];
  readonly matchingRuns: readonly { partnershipName: string; createdAt: string }[];
  readonly importJobs: readonly {
    partnershipName: string | null;
    kind: string;
    sourceName: string;
    createdAt: string;
  }[];
}

/** What deleting an account removed or changed, by kind of record: counts only. */
export type ErasureCounts = Readonly<Record<string, number>>;

/** The text that replaces a deleted person's name or email address in records that are kept. */
export const DELETED_USER = 'Deleted user';

/** Retention, downloads and account deletion. */
export interface DataRightsStore {
  /** Saves (or replaces) a round's kept results. */
  saveSnapshot(snapshot: RoundSnapshotRecord): Promise<void>;
  findSnapshot(roundId: string): Promise<RoundSnapshotRecord | undefined>;
  /** Deletes every response of the round with its answers; returns how many responses. */
  deleteResponses(roundId: string): Promise<number>;
  /**
   * Removes the email address and link of each invitation to the round that still has one, keeping the row so
   * the invited counts stay right; returns how many.
   */
  removeInvitationEmails(roundId: string): Promise<number>;
  /**
   * Deletes the partnership's copies of emails created before `before` (ISO) that were sent or given up (never
   * one still waiting or being sent); returns how many.
   */
  deleteEmailsBefore(partnershipId: string, before: string): Promise<number>;
  /** Deletes the partnership's membership invitations that expired before `before` (ISO); returns how many. */
  deleteInvitationsExpiredBefore(partnershipId: string, before: string): Promise<number>;
  countNationalAdmins(): Promise<number>;
  personalRecords(person: Person): Promise<PersonalRecords>;
  /**
   * Removes the person's account, sessions, tokens, memberships, invitations and emails, and replaces their name
   * and email address with DELETED_USER in the records that are kept. Answers are never touched.
   */
  eraseAccount(person: Person): Promise<ErasureCounts>;
}

/** The privacy area's part of the store. */
export interface PrivacyStores {
  /** Kept results of rounds whose answers were deleted; downloads and deletion of a person's data. */
  readonly dataRights: DataRightsStore;
}
