import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailSender, Store } from '../../src/app/ports.js';
import { deliverQueuedEmail, queueEmail } from '../../src/app/shared/outbox.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { interruptedNote } from '../../src/storage/repositories/outbox.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { FakeClock } from '../support/test-app.js';

/** A sender that records every message and yields between messages, so concurrent runs interleave. */
function recordingSender(fail: (to: string) => boolean = () => false) {
  const delivered: string[] = [];
  const tried: { to: string; at: string }[] = [];
  const sender = (clock: FakeClock): MailSender => ({
    async send(message) {
      tried.push({ to: message.to, at: clock.now().toISOString() });
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (fail(message.to)) throw new Error(`550 No such mailbox: ${message.to}`);
      delivered.push(message.to);
    },
  });
  return { delivered, tried, sender };
}

const queue = (store: Store, clock: FakeClock, to: string) =>
  queueEmail(store, clock, { partnershipId: null, to, subject: 'Hello', text: 'Hello there', kind: 'test' });

describe.each(databaseTargets())('delivering the outbox on $name', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  let clock: FakeClock;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  beforeEach(async () => {
    await emptyDatabase(handle);
    clock = new FakeClock();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('sends each message once when runs overlap in one process', async () => {
    const recipients = Array.from({ length: 45 }, (_, index) => `person-${index}@example.org`);
    for (const to of recipients) await queue(store, clock, to);
    const { delivered, sender } = recordingSender();

    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => deliverQueuedEmail(store, clock, sender(clock), { batchSize: 4 })),
    );

    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(45);
    expect([...delivered].sort()).toEqual([...recipients].sort());
    const rows = await store.outbox.listRecent(100);
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
    expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 0, failed: 0 });
    expect(delivered).toHaveLength(45);
  });

  it('tries a refused message again after growing waits, then marks it failed', async () => {
    await queue(store, clock, 'refused@example.org');
    await queue(store, clock, 'fine@example.org');
    const { delivered, tried, sender } = recordingSender((to) => to.startsWith('refused'));
    const start = clock.now().getTime();

    expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 1, failed: 1 });
    for (const minutes of [1, 5, 15, 60]) {
      clock.advanceMinutes(minutes - 1);
      expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 0, failed: 0 });
      clock.advanceMinutes(1);
      expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 0, failed: 1 });
    }
    clock.advanceMinutes(24 * 60);
    expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 0, failed: 0 });

    const refusedTries = tried.filter((t) => t.to.startsWith('refused'));
    const minutesAfterStart = refusedTries.map((t) => (Date.parse(t.at) - start) / 60_000);
    expect(minutesAfterStart).toEqual([0, 1, 6, 21, 81]);
    expect(delivered).toEqual(['fine@example.org']);
    const [refused] = (await store.outbox.listRecent(10)).filter((m) => m.recipient.startsWith('refused'));
    expect(refused).toMatchObject({ status: 'failed', attempts: 5, sentAt: null });
    expect(refused?.lastError).toContain('No such mailbox');
  });

  it('sends a message left sending by a run that was cut off, once its lease is over, and notes it', async () => {
    await queue(store, clock, 'cut-off@example.org');
    const crashed = await store.outbox.claimDue({
      token: 'a run that crashed',
      now: clock.now().toISOString(),
      leaseExpiredBefore: new Date(clock.now().getTime() - 5 * 60_000).toISOString(),
      maximumAttempts: 5,
      limit: 10,
    });
    expect(crashed).toHaveLength(1);
    const { delivered, sender } = recordingSender();

    clock.advanceMinutes(4);
    expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 0, failed: 0 });
    clock.advanceMinutes(1);
    expect(await deliverQueuedEmail(store, clock, sender(clock))).toEqual({ sent: 1, failed: 0 });

    expect(delivered).toEqual(['cut-off@example.org']);
    expect(await store.outbox.findById(crashed[0]?.id ?? '')).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: interruptedNote,
    });
  });
});
