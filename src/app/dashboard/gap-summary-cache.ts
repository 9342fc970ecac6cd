/**
 * Keeps each partnership's dashboard gap summary for a short while. The gap analysis reads the authority's
 * areas, statistics, services and needs and scores every area and theme; the gaps pages run it afresh for
 * every request, but the dashboard is the page everyone lands on, so it reuses a summary worked out less than
 * `ttlMs` ago. Only the few cells the dashboard shows are kept, not the analysis.
 */

export interface GapSummaryCache<T> {
  /** The partnership's summary, worked out by `compute` unless one from the last `ttlMs` is kept. */
  get(partnershipId: string, nowMs: number, compute: () => Promise<T>): Promise<T>;
}

/** How long the dashboard reuses a gap summary: changes to needs and services show within this time. */
export const GAP_SUMMARY_TTL_MS = 60_000;

export function createGapSummaryCache<T>(ttlMs = GAP_SUMMARY_TTL_MS): GapSummaryCache<T> {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(partnershipId, nowMs, compute) {
      const found = kept.get(partnershipId);
      if (found && nowMs >= found.at && nowMs - found.at < ttlMs) return found.value;
      const value = compute();
      kept.set(partnershipId, { at: nowMs, value });
      // A failed analysis is not kept: the next request tries again.
      value.catch(() => {
        if (kept.get(partnershipId)?.value === value) kept.delete(partnershipId);
      });
      return value;
    },
  };
}
