import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import {
  aMessage,
  aPartnership,
  aUser,
  anAuditEvent,
  at,
  givenMember,
  givenPartnership,
  givenUser,
} from './fixtures.js';

/**
 * Repository contract, part 3: outbox, audit log and transactions. The outbox is read across partnerships, so
 * every test here starts from an empty database.
 */
describe.each(databaseTargets())('Store contract on $name: outbox, audit and transactions', (target) => {
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

  describe('outbox', () => {
    it('enqueues a message and finds it with its body', async () => {
      const partnership = await givenPartnership(store);
      const message = aMessage({ partnershipId: partnership.id });
      await store.outbox.enqueue(message);
      expect(await store.outbox.findById(message.id)).toEqual(message);
    });

    it('lists a partnership’s message metadata newest first, never with the body', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const older = aMessage({ partnershipId: partnership.id, createdAt: at(1) });
      const newer = aMessage({ partnershipId: partnership.id, createdAt: at(2) });
      const oldest = aMessage({ partnershipId: partnership.id, createdAt: at(0) });
      for (const message of [older, newer, oldest, aMessage({ partnershipId: other.id }), aMessage()]) {
        await store.outbox.enqueue(message);
      }

      const metadata = await store.outbox.listMetadata(partnership.id, 2);
      expect(metadata.map((m) => m.id)).toEqual([newer.id, older.id]);
      for (const entry of metadata) {
        expect(Object.keys(entry)).not.toContain('bodyText');
        expect(JSON.stringify(entry)).not.toContain('Secret link');
      }
      const { bodyText: _body, ...expected } = newer;
      expect(metadata[0]).toEqual(expected);
    });

    it('lists recent messages of every partnership, newest first, with bodies', async () => {
      const partnership = await givenPartnership(store);
      const a = aMessage({ createdAt: at(1) });
      const b = aMessage({ partnershipId: partnership.id, createdAt: at(3) });
      const c = aMessage({ createdAt: at(2), status: 'sent', sentAt: at(2), attempts: 1 });
      for (const message of [a, b, c]) await store.outbox.enqueue(message);
      expect(await store.outbox.listRecent(10)).toEqual([b, c, a]);
      expect(await store.outbox.listRecent(1)).toEqual([b]);
    });
  });

  describe('audit', () => {
    it('lists the partnership’s events and its members’ sign-ins, not those of others', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const { user: member } = await givenMember(store, partnership.id);
      const { user: outsider } = await givenMember(store, other.id);
      const record = (event: Parameters<typeof anAuditEvent>[0]) => {
        const full = anAuditEvent(event);
        return store.audit.record(full).then(() => full);
      };

      const own = await record({ partnershipId: partnership.id, action: 'member-invited', createdAt: at(1) });
      const signIn = await record({ actorUserId: member.id, action: 'signed-in', createdAt: at(2) });
      const signOut = await record({ actorUserId: member.id, action: 'signed-out', createdAt: at(3) });
      const password = await record({ actorUserId: member.id, action: 'password-changed', createdAt: at(4) });
      await record({ actorUserId: outsider.id, action: 'signed-in', createdAt: at(5) });
      await record({
        partnershipId: other.id,
        actorUserId: member.id,
        action: 'member-invited',
        createdAt: at(6),
      });
      await record({ actorUserId: member.id, action: 'account-created', createdAt: at(7) });

      const listed = await store.audit.listForPartnership(partnership.id, 50);
      expect(listed).toEqual([password, signOut, signIn, own]);
      expect(await store.audit.listForPartnership(partnership.id, 2)).toEqual([password, signOut]);
      const otherIds = (await store.audit.listForPartnership(other.id, 50)).map((e) => e.action);
      expect(otherIds).toEqual(['member-invited', 'signed-in']);
    });
  });

  describe('transactions', () => {
    it('commits everything written inside and returns the result', async () => {
      const user = aUser();
      const partnership = aPartnership();
      const result = await store.transaction(async (trx) => {
        await trx.users.insert(user);
        await trx.partnerships.insert(partnership);
        expect(await trx.users.findById(user.id)).toEqual(user);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.users.findById(user.id)).toEqual(user);
      expect(await store.partnerships.findById(partnership.id)).toEqual(partnership);
    });

    it('rolls back everything written inside when the work throws', async () => {
      const existing = await givenUser(store);
      const user = aUser();
      const partnership = aPartnership();
      const failure = new Error('stop here');
      await expect(
        store.transaction(async (trx) => {
          await trx.users.insert(user);
          await trx.partnerships.insert(partnership);
          await trx.users.updatePasswordHash(existing.id, 'changed');
          await trx.settings.set('inside', 'yes');
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.users.findById(user.id)).toBeUndefined();
      expect(await store.partnerships.findById(partnership.id)).toBeUndefined();
      expect(await store.users.findById(existing.id)).toEqual(existing);
      expect(await store.settings.get('inside')).toBeUndefined();
    });

    it('rolls back the earlier writes when a later one breaks a constraint', async () => {
      const existing = await givenUser(store);
      const user = aUser();
      await expect(
        store.transaction(async (trx) => {
          await trx.users.insert(user);
          await trx.users.insert(aUser({ email: existing.email }));
        }),
      ).rejects.toThrow();
      expect(await store.users.findById(user.id)).toBeUndefined();
      expect(await store.users.count()).toBe(1);
    });

    it('runs a nested transaction as part of the outer one', async () => {
      const outer = aUser();
      const inner = aUser();
      const value = await store.transaction(async (trx) => {
        await trx.users.insert(outer);
        return trx.transaction(async (nested) => {
          await nested.users.insert(inner);
          return (await nested.users.findById(outer.id))?.email;
        });
      });
      expect(value).toBe(outer.email);
      expect(await store.users.findById(inner.id)).toEqual(inner);

      const lost = aUser();
      const lostToo = aUser();
      await expect(
        store.transaction(async (trx) => {
          await trx.users.insert(lost);
          await trx.transaction(async (nested) => {
            await nested.users.insert(lostToo);
            throw new Error('inner failure');
          });
        }),
      ).rejects.toThrow('inner failure');
      expect(await store.users.findById(lost.id)).toBeUndefined();
      expect(await store.users.findById(lostToo.id)).toBeUndefined();
    });
  });
});
