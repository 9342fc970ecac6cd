/** Row shape of feed health checks (migration 0034). */
export interface FeedHealthChecksTable {
  id: string;
  partnership_id: string;
  /** Null for the partnership's own published feed. */
  subscription_id: string | null;
  /** queued, running, finished or failed. */
  status: string;
  done: number;
  total: number;
  /** JSON: what the check found (FeedHealthResult). */
  result: string | null;
  error: string | null;
  requested_by: string;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  running_until: string | null;
}
