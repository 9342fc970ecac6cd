import { describe, expect, it } from 'vitest';
import { sessionExpiry, shouldRefreshLastSeen } from './session-policy.js';

const policy = { idleMinutes: 60, absoluteHours: 12 };
const start = '2026-01-01T09:00:00.000Z';

describe('sessionExpiry', () => {
  it.each([
    ['fresh', start, '2026-01-01T09:30:00.000Z', undefined],
    ['idle just under an hour', '2026-01-01T10:00:00.000Z', '2026-01-01T10:59:59.000Z', undefined],
    ['idle an hour', '2026-01-01T10:00:00.000Z', '2026-01-01T11:00:00.000Z', 'idle'],
    ['busy but over 12 hours', '2026-01-01T20:59:00.000Z', '2026-01-01T21:00:00.000Z', 'absolute'],
  ] as const)('%s', (_name, lastSeenAt, now, expected) => {
    expect(sessionExpiry({ createdAt: start, lastSeenAt }, new Date(now), policy)).toBe(expected);
  });
});

describe('shouldRefreshLastSeen', () => {
  it('waits a minute between writes', () => {
    const session = { createdAt: start, lastSeenAt: start };
    expect(shouldRefreshLastSeen(session, new Date('2026-01-01T09:00:59.000Z'))).toBe(false);
    expect(shouldRefreshLastSeen(session, new Date('2026-01-01T09:01:00.000Z'))).toBe(true);
  });
});
