import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GroupRecord, RoundRecord, Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { at, givenPartnership, id } from './fixtures.js';

function aRound(partnershipId: string, overrides: Partial<RoundRecord> = {}): RoundRecord {
  return {
    id: id(),
    partnershipId,
    name: 'Spring check',
    kind: 'quick',
    frameworkVersion: '2026.1',
    threshold: 5,
    opensOn: '2027-03-01',
    closesOn: '2027-03-31',
    closedAt: null,
    thresholdLockedAt: null,
    createdAt: at(0),
    answersVersion: 0,
    ...overrides,
  };
}

function groupsFor(roundId: string): GroupRecord[] {
  return [
    {
      id: id(),
      roundId,
      kind: 'council',
      name: 'Council',
      side: 'council',
      position: 0,
      hasShareLink: false,
    },
    { id: id(), roundId, kind: 'vcs', name: 'VCS', side: 'community', position: 1, hasShareLink: false },
  ];
}

/** Repository contract, part 4: assessment rounds, invitations, responses and workshop records. */
describe.each(databaseTargets())('Store contract on $name: assessments', (target) => {
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

  async function givenRound(overrides: Partial<RoundRecord> = {}) {
    const partnership = await givenPartnership(store);
    const round = aRound(partnership.id, overrides);
    const groups = groupsFor(round.id);
    await store.rounds.insert(round, groups);
    return { partnership, round, groups };
  }

  it('stores a round with its groups in order, scoped to its partnership', async () => {
    const { partnership, round, groups } = await givenRound();
    expect(await store.rounds.find(partnership.id, round.id)).toEqual(round);
    expect(await store.rounds.findById(round.id)).toEqual(round);
    expect(await store.rounds.groups(round.id)).toEqual(groups);
    const other = await givenPartnership(store);
    expect(await store.rounds.find(other.id, round.id)).toBeUndefined();
  });

  it('lists rounds newest first by opening date', async () => {
    const partnership = await givenPartnership(store);
    const older = aRound(partnership.id, { opensOn: '2026-01-01', name: 'Older' });
    const newer = aRound(partnership.id, { opensOn: '2027-01-01', name: 'Newer' });
    await store.rounds.insert(older, []);
    await store.rounds.insert(newer, []);
    expect((await store.rounds.list(partnership.id)).map((r) => r.name)).toEqual(['Newer', 'Older']);
  });

  it('locks the threshold and closes a round once', async () => {
    const { round } = await givenRound();
    await store.rounds.lockThreshold(round.id, at(1));
    await store.rounds.lockThreshold(round.id, at(2));
    await store.rounds.close(round.id, at(3));
    await store.rounds.close(round.id, at(4));
    expect(await store.rounds.findById(round.id)).toMatchObject({
      thresholdLockedAt: at(1),
      closedAt: at(3),
    });
  });

  it('finds a group by its share link hash', async () => {
    const { round, groups } = await givenRound();
    const vcs = groups[1] as GroupRecord;
    await store.rounds.setShareTokenHash(round.id, vcs.id, 'hash-1');
    expect(await store.rounds.findGroupByShareTokenHash('hash-1')).toEqual({ ...vcs, hasShareLink: true });
    expect(await store.rounds.findGroupByShareTokenHash('hash-2')).toBeUndefined();
  });

  it('keeps one invitation per address per round, countable by group', async () => {
    const { round, groups } = await givenRound();
    const council = groups[0] as GroupRecord;
    const invitation = {
      id: id(),
      roundId: round.id,
      groupId: council.id,
      email: 'a@example.org',
      tokenHash: 't1',
      createdAt: at(0),
    };
    await store.roundInvitations.insert(invitation);
    await expect(
      store.roundInvitations.insert({ ...invitation, id: id(), tokenHash: 't2' }),
    ).rejects.toThrow();
    await store.roundInvitations.replaceTokenHash(invitation.id, 't3');
    expect(await store.roundInvitations.findByTokenHash('t1')).toBeUndefined();
    expect(await store.roundInvitations.findByTokenHash('t3')).toMatchObject({ id: invitation.id });
    expect(await store.roundInvitations.findByEmail(round.id, 'a@example.org')).toMatchObject({
      tokenHash: 't3',
    });
    expect(await store.roundInvitations.listByEmail('a@example.org')).toHaveLength(1);
    expect(await store.roundInvitations.countByGroup(round.id)).toEqual({ [council.id]: 1 });
  });

  it('keeps members’ own places to answer apart from invitations when counting', async () => {
    const { round, groups } = await givenRound();
    const council = groups[0] as GroupRecord;
    const place = { roundId: round.id, groupId: council.id, tokenHash: 'm1', createdAt: at(0) };
    await store.roundInvitations.insert({ ...place, id: id(), email: 'invited@example.org' });
    await store.roundInvitations.insert({
      ...place,
      id: id(),
      email: 'member@example.org',
      tokenHash: 'm2',
      source: 'membership',
    });
    expect(await store.roundInvitations.findByEmail(round.id, 'member@example.org')).toMatchObject({
      source: 'membership',
    });
    expect(await store.roundInvitations.findByEmail(round.id, 'invited@example.org')).toMatchObject({
      source: 'invitation',
    });
    expect(await store.roundInvitations.countByGroup(round.id)).toEqual({ [council.id]: 1 });
  });

  it('saves ratings (replacing a changed answer), counts progress and returns submitted responses only', async () => {
    const { round, groups } = await givenRound();
    const [council, vcs] = groups as [GroupRecord, GroupRecord];
    const first = {
      id: id(),
      roundId: round.id,
      groupId: council.id,
      respondentKey: 'k1',
      status: 'in-progress' as const,
    };
    const second = {
      id: id(),
      roundId: round.id,
      groupId: vcs.id,
      respondentKey: 'k2',
      status: 'in-progress' as const,
    };
    await store.responses.insert(first);
    await store.responses.insert(second);
    await expect(store.responses.insert({ ...first, id: id() })).rejects.toThrow();
    await store.responses.saveRating(first.id, {
      indicatorCode: 'SF1',
      rating: '2',
      comment: null,
      evidenceUrl: null,
    });
    await store.responses.saveRating(first.id, {
      indicatorCode: 'SF1',
      rating: '3',
      comment: 'Better',
      evidenceUrl: 'https://example.org',
    });
    await store.responses.saveRating(second.id, {
      indicatorCode: 'SF1',
      rating: 'dont-know',
      comment: null,
      evidenceUrl: null,
    });
    expect(await store.responses.ratings(first.id)).toEqual([
      { indicatorCode: 'SF1', rating: '3', comment: 'Better', evidenceUrl: 'https://example.org' },
    ]);
    await store.responses.markSubmitted(first.id);
    expect(await store.responses.findByKey('k1')).toMatchObject({ status: 'submitted' });
    const progress = await store.responses.progress(round.id);
    expect(progress.sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { groupId: vcs.id, status: 'in-progress', count: 1 },
      { groupId: council.id, status: 'submitted', count: 1 },
    ]);
    expect(await store.responses.submitted(round.id)).toEqual([
      {
        groupId: council.id,
        ratings: [
          { indicatorCode: 'SF1', rating: '3', comment: 'Better', evidenceUrl: 'https://example.org' },
        ],
      },
    ]);
  });

  it('returns each submitted response of the round once, with all its ratings and any notes', async () => {
    const { round, groups } = await givenRound();
    const [council, vcs] = groups as [GroupRecord, GroupRecord];
    const other = await givenRound();
    const response = (groupId: string, status: 'in-progress' | 'submitted', roundId = round.id) => ({
      id: id(),
      roundId,
      groupId,
      respondentKey: id(),
      status,
    });
    const full = response(council.id, 'submitted');
    const short = response(vcs.id, 'submitted');
    const empty = response(vcs.id, 'submitted');
    const unfinished = response(council.id, 'in-progress');
    const elsewhere = response((other.groups[0] as GroupRecord).id, 'submitted', other.round.id);
    for (const record of [full, short, empty, unfinished, elsewhere]) await store.responses.insert(record);
    const comment = 'Late payments, twice;\nthe “compact” says 30 days ✓ \u001e\u001f';
    const rate = (responseId: string, indicatorCode: string, rating: string, notes: object = {}) =>
      store.responses.saveRating(responseId, {
        indicatorCode,
        rating,
        comment: null,
        evidenceUrl: null,
        ...notes,
      });
    await rate(full.id, 'SF2', '4', { comment });
    await rate(full.id, 'SF1', '1');
    await rate(full.id, 'RC1', 'not-applicable', { evidenceUrl: 'https://example.org/report' });
    await rate(short.id, 'SF1', 'dont-know');
    await rate(unfinished.id, 'SF1', '2');
    await rate(elsewhere.id, 'SF1', '3');

    const expected = [
      {
        id: full.id,
        groupId: council.id,
        ratings: [
          {
            indicatorCode: 'RC1',
            rating: 'not-applicable',
            comment: null,
            evidenceUrl: 'https://example.org/report',
          },
          { indicatorCode: 'SF1', rating: '1', comment: null, evidenceUrl: null },
          { indicatorCode: 'SF2', rating: '4', comment, evidenceUrl: null },
        ],
      },
      {
        id: short.id,
        groupId: vcs.id,
        ratings: [{ indicatorCode: 'SF1', rating: 'dont-know', comment: null, evidenceUrl: null }],
      },
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await store.responses.submitted(round.id)).toEqual(
      expected.map(({ groupId, ratings }) => ({ groupId, ratings })),
    );
  });

  it('keeps one workshop record per principle, updated in place', async () => {
    const { round } = await givenRound();
    const record = {
      id: id(),
      roundId: round.id,
      principleCode: 'SF',
      agreedLevel: 2,
      reasons: 'r',
      agreedActions: 'a',
      recordedAt: at(1),
      recordedBy: 'x@example.org',
    };
    await store.workshop.save(record);
    await store.workshop.save({ ...record, id: id(), agreedLevel: null, reasons: 'changed' });
    expect(await store.workshop.list(round.id)).toEqual([
      { ...record, agreedLevel: null, reasons: 'changed' },
    ]);
  });
});
