import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GroupRecord, Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { at, givenPartnership, givenUser, id } from './fixtures.js';

/** Repository contract: framework publications, partnership profiles and the uptake counts. */
describe.each(databaseTargets())('Store contract on $name: national view', (target) => {
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

  it('records a publication once per version, oldest first', async () => {
    const user = await givenUser(store);
    const later = {
      id: id(),
      kind: 'framework' as const,
      version: '2026.3',
      publishedAt: at(5),
      publishedBy: null,
      publishedByName: null,
    };
    const earlier = { ...later, id: id(), version: '2026.2', publishedAt: at(1), publishedBy: user.id };
    await store.national.recordPublication(later);
    await store.national.recordPublication({ ...earlier, publishedByName: 'Nia Jones' });
    expect(await store.national.publications('framework')).toEqual([
      { ...earlier, publishedByName: 'Nia Jones' },
      later,
    ]);
    await expect(store.national.recordPublication({ ...later, id: id() })).rejects.toThrow();
  });

  it('adds a profile, then replaces it, with the flag as a boolean', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    expect(await store.national.profile(partnership.id)).toBeUndefined();
    const first = {
      partnershipId: partnership.id,
      frameworkVersion: null,
      region: 'North West',
      benchmarkOptIn: true,
      benchmarkChangedAt: at(1),
      updatedAt: at(1),
    };
    await store.national.saveProfile(first);
    expect(await store.national.profile(partnership.id)).toEqual(first);
    const second = { ...first, frameworkVersion: '2026.2', benchmarkOptIn: false, updatedAt: at(2) };
    await store.national.saveProfile(second);
    expect(await store.national.profile(partnership.id)).toEqual(second);
    expect(await store.national.profile(other.id)).toBeUndefined();
    expect(await store.national.profiles()).toEqual([second]);
  });

  it('counts rounds, submitted respondents by group kind and active actions per partnership', async () => {
    const partnership = await givenPartnership(store);
    const roundId = id();
    const groups: GroupRecord[] = [
      {
        id: id(),
        roundId,
        kind: 'council',
        name: 'Council',
        side: 'council',
        position: 0,
        hasShareLink: false,
      },
      {
        id: id(),
        roundId,
        kind: 'faith',
        name: 'Faith',
        side: 'community',
        position: 1,
        hasShareLink: false,
      },
    ];
    await store.rounds.insert(
      {
        id: roundId,
        partnershipId: partnership.id,
        name: 'Spring check',
        kind: 'quick',
        frameworkVersion: '2026.1',
        threshold: 5,
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
        closedAt: null,
        thresholdLockedAt: null,
        createdAt: at(0),
        answersVersion: 0,
      },
      groups,
    );
    const statuses = [
      ['council', 'submitted'],
      ['council', 'submitted'],
      ['council', 'in-progress'],
      ['faith', 'submitted'],
    ] as const;
    for (const [index, [kind, status]] of statuses.entries()) {
      await store.responses.insert({
        id: id(),
        roundId,
        groupId: (kind === 'council' ? groups[0] : groups[1])?.id ?? '',
        respondentKey: `key-${index}`,
        status,
      });
    }
    for (const status of ['not-started', 'in-progress', 'done', 'dropped'] as const) {
      await store.actions.insert({
        id: id(),
        partnershipId: partnership.id,
        roundId: null,
        title: `Action ${status}`,
        description: '',
        indicatorCodes: [],
        side: 'joint',
        ownerOrganisationId: null,
        leadName: 'Priya Shah',
        dueOn: null,
        status,
        source: 'manual',
        createdAt: at(0),
        updatedAt: at(0),
      });
    }

    expect(await store.national.uptakeRounds()).toEqual([
      { partnershipId: partnership.id, opensOn: '2026-03-01', closesOn: '2026-03-31', closedAt: null },
    ]);
    const counts = await store.national.respondentCounts();
    expect([...counts].sort((a, b) => a.groupKind.localeCompare(b.groupKind))).toEqual([
      { partnershipId: partnership.id, groupKind: 'council', submitted: 2 },
      { partnershipId: partnership.id, groupKind: 'faith', submitted: 1 },
    ]);
    expect(await store.national.activeActionCounts()).toEqual([{ partnershipId: partnership.id, active: 2 }]);
  });
});
