import { describe, expect, it } from 'vitest';
import { emailDelivery, leaseExpiredBefore, nextDeliveryAttempt } from './email-delivery.js';

const failedAt = new Date('2026-03-02T09:00:00.000Z');

describe('nextDeliveryAttempt', () => {
  it.each([
    [1, '2026-03-02T09:01:00.000Z'],
    [2, '2026-03-02T09:05:00.000Z'],
    [3, '2026-03-02T09:15:00.000Z'],
    [4, '2026-03-02T10:00:00.000Z'],
    [5, null],
    [6, null],
  ])('after attempt %i fails, tries again at %s', (attemptsMade, expected) => {
    expect(nextDeliveryAttempt(attemptsMade, failedAt)?.toISOString() ?? null).toBe(expected);
  });

  it('waits longer after each failure until it gives up', () => {
    const waits: number[] = [];
    for (let attempts = 1; attempts < emailDelivery.maximumAttempts; attempts += 1) {
      waits.push((nextDeliveryAttempt(attempts, failedAt)?.getTime() ?? 0) - failedAt.getTime());
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(waits).size).toBe(waits.length);
  });
});

describe('leaseExpiredBefore', () => {
  it('is the lease length before now', () => {
    expect(leaseExpiredBefore(failedAt).toISOString()).toBe('2026-03-02T08:55:00.000Z');
  });
});
