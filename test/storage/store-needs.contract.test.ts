import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { NeedRecord } from '../../src/domain/needs/model.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { anOrganisation, at, givenPartnership, givenUser, id } from './fixtures.js';

function aNeed(partnershipId: string, overrides: Partial<NeedRecord> = {}): NeedRecord {
  return {
    id: id(),
    partnershipId,
    areaCode: 'E01005000',
    theme: 'food',
    severity: 3,
    peopleAffected: 40,
    evidence: 'About 40 families a week asking the food bank for help since the winter.',
    source: 'vcs-frontline',
    reportingOrganisationId: null,
    reportedOn: '2026-01-15',
    sourceId: null,
    createdBy: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** Repository contract: the needs register, always within one partnership. */
describe.each(databaseTargets())('Store contract on $name: needs', (target) => {
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

  it('stores a need with every field and finds it only in its partnership', async () => {
    const partnership = await givenPartnership(store);
    const organisation = anOrganisation(partnership.id);
    await store.organisations.insert(organisation);
    const user = await givenUser(store);
    const need = aNeed(partnership.id, {
      reportingOrganisationId: organisation.id,
      createdBy: user.id,
      sourceId: 'row-1',
    });
    await store.needs.insert([need]);
    expect(await store.needs.find(partnership.id, need.id)).toEqual(need);

    const other = await givenPartnership(store);
    expect(await store.needs.find(other.id, need.id)).toBeUndefined();
    expect(await store.needs.listForPartnership(other.id)).toEqual([]);
    expect(await store.needs.withSourceIds(other.id, ['row-1'])).toEqual([]);
  });

  it('keeps optional fields empty', async () => {
    const partnership = await givenPartnership(store);
    const need = aNeed(partnership.id, { peopleAffected: null });
    await store.needs.insert([need]);
    expect(await store.needs.find(partnership.id, need.id)).toEqual(need);
  });

  it('lists newest reported first and filters by theme and areas', async () => {
    const partnership = await givenPartnership(store);
    const older = aNeed(partnership.id, { reportedOn: '2025-11-01', theme: 'food', areaCode: 'E01000001' });
    const newer = aNeed(partnership.id, { reportedOn: '2026-02-01', theme: 'food', areaCode: 'E01000002' });
    const fuel = aNeed(partnership.id, { reportedOn: '2026-01-01', theme: 'fuel', areaCode: 'E01000001' });
    await store.needs.insert([older, newer, fuel]);

    const ids = (needs: NeedRecord[]) => needs.map((n) => n.id);
    expect(ids(await store.needs.listForPartnership(partnership.id))).toEqual([newer.id, fuel.id, older.id]);
    expect(ids(await store.needs.listForPartnership(partnership.id, { theme: 'food' }))).toEqual([
      newer.id,
      older.id,
    ]);
    expect(ids(await store.needs.listForPartnership(partnership.id, { areaCodes: ['E01000001'] }))).toEqual([
      fuel.id,
      older.id,
    ]);
    expect(
      ids(await store.needs.listForPartnership(partnership.id, { theme: 'food', areaCodes: ['E01000001'] })),
    ).toEqual([older.id]);
    expect(ids(await store.needs.listForPartnership(partnership.id, { areaCodes: [] }))).toHaveLength(3);
  });

  it('updates a need, but only within its partnership', async () => {
    const partnership = await givenPartnership(store);
    const need = aNeed(partnership.id);
    await store.needs.insert([need]);
    const changed = { ...need, severity: 4 as const, evidence: 'Now severe.', updatedAt: at(10) };
    await store.needs.update(changed);
    expect(await store.needs.find(partnership.id, need.id)).toEqual(changed);

    const other = await givenPartnership(store);
    await store.needs.update({ ...changed, partnershipId: other.id, evidence: 'Changed from elsewhere.' });
    expect((await store.needs.find(partnership.id, need.id))?.evidence).toBe('Now severe.');
  });

  it('deletes a need, but only within its partnership', async () => {
    const partnership = await givenPartnership(store);
    const need = aNeed(partnership.id);
    await store.needs.insert([need]);
    const other = await givenPartnership(store);
    expect(await store.needs.delete(other.id, need.id)).toBe(false);
    expect(await store.needs.find(partnership.id, need.id)).toBeDefined();
    expect(await store.needs.delete(partnership.id, need.id)).toBe(true);
    expect(await store.needs.find(partnership.id, need.id)).toBeUndefined();
  });

  it('finds needs by source id, and holds source ids unique within a partnership only', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    const first = aNeed(partnership.id, { sourceId: 'A1' });
    const second = aNeed(partnership.id, { sourceId: 'A2' });
    const typedIn = aNeed(partnership.id);
    const typedInToo = aNeed(partnership.id);
    await store.needs.insert([first, second, typedIn, typedInToo]);
    await store.needs.insert([aNeed(other.id, { sourceId: 'A1' })]);

    const found = await store.needs.withSourceIds(partnership.id, ['A1', 'A2', 'A3', 'A1']);
    expect(found.map((n) => n.id).sort()).toEqual([first.id, second.id].sort());
    await expect(store.needs.insert([aNeed(partnership.id, { sourceId: 'A1' })])).rejects.toThrow();
  });

  it('inserts many needs at once', async () => {
    const partnership = await givenPartnership(store);
    const many = Array.from({ length: 1600 }, (_, i) => aNeed(partnership.id, { sourceId: `S${i}` }));
    await store.needs.insert(many);
    expect(await store.needs.listForPartnership(partnership.id)).toHaveLength(1600);
    const sourceIds = many.map((n) => n.sourceId ?? '');
    expect(await store.needs.withSourceIds(partnership.id, sourceIds)).toHaveLength(1600);
  });

  it('reads needs inside a transaction', async () => {
    const partnership = await givenPartnership(store);
    const need = aNeed(partnership.id);
    await store.needs.insert([need]);
    const inside = await store.transaction(async (trx) => trx.needs.find(partnership.id, need.id));
    expect(inside).toEqual(need);
  });
});
