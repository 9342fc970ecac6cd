import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import {
  aOneTimeToken,
  aSession,
  aUser,
  anApiToken,
  at,
  givenPartnership,
  givenUser,
  id,
} from './fixtures.js';

/** Repository contract, part 1: accounts (users, sessions, one-time tokens, API tokens), settings, migrations. */
describe.each(databaseTargets())('Store contract on $name: accounts', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('migrations', () => {
    it('migrateToLatest on an up-to-date database applies nothing and keeps the data', async () => {
      const user = await givenUser(store);
      expect(await migrateToLatest(handle)).toEqual({ applied: [] });
      expect(await migrateToLatest(handle)).toEqual({ applied: [] });
      expect(await store.users.findById(user.id)).toEqual(user);
    });

    it('migrates an empty database once, then does nothing', async () => {
      const empty = await target.fresh({ migrate: false });
      try {
        const first = await migrateToLatest(empty);
        expect(first.applied).toContain('0001-foundation');
        expect(await migrateToLatest(empty)).toEqual({ applied: [] });
        const emptyStore = createStore(empty.db);
        expect(await emptyStore.users.count()).toBe(0);
      } finally {
        await empty.close();
      }
    });
  });

  it('ping answers', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('users', () => {
    it('inserts and finds a user by id and by email, with every field kept', async () => {
      const user = aUser({ passwordHash: '$argon2id$v=19$hash', isNationalAdmin: true });
      await store.users.insert(user);
      expect(await store.users.findById(user.id)).toEqual(user);
      expect(await store.users.findByEmail(user.email)).toEqual(user);
      const plain = await givenUser(store);
      expect(await store.users.findById(plain.id)).toEqual({
        ...plain,
        isNationalAdmin: false,
        passwordHash: null,
      });
    });

    it('finds nothing for an unknown id or email', async () => {
      expect(await store.users.findById(id())).toBeUndefined();
      expect(await store.users.findByEmail('nobody@example.org')).toBeUndefined();
    });

    it('rejects a second account with the same email and keeps the first', async () => {
      const first = await givenUser(store);
      const before = await store.users.count();
      await expect(store.users.insert(aUser({ email: first.email }))).rejects.toThrow();
      expect(await store.users.count()).toBe(before);
      expect(await store.users.findByEmail(first.email)).toEqual(first);
    });

    it('counts users and updates a password hash', async () => {
      const before = await store.users.count();
      const user = await givenUser(store);
      expect(await store.users.count()).toBe(before + 1);
      await store.users.updatePasswordHash(user.id, 'new-hash');
      expect((await store.users.findById(user.id))?.passwordHash).toBe('new-hash');
    });
  });

  describe('sessions', () => {
    it('inserts, finds, touches and switches the current partnership', async () => {
      const user = await givenUser(store);
      const partnership = await givenPartnership(store);
      const session = aSession(user.id);
      await store.sessions.insert(session);
      expect(await store.sessions.findById(session.id)).toEqual(session);

      await store.sessions.touch(session.id, at(5));
      await store.sessions.setCurrentPartnership(session.id, partnership.id);
      expect(await store.sessions.findById(session.id)).toEqual({
        ...session,
        lastSeenAt: at(5),
        currentPartnershipId: partnership.id,
      });
    });

    it('removes one session, or every session of one user only', async () => {
      const user = await givenUser(store);
      const other = await givenUser(store);
      const [a, b, c] = [aSession(user.id), aSession(user.id), aSession(other.id)];
      for (const session of [a, b, c]) await store.sessions.insert(session);

      await store.sessions.remove(a.id);
      expect(await store.sessions.findById(a.id)).toBeUndefined();
      expect(await store.sessions.findById(b.id)).toEqual(b);

      await store.sessions.removeForUser(user.id);
      expect(await store.sessions.findById(b.id)).toBeUndefined();
      expect(await store.sessions.findById(c.id)).toEqual(c);
    });
  });

  describe('one-time tokens', () => {
    it('inserts and finds a token', async () => {
      const user = await givenUser(store);
      const token = aOneTimeToken(user.id, { purpose: 'password-reset' });
      await store.oneTimeTokens.insert(token);
      expect(await store.oneTimeTokens.findById(token.id)).toEqual(token);
      expect(await store.oneTimeTokens.findById(id())).toBeUndefined();
    });

    it('marks a token used only once: true, then false, keeping the first time', async () => {
      const user = await givenUser(store);
      const token = aOneTimeToken(user.id);
      await store.oneTimeTokens.insert(token);
      expect(await store.oneTimeTokens.markUsed(token.id, at(1))).toBe(true);
      expect(await store.oneTimeTokens.markUsed(token.id, at(2))).toBe(false);
      expect((await store.oneTimeTokens.findById(token.id))?.usedAt).toBe(at(1));
      expect(await store.oneTimeTokens.markUsed(id(), at(1))).toBe(false);
    });

    it('lets only one of several simultaneous uses through', async () => {
      const user = await givenUser(store);
      const token = aOneTimeToken(user.id);
      await store.oneTimeTokens.insert(token);
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => store.oneTimeTokens.markUsed(token.id, at(n))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('API tokens', () => {
    it('inserts, finds by hash and lists a user’s tokens, newest first', async () => {
      const user = await givenUser(store);
      const other = await givenUser(store);
      const older = anApiToken(user.id, { createdAt: at(1) });
      const newer = anApiToken(user.id, { createdAt: at(2) });
      const theirs = anApiToken(other.id);
      for (const token of [older, newer, theirs]) await store.apiTokens.insert(token);

      expect(await store.apiTokens.findByHash(newer.tokenHash)).toEqual(newer);
      expect(await store.apiTokens.findByHash('no-such-hash')).toBeUndefined();
      expect(await store.apiTokens.listForUser(user.id)).toEqual([newer, older]);
    });

    it('rejects a second token with the same hash', async () => {
      const user = await givenUser(store);
      const token = anApiToken(user.id);
      await store.apiTokens.insert(token);
      await expect(
        store.apiTokens.insert(anApiToken(user.id, { tokenHash: token.tokenHash })),
      ).rejects.toThrow();
    });

    it('revokes only the owner’s token, and only once', async () => {
      const user = await givenUser(store);
      const stranger = await givenUser(store);
      const token = anApiToken(user.id);
      await store.apiTokens.insert(token);

      expect(await store.apiTokens.revoke(stranger.id, token.id, at(1))).toBe(false);
      expect((await store.apiTokens.findByHash(token.tokenHash))?.revokedAt).toBeNull();
      expect(await store.apiTokens.revoke(user.id, token.id, at(2))).toBe(true);
      expect(await store.apiTokens.revoke(user.id, token.id, at(3))).toBe(false);
      expect((await store.apiTokens.findByHash(token.tokenHash))?.revokedAt).toBe(at(2));
    });

    it('records when a token was last used', async () => {
      const user = await givenUser(store);
      const token = anApiToken(user.id);
      await store.apiTokens.insert(token);
      await store.apiTokens.touch(token.id, at(9));
      expect((await store.apiTokens.findByHash(token.tokenHash))?.lastUsedAt).toBe(at(9));
    });
  });

  describe('settings', () => {
    it('gets nothing for an unknown key, then sets and replaces a value', async () => {
      const key = `key-${id()}`;
      expect(await store.settings.get(key)).toBeUndefined();
      await store.settings.set(key, 'first');
      expect(await store.settings.get(key)).toBe('first');
      await store.settings.set(key, 'second');
      expect(await store.settings.get(key)).toBe('second');
    });
  });
});
