import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MatchingRunRecord } from '../../src/app/matching/matching-run-record.js';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { at, givenPartnership, givenUser, id } from './fixtures.js';

function aRun(partnershipId: string, overrides: Partial<MatchingRunRecord> = {}): MatchingRunRecord {
  return {
    id: id(),
    partnershipId,
    themes: ['food', 'money-and-debt'],
    maxKm: 5.5,
    needUnits: 120,
    metUnits: 100,
    unmetUnits: 20,
    serviceCount: 7,
    totalCost: 1234.5678,
    greedyCost: 1300.25,
    createdBy: null,
    createdByName: 'Asha Patel',
    createdAt: at(0),
    inputJson: JSON.stringify({ units: [{ area: 'E01000001', people: 12 }] }),
    resultJson: JSON.stringify({ unmet: 20 }),
    ...overrides,
  };
}

/** Repository contract: saved allocation runs, always within one partnership. */
describe.each(databaseTargets())('Store contract on $name: matching runs', (target) => {
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

  it('saves a run with every field and finds it only in its partnership', async () => {
    const partnership = await givenPartnership(store);
    const user = await givenUser(store);
    const run = aRun(partnership.id, { createdBy: user.id });
    await store.matchingRuns.insert(run);
    expect(await store.matchingRuns.find(partnership.id, run.id)).toEqual(run);

    const other = await givenPartnership(store);
    expect(await store.matchingRuns.find(other.id, run.id)).toBeUndefined();
    expect(await store.matchingRuns.list(other.id, 10)).toEqual([]);
  });

  it('keeps a missing greedy cost empty', async () => {
    const partnership = await givenPartnership(store);
    const run = aRun(partnership.id, { greedyCost: null });
    await store.matchingRuns.insert(run);
    expect((await store.matchingRuns.find(partnership.id, run.id))?.greedyCost).toBeNull();
  });

  it('lists newest first, without the JSON, up to the limit', async () => {
    const partnership = await givenPartnership(store);
    const older = aRun(partnership.id, { createdAt: at(1) });
    const newer = aRun(partnership.id, { createdAt: at(5) });
    const middle = aRun(partnership.id, { createdAt: at(3) });
    for (const run of [older, newer, middle]) await store.matchingRuns.insert(run);

    const listed = await store.matchingRuns.list(partnership.id, 10);
    expect(listed.map((r) => r.id)).toEqual([newer.id, middle.id, older.id]);
    const { inputJson: _input, resultJson: _result, ...summary } = newer;
    expect(listed[0]).toEqual(summary);
    expect(await store.matchingRuns.list(partnership.id, 2)).toHaveLength(2);
  });
});
