import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { ReminderSentRecord } from '../../src/app/reminders/reminder-records.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { aMessage, at, givenPartnership, givenUser, id } from './fixtures.js';

function aReminder(overrides: Partial<ReminderSentRecord> = {}): ReminderSentRecord {
  return {
    id: id(),
    partnershipId: null,
    kind: 'action-due',
    subjectId: id(),
    recipient: id(),
    period: 'due:2026-03-09',
    sentAt: at(0),
    ...overrides,
  };
}

/** Repository contract: reminders sent (each once) and the kinds people turned off. */
describe.each(databaseTargets())('Store contract on $name: reminders', (target) => {
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

  it('claims a reminder once for each kind, subject, recipient and period', async () => {
    const partnership = await givenPartnership(store);
    const first = aReminder({ partnershipId: partnership.id });
    expect(await store.reminders.claim(first)).toBe(true);
    expect(await store.reminders.claim({ ...first, id: id(), sentAt: at(5) })).toBe(false);
    // Any one part different is a different reminder.
    expect(await store.reminders.claim({ ...first, id: id(), period: 'overdue:2026-03-09:week-1' })).toBe(
      true,
    );
    expect(await store.reminders.claim({ ...first, id: id(), recipient: id() })).toBe(true);
    expect(await store.reminders.claim({ ...first, id: id(), subjectId: id() })).toBe(true);
    expect(await store.reminders.claim({ ...first, id: id(), kind: 'funding-deadline' })).toBe(true);
    const rows = await handle.db.selectFrom('reminders_sent').selectAll().execute();
    expect(rows).toHaveLength(5);
    expect(rows.find((row) => row.id === first.id)).toMatchObject({
      sent_at: at(0),
      partnership_id: partnership.id,
    });
  });

  it('rolls a claim back with the email when the transaction fails, so the reminder can go later', async () => {
    const reminder = aReminder();
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.reminders.claim(reminder)).toBe(true);
        await tx.outbox.enqueue(aMessage());
        throw new Error('SMTP exploded');
      }),
    ).rejects.toThrow('SMTP exploded');
    expect(await store.outbox.listRecent(10)).toEqual([]);
    expect(await store.reminders.claim({ ...reminder, id: id() })).toBe(true);
  });

  it('keeps each owner’s opt-outs apart, replaces them and adds one without duplicating', async () => {
    const user = await givenUser(store);
    const other = await givenUser(store);
    expect(await store.reminders.optedOut(user.id)).toEqual([]);
    await store.reminders.replaceOptOuts(user.id, ['stale-records', 'action-due'], at(1));
    await store.reminders.replaceOptOuts(other.id, ['funding-deadline'], at(1));
    expect(await store.reminders.optedOut(user.id)).toEqual(['action-due', 'stale-records']);
    await store.reminders.replaceOptOuts(user.id, ['round-closing'], at(2));
    expect(await store.reminders.optedOut(user.id)).toEqual(['round-closing']);
    await store.reminders.addOptOut(user.id, 'round-closing', at(3));
    await store.reminders.addOptOut(user.id, 'funding-deadline', at(3));
    expect(await store.reminders.optedOut(user.id)).toEqual(['funding-deadline', 'round-closing']);
    await store.reminders.replaceOptOuts(user.id, [], at(4));
    expect(await store.reminders.optedOut(user.id)).toEqual([]);
    expect(await store.reminders.optedOut(other.id)).toEqual(['funding-deadline']);
  });

  it('lists a round’s invitations and no other round’s', async () => {
    const partnership = await givenPartnership(store);
    const round = (name: string) => ({
      id: id(),
      partnershipId: partnership.id,
      name,
      kind: 'quick' as const,
      frameworkVersion: '2026.1',
      threshold: 5,
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      closedAt: null,
      thresholdLockedAt: null,
      createdAt: at(0),
      answersVersion: 0,
    });
    const spring = round('Spring');
    const autumn = round('Autumn');
    const group = (roundId: string) => ({
      id: id(),
      roundId,
      kind: 'vcs' as const,
      name: 'VCS',
      side: 'community' as const,
      position: 0,
      hasShareLink: false,
    });
    const springGroup = group(spring.id);
    const autumnGroup = group(autumn.id);
    await store.rounds.insert(spring, [springGroup]);
    await store.rounds.insert(autumn, [autumnGroup]);
    const invite = (roundId: string, groupId: string, email: string, minute: number) => ({
      id: id(),
      roundId,
      groupId,
      email,
      tokenHash: `hash-${id()}`,
      createdAt: at(minute),
    });
    const second = invite(spring.id, springGroup.id, 'b@example.org', 2);
    const first = invite(spring.id, springGroup.id, 'a@example.org', 1);
    const elsewhere = invite(autumn.id, autumnGroup.id, 'a@example.org', 0);
    for (const invitation of [second, first, elsewhere]) await store.roundInvitations.insert(invitation);
    expect(await store.reminders.invitationsForRound(spring.id)).toEqual([first, second]);
  });
});
