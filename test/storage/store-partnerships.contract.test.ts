import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import {
  aMembership,
  aPartnership,
  anInvitation,
  anOrganisation,
  at,
  givenMember,
  givenPartnership,
  givenUser,
  id,
} from './fixtures.js';

/** Repository contract, part 2: partnerships, organisations, memberships and invitations. */
describe.each(databaseTargets())('Store contract on $name: partnerships', (target) => {
  let handle: DatabaseHandle;
  let store: Store;

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('partnerships', () => {
    it('inserts and finds a partnership by id and by slug', async () => {
      const partnership = await givenPartnership(store);
      expect(await store.partnerships.findById(partnership.id)).toEqual(partnership);
      expect(await store.partnerships.findBySlug(partnership.slug)).toEqual(partnership);
      expect(await store.partnerships.findBySlug('no-such-slug')).toBeUndefined();
      expect(await store.partnerships.findById(id())).toBeUndefined();
    });

    it('keeps a reach rule per partnership, null for the default, and changes only its own', async () => {
      const one = await givenPartnership(store);
      const other = await givenPartnership(store);
      expect(await store.partnerships.reachRule(one.id)).toEqual({ urban: null, town: null, rural: null });
      await store.partnerships.setReachRule(one.id, { urban: 2.5, town: null, rural: 12 });
      expect(await store.partnerships.reachRule(one.id)).toEqual({ urban: 2.5, town: null, rural: 12 });
      expect(await store.partnerships.reachRule(other.id)).toEqual({ urban: null, town: null, rural: null });
      await store.partnerships.setReachRule(one.id, { urban: null, town: null, rural: null });
      expect(await store.partnerships.reachRule(one.id)).toEqual({ urban: null, town: null, rural: null });
    });

    it('rejects a second partnership with the same slug', async () => {
      const first = await givenPartnership(store);
      await expect(store.partnerships.insert(aPartnership({ slug: first.slug }))).rejects.toThrow();
      expect((await store.partnerships.list()).filter((p) => p.slug === first.slug)).toEqual([first]);
    });

    it('lists partnerships by name', async () => {
      const zulu = await givenPartnership(store, { name: `Zulu ${id()}` });
      const alpha = await givenPartnership(store, { name: `Alpha ${id()}` });
      const listed = (await store.partnerships.list()).filter((p) => p.id === zulu.id || p.id === alpha.id);
      expect(listed).toEqual([alpha, zulu]);
    });

    it('lists the partnerships a person belongs to, with their role there, and no others', async () => {
      const mine = await givenPartnership(store, { name: `Beta ${id()}` });
      const alsoMine = await givenPartnership(store, { name: `Alpha ${id()}` });
      await givenPartnership(store, { name: `Aardvark ${id()}` });
      const user = await givenUser(store);
      await store.memberships.insert(aMembership(mine.id, user.id, { role: 'partnership-admin' }));
      await store.memberships.insert(aMembership(alsoMine.id, user.id, { role: 'vcs-member' }));

      expect(await store.partnerships.listForUser(user.id)).toEqual([
        { ...alsoMine, role: 'vcs-member' },
        { ...mine, role: 'partnership-admin' },
      ]);
      expect(await store.partnerships.listForUser(id())).toEqual([]);
    });
  });

  describe('organisations', () => {
    it('lists a partnership’s organisations by name, and only its own', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const second = anOrganisation(partnership.id, { name: 'Bravo Trust', identifier: 'GB-CHC-1100001' });
      const first = anOrganisation(partnership.id, { name: 'Alpha Council', kind: 'council' });
      for (const organisation of [second, first, anOrganisation(other.id)]) {
        await store.organisations.insert(organisation);
      }
      expect(await store.organisations.listByPartnership(partnership.id)).toEqual([first, second]);
    });

    it('finds an organisation only within its own partnership', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const organisation = anOrganisation(partnership.id);
      await store.organisations.insert(organisation);
      expect(await store.organisations.findById(partnership.id, organisation.id)).toEqual(organisation);
      expect(await store.organisations.findById(other.id, organisation.id)).toBeUndefined();
    });

    it('rejects a duplicate name in one partnership but allows it in another', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      await store.organisations.insert(anOrganisation(partnership.id, { name: 'Same Name' }));
      await expect(
        store.organisations.insert(anOrganisation(partnership.id, { name: 'Same Name' })),
      ).rejects.toThrow();
      await store.organisations.insert(anOrganisation(other.id, { name: 'Same Name' }));
      expect(await store.organisations.listByPartnership(partnership.id)).toHaveLength(1);
      expect(await store.organisations.listByPartnership(other.id)).toHaveLength(1);
    });
  });

  describe('memberships', () => {
    it('finds a membership by partnership and person', async () => {
      const partnership = await givenPartnership(store);
      const { user, membership } = await givenMember(store, partnership.id, 'council-member');
      expect(await store.memberships.find(partnership.id, user.id)).toEqual(membership);
      expect(await store.memberships.find((await givenPartnership(store)).id, user.id)).toBeUndefined();
    });

    it('allows one membership per person per partnership', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const { user } = await givenMember(store, partnership.id);
      await expect(store.memberships.insert(aMembership(partnership.id, user.id))).rejects.toThrow();
      await store.memberships.insert(aMembership(other.id, user.id));
      expect(await store.partnerships.listForUser(user.id)).toHaveLength(2);
    });

    it('finds the member view, with email and organisation name, only in its partnership', async () => {
      const partnership = await givenPartnership(store);
      const organisation = anOrganisation(partnership.id, { name: 'Hillside Food Bank' });
      await store.organisations.insert(organisation);
      const { user, membership } = await givenMember(store, partnership.id, 'vcs-member', {
        membership: { organisationId: organisation.id },
      });
      const { user: loner, membership: lonerMembership } = await givenMember(store, partnership.id);

      expect(await store.memberships.findById(partnership.id, membership.id)).toEqual({
        ...membership,
        email: user.email,
        displayName: user.displayName,
        organisationName: 'Hillside Food Bank',
      });
      expect(await store.memberships.findById(partnership.id, lonerMembership.id)).toEqual({
        ...lonerMembership,
        email: loner.email,
        displayName: loner.displayName,
        organisationName: null,
      });
      const other = await givenPartnership(store);
      expect(await store.memberships.findById(other.id, membership.id)).toBeUndefined();
    });

    it('lists a partnership’s members by display name, and only its own', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const zoe = await givenMember(store, partnership.id, 'viewer', { user: { displayName: 'Zoe Evans' } });
      const amara = await givenMember(store, partnership.id, 'viewer', {
        user: { displayName: 'Amara Jones' },
      });
      await givenMember(store, other.id);
      const listed = await store.memberships.listByPartnership(partnership.id);
      expect(listed.map((m) => m.id)).toEqual([amara.membership.id, zoe.membership.id]);
      expect(listed[0]?.email).toBe(amara.user.email);
    });

    it('counts the partnership admins of one partnership', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      expect(await store.memberships.countAdmins(partnership.id)).toBe(0);
      await givenMember(store, partnership.id, 'partnership-admin');
      await givenMember(store, partnership.id, 'partnership-admin');
      await givenMember(store, partnership.id, 'council-member');
      await givenMember(store, other.id, 'partnership-admin');
      expect(await store.memberships.countAdmins(partnership.id)).toBe(2);
    });

    it('updates and removes a membership only through its own partnership', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const organisation = anOrganisation(partnership.id);
      await store.organisations.insert(organisation);
      const { user, membership } = await givenMember(store, partnership.id, 'viewer');

      await store.memberships.update(other.id, membership.id, {
        role: 'partnership-admin',
        organisationId: null,
      });
      expect(await store.memberships.find(partnership.id, user.id)).toEqual(membership);

      await store.memberships.update(partnership.id, membership.id, {
        role: 'vcs-member',
        organisationId: organisation.id,
      });
      expect(await store.memberships.find(partnership.id, user.id)).toEqual({
        ...membership,
        role: 'vcs-member',
        organisationId: organisation.id,
      });

      await store.memberships.remove(other.id, membership.id);
      expect(await store.memberships.find(partnership.id, user.id)).toBeDefined();
      await store.memberships.remove(partnership.id, membership.id);
      expect(await store.memberships.find(partnership.id, user.id)).toBeUndefined();
    });
  });

  describe('invitations', () => {
    it('inserts and finds an invitation by token hash', async () => {
      const partnership = await givenPartnership(store);
      const inviter = await givenUser(store);
      const invitation = anInvitation(partnership.id, {
        role: 'council-member',
        invitedByUserId: inviter.id,
      });
      await store.invitations.insert(invitation);
      expect(await store.invitations.findByTokenHash(invitation.tokenHash)).toEqual(invitation);
      expect(await store.invitations.findByTokenHash('no-such-hash')).toBeUndefined();
    });

    it('lists pending invitations newest first, leaving out accepted, withdrawn, expired and others', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const now = at(100);
      const older = anInvitation(partnership.id, { createdAt: at(1), expiresAt: at(200) });
      const newer = anInvitation(partnership.id, { createdAt: at(2), expiresAt: at(200) });
      const accepted = anInvitation(partnership.id, { acceptedAt: at(3) });
      const revoked = anInvitation(partnership.id, { revokedAt: at(3) });
      const expired = anInvitation(partnership.id, { expiresAt: at(99) });
      const elsewhere = anInvitation(other.id);
      for (const invitation of [older, newer, accepted, revoked, expired, elsewhere]) {
        await store.invitations.insert(invitation);
      }
      expect(await store.invitations.listPending(partnership.id, now)).toEqual([newer, older]);
    });

    it('accepts an invitation only once, and never a withdrawn one', async () => {
      const partnership = await givenPartnership(store);
      const invitation = anInvitation(partnership.id);
      const withdrawn = anInvitation(partnership.id, { revokedAt: at(1) });
      await store.invitations.insert(invitation);
      await store.invitations.insert(withdrawn);

      expect(await store.invitations.markAccepted(invitation.id, at(5))).toBe(true);
      expect(await store.invitations.markAccepted(invitation.id, at(6))).toBe(false);
      expect((await store.invitations.findByTokenHash(invitation.tokenHash))?.acceptedAt).toBe(at(5));
      expect(await store.invitations.markAccepted(withdrawn.id, at(5))).toBe(false);
    });

    it('accepts an invitation only once when several acceptances race', async () => {
      const partnership = await givenPartnership(store);
      const invitation = anInvitation(partnership.id);
      await store.invitations.insert(invitation);
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) => store.invitations.markAccepted(invitation.id, at(n))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('withdraws an invitation only through its own partnership, once, and not after acceptance', async () => {
      const partnership = await givenPartnership(store);
      const other = await givenPartnership(store);
      const invitation = anInvitation(partnership.id);
      const accepted = anInvitation(partnership.id, { acceptedAt: at(1) });
      await store.invitations.insert(invitation);
      await store.invitations.insert(accepted);

      expect(await store.invitations.revoke(other.id, invitation.id, at(2))).toBe(false);
      expect((await store.invitations.findByTokenHash(invitation.tokenHash))?.revokedAt).toBeNull();
      expect(await store.invitations.revoke(partnership.id, invitation.id, at(3))).toBe(true);
      expect(await store.invitations.revoke(partnership.id, invitation.id, at(4))).toBe(false);
      expect((await store.invitations.findByTokenHash(invitation.tokenHash))?.revokedAt).toBe(at(3));
      expect(await store.invitations.revoke(partnership.id, accepted.id, at(4))).toBe(false);
    });
  });
});
