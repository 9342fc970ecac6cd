import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInKey } from '../../src/app/accounts/sign-in-failure-store.js';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';

/** Repository contract: the failed sign-ins the limits count (migration 0019). */
describe.each(databaseTargets())('Store contract on $name: sign-in failures', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  const account: SignInKey = { kind: 'account', hash: 'a'.repeat(64) };
  const sameHashOtherKind: SignInKey = { kind: 'address', hash: 'a'.repeat(64) };
  const address: SignInKey = { kind: 'address', hash: 'b'.repeat(64) };
  const minute = (n: number) => `2026-03-02T09:${String(n).padStart(2, '0')}:00.000Z`;
  const failure = (key: SignInKey, n: number) => ({ id: randomUUID(), failedAt: minute(n), ...key });

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('lists a key’s failures after a moment, oldest first, and no other key’s', async () => {
    const written = [failure(account, 7), failure(account, 3), failure(account, 5), failure(account, 1)];
    await store.signInFailures.add([...written, failure(sameHashOtherKind, 4), failure(address, 6)]);
    const listed = await store.signInFailures.listAfter(account, minute(1));
    expect(listed.map((row) => row.failedAt)).toEqual([minute(3), minute(5), minute(7)]);
    expect(new Set(listed.map((row) => row.id))).toEqual(new Set(written.slice(0, 3).map((row) => row.id)));
  });

  it('removes by id, by key, and everything up to a moment', async () => {
    const [first] = await store.signInFailures.listAfter(account, minute(0));
    await store.signInFailures.remove(first ? [first.id] : []);
    expect(await store.signInFailures.listAfter(account, minute(0))).toHaveLength(3);

    await store.signInFailures.clear(account);
    expect(await store.signInFailures.listAfter(account, minute(0))).toEqual([]);
    expect(await store.signInFailures.listAfter(sameHashOtherKind, minute(0))).toHaveLength(1);

    await store.signInFailures.removeUntil(minute(4));
    expect(await store.signInFailures.listAfter(sameHashOtherKind, minute(0))).toEqual([]);
    expect((await store.signInFailures.listAfter(address, minute(0))).map((row) => row.failedAt)).toEqual([
      minute(6),
    ]);
    await store.signInFailures.remove([]);
    await store.signInFailures.add([]);
  });
});
