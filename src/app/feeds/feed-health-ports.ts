import type { FeedHealthResult, SchemaIssue } from '../../domain/directory/feed-health.js';

/** The schemas a feed's documents are checked against. */
export type OrukSchemaName =
  | 'page'
  | 'serviceList'
  | 'service'
  | 'serviceAtLocationList'
  | 'serviceAtLocation'
  | 'organizationList'
  | 'organization'
  | 'taxonomy'
  | 'taxonomyTerm'
  /** A service on a page of an Open Referral UK 1.0 feed. */
  | 'v1Service';

/** Checks a document against the Open Referral UK schemas; no issues when it is valid. */
export interface OrukSchemaChecker {
  check(schema: OrukSchemaName, value: unknown): SchemaIssue[];
}

/** One page of a subscribed feed as read for a health check. */
export interface FeedHealthPage {
  readonly number: number;
  /** The page's JSON, or the reason it could not be read as JSON. */
  readonly document:
    { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };
}

/**
 * Reads every page of a subscribed feed for a health check, in full (no validators sent), through the guarded
 * fetcher and within its limits. Throws FeedFetchError when a page cannot be fetched.
 */
export interface FeedPageWalker {
  walk(address: string, visit: (page: FeedHealthPage, totalPages: number) => Promise<void>): Promise<void>;
}

export type FeedHealthStatus = 'queued' | 'running' | 'finished' | 'failed';

/** One health check of a feed: the partnership's own published feed, or one it is subscribed to. */
export interface FeedHealthCheckRecord {
  readonly id: string;
  readonly partnershipId: string;
  /** The subscription checked; null for the partnership's own published feed. */
  readonly subscriptionId: string | null;
  readonly status: FeedHealthStatus;
  /** Records checked so far, and in all when known. */
  readonly done: number;
  readonly total: number;
  readonly result: FeedHealthResult | null;
  /** Why the check could not finish, in words an admin can act on. */
  readonly error: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  /** While set and in the future, one instance is running the check and no other may take it. */
  readonly runningUntil: string | null;
}

export type FeedHealthCheckChange = Partial<
  Pick<
    FeedHealthCheckRecord,
    'status' | 'done' | 'total' | 'result' | 'error' | 'startedAt' | 'finishedAt' | 'runningUntil'
  >
>;

export interface FeedHealthCheckStore {
  insert(check: FeedHealthCheckRecord): Promise<void>;
  find(partnershipId: string, id: string): Promise<FeedHealthCheckRecord | undefined>;
  /** The newest check of each feed of a partnership (its own and each subscription), newest first. */
  latest(partnershipId: string): Promise<FeedHealthCheckRecord[]>;
  /** Takes a queued check, or a running one whose instance stopped (its lease ran out before `now`). */
  claim(id: string, now: string, until: string): Promise<boolean>;
  update(id: string, change: FeedHealthCheckChange): Promise<void>;
  /** Checks of every partnership waiting to run, or left by a stopped instance, oldest first. */
  waiting(now: string, limit: number): Promise<FeedHealthCheckRecord[]>;
  /** Removes a feed's older checks, keeping `keepId`. */
  removeOlder(partnershipId: string, subscriptionId: string | null, keepId: string): Promise<void>;
}
