import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedSubscriptionRecord } from '../../src/app/feeds/feed-subscription-store.js';
import { newFeedSubscription } from '../../src/app/feeds/feed-subscriptions.js';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import { at, givenPartnership, id } from './fixtures.js';

const subscription = (
  partnershipId: string,
  overrides: Partial<FeedSubscriptionRecord> = {},
): FeedSubscriptionRecord => ({
  ...newFeedSubscription(partnershipId, `https://feed.example/${id()}/services`, false, {
    by: 'Ada',
    at: at(0),
  }),
  nextRefreshAt: at(10),
  ...overrides,
});

/** Repository contract: feed subscriptions, their refresh lease, waiting previews and pages. */
describe.each(databaseTargets())('Store contract on $name: feed subscriptions', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('keeps subscriptions within their partnership and removes them with their pages', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    const feed = subscription(partnership.id, { applyAutomatically: true });
    await store.feedSubscriptions.insert(feed);
    expect(await store.feedSubscriptions.list(partnership.id)).toEqual([feed]);
    expect(await store.feedSubscriptions.find(other.id, feed.id)).toBeUndefined();
    expect(await store.feedSubscriptions.findByAddress(partnership.id, feed.address)).toEqual(feed);
    await store.feedSubscriptions.replacePages(feed.id, [
      { page: 1, address: `${feed.address}?page=1`, etag: '"a"', lastModified: null, sourceIds: ['1', '2'] },
      { page: 2, address: `${feed.address}?page=2`, etag: null, lastModified: 'Mon', sourceIds: [] },
    ]);
    expect((await store.feedSubscriptions.pages(feed.id)).map((p) => [p.page, p.etag, p.sourceIds])).toEqual([
      [1, '"a"', ['1', '2']],
      [2, null, []],
    ]);
    expect(await store.feedSubscriptions.remove(other.id, feed.id)).toBe(false);
    expect(await store.feedSubscriptions.remove(partnership.id, feed.id)).toBe(true);
    expect(await store.feedSubscriptions.list(partnership.id)).toEqual([]);
    expect(await store.feedSubscriptions.pages(feed.id)).toEqual([]);
  });

  it('lets one refresh hold the lease until it runs out, and lists only feeds due and free', async () => {
    const partnership = await givenPartnership(store);
    const feed = subscription(partnership.id, { nextRefreshAt: at(-5000) });
    await store.feedSubscriptions.insert(feed);
    const due = async (now: string) =>
      (await store.feedSubscriptions.due(now, 100)).filter((s) => s.id === feed.id).length;
    expect(await due(at(-4000))).toBe(1);
    expect(await due(at(-6000))).toBe(0);
    expect(await store.feedSubscriptions.claim(feed.id, at(-4000), at(-3990))).toBe(true);
    expect(await store.feedSubscriptions.claim(feed.id, at(-3995), at(-3985))).toBe(false);
    expect(await due(at(-3995))).toBe(0);
    expect(await store.feedSubscriptions.claim(feed.id, at(-3980), at(-3970))).toBe(true);
  });

  it('keeps a waiting preview until it is discarded', async () => {
    const partnership = await givenPartnership(store);
    const feed = subscription(partnership.id);
    await store.feedSubscriptions.insert(feed);
    await store.feedSubscriptions.update(feed.id, {
      lastResult: 'waiting',
      pendingAt: at(3),
      pending: { preview: '{"p":1}', payload: '{"q":2}' },
    });
    expect(await store.feedSubscriptions.pending(partnership.id, feed.id)).toEqual({
      preview: '{"p":1}',
      payload: '{"q":2}',
    });
    expect(await store.feedSubscriptions.find(partnership.id, feed.id)).toMatchObject({
      lastResult: 'waiting',
      pendingAt: at(3),
    });
    await store.feedSubscriptions.update(feed.id, { pendingAt: null, pending: null });
    expect(await store.feedSubscriptions.pending(partnership.id, feed.id)).toBeUndefined();
  });
});
