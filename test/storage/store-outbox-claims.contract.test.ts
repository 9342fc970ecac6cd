import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxClaim, OutboxMessage, Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { interruptedNote } from '../../src/storage/repositories/outbox.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { aMessage, at, id } from './fixtures.js';

/** A claim at minute `now` with a five-minute lease and five attempts in all. */
const claimAt = (now: number, overrides: Partial<OutboxClaim> = {}): OutboxClaim => ({
  token: id(),
  now: at(now),
  leaseExpiredBefore: at(now - 5),
  maximumAttempts: 5,
  limit: 100,
  ...overrides,
});

/**
 * Repository contract: claiming outbox messages for delivery, so each is sent once however many delivery runs
 * and instances share the database.
 */
describe.each(databaseTargets())('Store contract on $name: claiming the outbox', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  beforeEach(async () => {
    await emptyDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const enqueueAll = async (...messages: OutboxMessage[]) => {
    for (const message of messages) await store.outbox.enqueue(message);
  };

  it('claims due messages oldest first up to the limit, marking them sending, and nothing else', async () => {
    const second = aMessage({ createdAt: at(2) });
    const first = aMessage({ createdAt: at(1) });
    const third = aMessage({ createdAt: at(3) });
    const retryDue = aMessage({ createdAt: at(4), attempts: 1, lastError: 'busy', nextAttemptAt: at(10) });
    const retryLater = aMessage({ createdAt: at(0), attempts: 1, nextAttemptAt: at(11) });
    const sent = aMessage({ createdAt: at(0), status: 'sent', sentAt: at(0), attempts: 1 });
    const failed = aMessage({ createdAt: at(0), status: 'failed', attempts: 5 });
    await enqueueAll(second, first, third, retryDue, retryLater, sent, failed);

    const claim = claimAt(10, { limit: 3 });
    const claimed = await store.outbox.claimDue(claim);
    expect(claimed).toEqual([first, second, third].map((m) => ({ ...m, status: 'sending' })));
    expect(await store.outbox.claimDue(claimAt(10))).toEqual([{ ...retryDue, status: 'sending' }]);
    expect(await store.outbox.claimDue(claimAt(10))).toEqual([]);
    expect((await store.outbox.findById(sent.id))?.status).toBe('sent');
    expect((await store.outbox.findById(retryLater.id))?.status).toBe('queued');
  });

  it('never gives one message to two claims made at once', async () => {
    const messages = Array.from({ length: 60 }, (_, index) => aMessage({ createdAt: at(index) }));
    await enqueueAll(...messages);

    const claims = await Promise.all(
      Array.from({ length: 8 }, () => store.outbox.claimDue(claimAt(100, { limit: 9 }))),
    );
    const ids = claims.flat().map((m) => m.id);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids.length).toBe(60);
    expect(await store.outbox.claimDue(claimAt(100))).toEqual([]);
  });

  it('claims a row written by plain SQL with only the columns the outbox first had', async () => {
    await sql`insert into outbox (id, partnership_id, recipient, subject, body_text, kind, status, created_at)
      values ('legacy-1', null, 'old@example.org', 'From before', 'Hello', 'anything-at-all', 'queued',
      '2025-06-01 10:00:00')`.execute(handle.db);
    const [claimed] = await store.outbox.claimDue(claimAt(0));
    expect(claimed).toMatchObject({
      id: 'legacy-1',
      status: 'sending',
      attempts: 0,
      nextAttemptAt: null,
      recipient: 'old@example.org',
    });
  });

  it('claims again a message left sending past its lease, counting and noting the cut-off attempt', async () => {
    const message = aMessage({ attempts: 1, lastError: 'busy' });
    await enqueueAll(message);
    const cutOff = claimAt(0);
    expect(await store.outbox.claimDue(cutOff)).toHaveLength(1);

    expect(await store.outbox.claimDue(claimAt(4))).toEqual([]);
    expect(await store.outbox.claimDue(claimAt(5))).toEqual([
      { ...message, status: 'sending', attempts: 2, lastError: interruptedNote },
    ]);
    expect(await store.outbox.markSent(message.id, cutOff.token, at(6))).toBe(false);
  });

  it('gives up a message cut off on its last attempt instead of claiming it again', async () => {
    const message = aMessage({ attempts: 4 });
    await enqueueAll(message);
    await store.outbox.claimDue(claimAt(0));
    expect(await store.outbox.claimDue(claimAt(10))).toEqual([]);
    expect(await store.outbox.findById(message.id)).toMatchObject({ status: 'failed', attempts: 5 });
  });

  it('renews and records an outcome only for the claim that holds the message', async () => {
    const message = aMessage({ attempts: 1, lastError: 'timeout' });
    await enqueueAll(message);
    const claim = claimAt(0);
    await store.outbox.claimDue(claim);

    expect(await store.outbox.renewClaim(message.id, id(), at(1))).toBe(false);
    expect(await store.outbox.markSent(message.id, id(), at(1))).toBe(false);
    expect(await store.outbox.renewClaim(message.id, claim.token, at(4))).toBe(true);
    // Renewed at minute 4, the lease has not run out at minute 6.
    expect(await store.outbox.claimDue(claimAt(6))).toEqual([]);

    expect(await store.outbox.markSent(message.id, claim.token, at(7))).toBe(true);
    expect(await store.outbox.findById(message.id)).toEqual({
      ...message,
      status: 'sent',
      sentAt: at(7),
      attempts: 2,
      lastError: null,
    });
    expect(await store.outbox.renewClaim(message.id, claim.token, at(8))).toBe(false);
    expect(await store.outbox.markAttemptFailed(message.id, claim.token, 'late', null)).toBe(false);
  });

  it('keeps the note of a cut-off attempt when the message is then sent', async () => {
    const message = aMessage();
    await enqueueAll(message);
    await store.outbox.claimDue(claimAt(0));
    const retry = claimAt(10);
    await store.outbox.claimDue(retry);
    await store.outbox.markSent(message.id, retry.token, at(11));
    expect(await store.outbox.findById(message.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: interruptedNote,
    });
  });

  it('holds a failed message back until its retry time, and fails it for good without one', async () => {
    const message = aMessage();
    await enqueueAll(message);
    const first = claimAt(0);
    await store.outbox.claimDue(first);
    expect(await store.outbox.markAttemptFailed(message.id, first.token, 'refused', at(1))).toBe(true);
    expect(await store.outbox.findById(message.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'refused',
      nextAttemptAt: at(1),
    });
    expect(await store.outbox.claimDue(claimAt(0))).toEqual([]);

    const second = claimAt(1);
    expect(await store.outbox.claimDue(second)).toHaveLength(1);
    expect(await store.outbox.markAttemptFailed(message.id, second.token, 'x'.repeat(2000), null)).toBe(true);
    const failed = await store.outbox.findById(message.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, sentAt: null });
    expect(failed?.lastError).toHaveLength(500);
    expect(await store.outbox.claimDue(claimAt(1_000))).toEqual([]);
  });
});

describe.each(databaseTargets())('Store contract on $name: locks', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gives a lock to one holder at a time, until released or stale', async () => {
    const [a, b, c] = [id(), id(), id()];
    const attempts = await Promise.all(
      [a, b, c].map((holder) => store.locks.acquire('demo-test', holder, at(10), at(0))),
    );
    expect(attempts.filter(Boolean)).toHaveLength(1);
    const holder = [a, b, c][attempts.indexOf(true)] as string;
    const other = holder === a ? b : a;

    expect(await store.locks.acquire('demo-test', other, at(11), at(1))).toBe(false);
    expect(await store.locks.acquire('another-lock', other, at(11), at(1))).toBe(true);
    await store.locks.release('demo-test', other);
    expect(await store.locks.acquire('demo-test', other, at(11), at(1))).toBe(false);

    await store.locks.release('demo-test', holder);
    expect(await store.locks.acquire('demo-test', other, at(12), at(2))).toBe(true);
    // Taken at minute 12: stale for a holder that counts locks from before minute 13 as left behind.
    expect(await store.locks.acquire('demo-test', holder, at(30), at(13))).toBe(true);
    expect(await store.locks.acquire('demo-test', other, at(31), at(14))).toBe(false);
  });
});
