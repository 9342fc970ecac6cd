import type { GroupKind, RoundKind } from '../../domain/assessment/round-rules.js';
import type { Side } from '../../domain/results/rating.js';
import type { RoundInvitationRecord } from './round-invitation-record.js';

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

/** The assessments area's part of the store: rounds, their groups, invitations, responses and workshops. */
export interface AssessmentStores {
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
}
