/** How the outbox delivers: documented in docs/email.md. */
export const emailDelivery = {
  /** A message is tried this many times in all, then marked failed. */
  maximumAttempts: 5,
  /** A message claimed for longer than this without an outcome was cut off (a crash), so it is claimed again. */
  leaseMinutes: 5,
  /** How often a running service looks for queued messages; a run never starts while the last is going. */
  pollSeconds: 1,
} as const;

/** The wait after each failed attempt, growing: 1 minute, 5, 15, then an hour. */
const retryDelaysMinutes = [1, 5, 15, 60] as const;

/**
 * When to try a message again after its `attemptsMade`-th attempt failed at `failedAt`; null when that was the
 * last attempt allowed and the message has failed for good.
 */
export function nextDeliveryAttempt(attemptsMade: number, failedAt: Date): Date | null {
  if (attemptsMade >= emailDelivery.maximumAttempts) return null;
  const index = Math.min(Math.max(attemptsMade, 1), retryDelaysMinutes.length) - 1;
  const delay = retryDelaysMinutes[index] ?? retryDelaysMinutes[0];
  return new Date(failedAt.getTime() + delay * 60_000);
}

/** The time a lease taken before is over by `now`: claims older than this were cut off. */
export function leaseExpiredBefore(now: Date): Date {
  return new Date(now.getTime() - emailDelivery.leaseMinutes * 60_000);
}
