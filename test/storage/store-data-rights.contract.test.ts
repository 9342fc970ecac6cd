import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionRecord, GroupRecord, RoundRecord, Store } from '../../src/app/ports.js';
import { DELETED_USER } from '../../src/app/privacy/data-rights-store.js';
import { computeRoundResults } from '../../src/domain/results/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import {
  aMessage,
  anApiToken,
  anAuditEvent,
  anInvitation,
  aSession,
  at,
  givenMember,
  givenPartnership,
  givenUser,
  id,
} from './fixtures.js';

const level = (n: 1 | 2 | 3 | 4) => ({ kind: 'level' as const, level: n });

function anAction(partnershipId: string, overrides: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: id(),
    partnershipId,
    roundId: null,
    title: 'Agree a shared data protocol',
    description: '',
    indicatorCodes: [],
    side: 'joint',
    ownerOrganisationId: null,
    leadName: 'Someone',
    dueOn: null,
    status: 'not-started',
    source: 'manual',
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** Repository contract: kept round results, the retention deletions, personal data and account erasure. */
describe.each(databaseTargets())('Store contract on $name: data rights', (target) => {
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

  async function givenAnsweredRound(partnershipId: string, invitees: readonly string[]) {
    const round: RoundRecord = {
      id: id(),
      partnershipId,
      name: `Round ${id().slice(0, 6)}`,
      kind: 'quick',
      frameworkVersion: '2026.1',
      threshold: 3,
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      closedAt: null,
      thresholdLockedAt: null,
      createdAt: at(0),
      answersVersion: 0,
    };
    const group: GroupRecord = {
      id: id(),
      roundId: round.id,
      kind: 'vcs',
      name: 'VCS',
      side: 'community',
      position: 0,
      hasShareLink: false,
    };
    await store.rounds.insert(round, [group]);
    for (const [i, email] of invitees.entries()) {
      const tokenHash = `hash-${id()}`;
      await store.roundInvitations.insert({
        id: id(),
        roundId: round.id,
        groupId: group.id,
        email,
        tokenHash,
        createdAt: at(i),
      });
      const responseId = id();
      await store.responses.insert({
        id: responseId,
        roundId: round.id,
        groupId: group.id,
        respondentKey: `key-${id()}`,
        status: 'submitted',
      });
      await store.responses.saveRating(responseId, {
        indicatorCode: 'SF1',
        rating: '3',
        comment: 'Fine',
        evidenceUrl: null,
      });
    }
    return { round, group };
  }

  it('saves, reads back and replaces a round’s kept results', async () => {
    const partnership = await givenPartnership(store);
    const { round, group } = await givenAnsweredRound(partnership.id, []);
    const results = computeRoundResults({
      threshold: 3,
      principles: [{ code: 'SF', name: 'Shared focus', indicatorCodes: ['SF1'] }],
      groups: [{ id: group.id, name: 'VCS', side: 'community' }],
      responses: [1, 2, 3].map((n) => ({
        groupId: group.id,
        ratings: { SF1: level(n as 1 | 2 | 3) },
        comments: { SF1: `Comment ${n}` },
      })),
    });
    const snapshot = {
      roundId: round.id,
      results,
      progress: [{ groupId: group.id, invited: 4, started: 3, submitted: 3 }],
      commentsRemoved: false,
      answersDeletedAt: at(10),
    };
    expect(await store.dataRights.findSnapshot(round.id)).toBeUndefined();
    await store.dataRights.saveSnapshot(snapshot);
    expect(await store.dataRights.findSnapshot(round.id)).toEqual(snapshot);
    await store.dataRights.saveSnapshot({ ...snapshot, commentsRemoved: true, answersDeletedAt: at(20) });
    expect(await store.dataRights.findSnapshot(round.id)).toMatchObject({
      commentsRemoved: true,
      answersDeletedAt: at(20),
    });
  });

  it('deletes one round’s responses and answers, and only that round’s', async () => {
    const partnership = await givenPartnership(store);
    const purged = await givenAnsweredRound(partnership.id, ['a@example.org', 'b@example.org']);
    const kept = await givenAnsweredRound(partnership.id, ['a@example.org']);
    expect(await store.dataRights.deleteResponses(purged.round.id)).toBe(2);
    expect(await store.responses.submitted(purged.round.id)).toEqual([]);
    expect(await store.responses.submitted(kept.round.id)).toHaveLength(1);
    expect(await store.dataRights.deleteResponses(purged.round.id)).toBe(0);
  });

  it('removes invitation email addresses and links but keeps the invited counts', async () => {
    const partnership = await givenPartnership(store);
    const purged = await givenAnsweredRound(partnership.id, ['a@example.org', 'b@example.org']);
    const other = await givenAnsweredRound(partnership.id, ['a@example.org']);
    const before = await store.roundInvitations.findByEmail(purged.round.id, 'a@example.org');
    expect(await store.dataRights.removeInvitationEmails(purged.round.id)).toBe(2);
    expect(await store.roundInvitations.countByGroup(purged.round.id)).toEqual({ [purged.group.id]: 2 });
    expect(await store.roundInvitations.findByEmail(purged.round.id, 'a@example.org')).toBeUndefined();
    expect(await store.roundInvitations.findByTokenHash(before?.tokenHash ?? '')).toBeUndefined();
    expect((await store.roundInvitations.listByEmail('a@example.org')).map((i) => i.roundId)).toEqual([
      other.round.id,
    ]);
    expect(await store.dataRights.removeInvitationEmails(purged.round.id)).toBe(0);
  });

  it('deletes old copies of emails and expired invitations of one partnership only', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    await store.outbox.enqueue(aMessage({ partnershipId: partnership.id, status: 'sent', createdAt: at(0) }));
    await store.outbox.enqueue(
      aMessage({ partnershipId: partnership.id, status: 'queued', createdAt: at(0) }),
    );
    await store.outbox.enqueue(
      aMessage({ partnershipId: partnership.id, status: 'sent', createdAt: at(100) }),
    );
    await store.outbox.enqueue(
      aMessage({ partnershipId: partnership.id, status: 'failed', attempts: 5, createdAt: at(0) }),
    );
    // Being sent right now: kept, like a queued one, until it is sent or given up.
    await store.outbox.enqueue(
      aMessage({ partnershipId: partnership.id, status: 'sending', createdAt: at(0) }),
    );
    await store.outbox.enqueue(aMessage({ partnershipId: other.id, status: 'sent', createdAt: at(0) }));
    expect(await store.dataRights.deleteEmailsBefore(partnership.id, at(50))).toBe(2);
    expect((await store.outbox.listMetadata(partnership.id, 10)).map((m) => m.status).sort()).toEqual([
      'queued',
      'sending',
      'sent',
    ]);
    expect(await store.outbox.listMetadata(other.id, 10)).toHaveLength(1);

    await store.invitations.insert(anInvitation(partnership.id, { expiresAt: at(10) }));
    await store.invitations.insert(anInvitation(partnership.id, { expiresAt: at(100) }));
    await store.invitations.insert(anInvitation(other.id, { expiresAt: at(10) }));
    expect(await store.dataRights.deleteInvitationsExpiredBefore(partnership.id, at(50))).toBe(1);
    expect(await store.dataRights.deleteInvitationsExpiredBefore(partnership.id, at(50))).toBe(0);
  });

  it('counts national admins', async () => {
    await givenUser(store, { isNationalAdmin: true });
    await givenUser(store);
    expect(await store.dataRights.countNationalAdmins()).toBe(1);
  });

  async function givenTwoPeople() {
    const partnership = await givenPartnership(store);
    const sam = await givenMember(store, partnership.id, 'council-member', {
      user: { email: 'sam@example.org', displayName: 'Sam Patel' },
    });
    const kim = await givenMember(store, partnership.id, 'partnership-admin', {
      user: { email: 'kim@example.org', displayName: 'Kim Lee' },
    });
    for (const person of [sam.user, kim.user]) {
      await store.reminders.addOptOut(person.id, 'stale-records', at(1));
      await store.sessions.insert(aSession(person.id));
      await store.apiTokens.insert(anApiToken(person.id, { name: `${person.displayName} token` }));
      await store.actions.insert(
        anAction(partnership.id, { title: `Led by ${person.displayName}`, leadName: person.displayName }),
      );
      await store.audit.record(
        anAuditEvent({
          partnershipId: partnership.id,
          actorUserId: person.id,
          actorLabel: person.email,
          action: 'signed-in',
          subject: person.email,
        }),
      );
      await store.outbox.enqueue(
        aMessage({
          partnershipId: partnership.id,
          recipient: person.email,
          subject: `To ${person.displayName}`,
        }),
      );
    }
    await store.audit.record(
      anAuditEvent({
        partnershipId: partnership.id,
        actorUserId: kim.user.id,
        actorLabel: kim.user.email,
        action: 'member-changed',
        createdAt: at(5),
        subject: 'sam@example.org: Viewer to Council member',
      }),
    );
    const round = await givenAnsweredRound(partnership.id, [
      'sam@example.org',
      'kim@example.org',
      'lee@example.org',
    ]);
    return { partnership, sam: sam.user, kim: kim.user, round };
  }

  it('reads a person’s records and none of anyone else’s', async () => {
    const { sam } = await givenTwoPeople();
    const records = await store.dataRights.personalRecords({
      userId: sam.id,
      email: sam.email,
      displayName: sam.displayName,
    });
    expect(records.memberships).toEqual([expect.objectContaining({ role: 'council-member' })]);
    expect(records.sessions).toHaveLength(1);
    expect(records.reminderChoices.map((c) => c.kind)).toEqual(['stale-records']);
    expect(records.apiTokens.map((t) => t.name)).toEqual(['Sam Patel token']);
    expect(records.actionsLed.map((a) => a.title)).toEqual(['Led by Sam Patel']);
    expect(records.emailsSent.map((e) => e.subject)).toEqual(['To Sam Patel']);
    expect(records.roundInvitations).toHaveLength(1);
    expect(records.auditEntries.map((e) => [e.action, e.byYou])).toEqual([
      ['signed-in', true],
      ['member-changed', false],
    ]);
    expect(JSON.stringify(records)).not.toMatch(/kim@example\.org|Kim Lee/);
  });

  it('erases a person’s account and names, keeping answers and other people’s data', async () => {
    const { partnership, sam, kim, round } = await givenTwoPeople();
    const answersBefore = await store.responses.submitted(round.round.id);
    const counts = await store.dataRights.eraseAccount({
      userId: sam.id,
      email: sam.email,
      displayName: sam.displayName,
    });
    expect(counts).toMatchObject({
      accounts: 1,
      memberships: 1,
      sessions: 1,
      apiTokens: 1,
      actionsLed: 1,
      emails: 1,
      roundInvitations: 1,
      reminderChoices: 1,
    });
    expect(await store.reminders.optedOut(sam.id)).toEqual([]);
    expect(await store.reminders.optedOut(kim.id)).toEqual(['stale-records']);
    expect(await store.users.findById(sam.id)).toBeUndefined();
    expect(await store.users.findByEmail(sam.email)).toBeUndefined();
    expect(await store.apiTokens.listForUser(sam.id)).toEqual([]);
    expect((await store.actions.list(partnership.id)).map((a) => a.leadName).sort()).toEqual([
      DELETED_USER,
      'Kim Lee',
    ]);
    const audit = await store.audit.listForPartnership(partnership.id, 50);
    expect(JSON.stringify(audit)).not.toContain('sam@example.org');
    expect(audit.find((e) => e.action === 'member-changed')?.subject).toBe(
      'a deleted user: Viewer to Council member',
    );
    expect(audit.filter((e) => e.actorLabel === kim.email)).toHaveLength(2);
    expect(await store.responses.submitted(round.round.id)).toEqual(answersBefore);
    expect(await store.roundInvitations.countByGroup(round.round.id)).toEqual({ [round.group.id]: 3 });
    expect(await store.roundInvitations.findByEmail(round.round.id, kim.email)).toBeDefined();
    expect(await store.users.findById(kim.id)).toBeDefined();
    expect(await store.apiTokens.listForUser(kim.id)).toHaveLength(1);
    const again = await store.dataRights.personalRecords({
      userId: sam.id,
      email: sam.email,
      displayName: sam.displayName,
    });
    expect(Object.values(again).every((list) => list.length === 0)).toBe(true);
  });
});
