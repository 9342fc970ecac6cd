import type { FeedHealthCheckStore } from './feed-health-ports.js';

/** What a refresh came to: nothing new, a preview waiting to be confirmed, applied, or the feed failed. */
export type FeedRefreshResult = 'unchanged' | 'waiting' | 'applied' | 'failed';

/** A partnership's subscription to an Open Referral UK feed. */
export interface FeedSubscriptionRecord {
  readonly id: string;
  readonly partnershipId: string;
  /** The feed's services address, such as https://example.org/api/services. */
  readonly address: string;
  /** Apply each refresh as soon as it is read (true), or keep it as a preview for an admin to confirm. */
  readonly applyAutomatically: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly nextRefreshAt: string;
  /** While set and in the future, one instance is refreshing the feed and no other may start. */
  readonly refreshingUntil: string | null;
  readonly lastRefreshedAt: string | null;
  readonly lastResult: FeedRefreshResult | null;
  readonly lastMessage: string | null;
  /** When the feed started failing, kept until a refresh succeeds: one failure spell. */
  readonly failingSince: string | null;
  /** When the refresh waiting for confirmation was read; null when none is waiting. */
  readonly pendingAt: string | null;
}

/** One page of a feed as last applied: its validators and the source ids of the services on it. */
export interface FeedPageState {
  readonly page: number;
  readonly address: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly sourceIds: readonly string[];
}

export type FeedSubscriptionChange = Partial<
  Pick<
    FeedSubscriptionRecord,
    | 'nextRefreshAt'
    | 'refreshingUntil'
    | 'lastRefreshedAt'
    | 'lastResult'
    | 'lastMessage'
    | 'failingSince'
    | 'pendingAt'
  >
> & {
  /** JSON text of the waiting refresh's preview and of what it read; both null to discard it. */
  readonly pending?: { readonly preview: string; readonly payload: string } | null;
};

export interface FeedSubscriptionStore {
  insert(subscription: FeedSubscriptionRecord): Promise<void>;
  list(partnershipId: string): Promise<FeedSubscriptionRecord[]>;
  find(partnershipId: string, id: string): Promise<FeedSubscriptionRecord | undefined>;
  findByAddress(partnershipId: string, address: string): Promise<FeedSubscriptionRecord | undefined>;
  /** Removes a subscription and its pages; the services it brought in stay. False when there was none. */
  remove(partnershipId: string, id: string): Promise<boolean>;
  /**
   * Takes the refresh lease until `until` when no other instance holds it (it is free, or ran out before `now`).
   * False when another instance is refreshing the feed.
   */
  claim(id: string, now: string, until: string): Promise<boolean>;
  /** Subscriptions of every partnership due for a refresh at `now` and not being refreshed, oldest due first. */
  due(now: string, limit: number): Promise<FeedSubscriptionRecord[]>;
  update(id: string, change: FeedSubscriptionChange): Promise<void>;
  /** The waiting refresh's preview and what it read, as saved. */
  pending(
    partnershipId: string,
    id: string,
  ): Promise<{ readonly preview: string; readonly payload: string } | undefined>;
  pages(subscriptionId: string): Promise<FeedPageState[]>;
  replacePages(subscriptionId: string, pages: readonly FeedPageState[]): Promise<void>;
}

/** The feeds area's part of the store. */
export interface FeedStores {
  /** Open Referral UK feeds partnerships are subscribed to, and their pages. */
  readonly feedSubscriptions: FeedSubscriptionStore;
  /** Health checks of partnerships' own and subscribed feeds, with their progress and results. */
  readonly feedHealthChecks: FeedHealthCheckStore;
}
