/** Row shapes of feed subscriptions and their pages (migration 0032). */

export interface FeedSubscriptionsTable {
  id: string;
  partnership_id: string;
  address: string;
  apply_automatically: number;
  created_at: string;
  created_by: string;
  next_refresh_at: string;
  refreshing_until: string | null;
  last_refreshed_at: string | null;
  /** unchanged, waiting, applied or failed. */
  last_result: string | null;
  last_message: string | null;
  failing_since: string | null;
  pending_at: string | null;
  /** JSON: what the waiting refresh would do, as the preview page shows it. */
  pending_preview: string | null;
  /** JSON: what the waiting refresh read, applied as it is on confirmation. */
  pending_payload: string | null;
}

export interface FeedSubscriptionPagesTable {
  subscription_id: string;
  page: number;
  address: string;
  etag: string | null;
  last_modified: string | null;
  /** JSON array of the source ids of the services the page held. */
  source_ids: string;
}
