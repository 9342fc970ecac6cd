export interface SessionTimes {
  readonly createdAt: string;
  readonly lastSeenAt: string;
}

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** Why a session has ended, or undefined while it is still live. */
export function sessionExpiry(
  session: SessionTimes,
  now: Date,
  policy: SessionPolicy,
): 'idle' | 'absolute' | undefined {
  const nowMs = now.getTime();
  if (nowMs - Date.parse(session.createdAt) >= policy.absoluteHours * 3_600_000) return 'absolute';
  if (nowMs - Date.parse(session.lastSeenAt) >= policy.idleMinutes * 60_000) return 'idle';
  return undefined;
}

/** Touching the session on every request would write on every page view; once a minute is enough. */
export function shouldRefreshLastSeen(session: SessionTimes, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= 60_000;
}
