import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionRecord, Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { anOrganisation, at, givenPartnership, id } from './fixtures.js';

function anAction(partnershipId: string, overrides: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: id(),
    partnershipId,
    roundId: null,
    title: 'Agree a shared funding calendar',
    description: 'Publish grant dates a year ahead.',
    indicatorCodes: ['RC2', 'SF1'],
    side: 'joint',
    ownerOrganisationId: null,
    leadName: 'Priya Shah',
    dueOn: '2026-06-30',
    status: 'not-started',
    source: 'gap:SF1',
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

/** Repository contract, part 5: action plans and their progress notes. */
describe.each(databaseTargets())('Store contract on $name: actions', (target) => {
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

  it('stores an action with its indicators, scoped to its partnership', async () => {
    const partnership = await givenPartnership(store);
    const organisation = anOrganisation(partnership.id);
    await store.organisations.insert(organisation);
    const action = anAction(partnership.id, { ownerOrganisationId: organisation.id });
    await store.actions.insert(action);
    expect(await store.actions.find(partnership.id, action.id)).toEqual(action);
    const other = await givenPartnership(store);
    expect(await store.actions.find(other.id, action.id)).toBeUndefined();
    expect(await store.actions.list(other.id)).toEqual([]);
  });

  it('keeps optional fields empty', async () => {
    const partnership = await givenPartnership(store);
    const action = anAction(partnership.id, {
      indicatorCodes: [],
      dueOn: null,
      leadName: '',
      source: 'manual',
    });
    await store.actions.insert(action);
    expect(await store.actions.find(partnership.id, action.id)).toEqual(action);
  });

  it('lists a partnership’s actions oldest first', async () => {
    const partnership = await givenPartnership(store);
    const later = anAction(partnership.id, { title: 'Later', createdAt: at(5), updatedAt: at(5) });
    const earlier = anAction(partnership.id, { title: 'Earlier', createdAt: at(1), updatedAt: at(1) });
    await store.actions.insert(later);
    await store.actions.insert(earlier);
    expect((await store.actions.list(partnership.id)).map((a) => a.title)).toEqual(['Earlier', 'Later']);
  });

  it('updates the fields and replaces the indicators, but only within the partnership', async () => {
    const partnership = await givenPartnership(store);
    const action = anAction(partnership.id);
    await store.actions.insert(action);
    const changed: ActionRecord = {
      ...action,
      title: 'Changed',
      indicatorCodes: ['CR2'],
      status: 'in-progress',
      dueOn: null,
      updatedAt: at(10),
    };
    await store.actions.update(changed);
    expect(await store.actions.find(partnership.id, action.id)).toEqual(changed);

    const other = await givenPartnership(store);
    await store.actions.update({
      ...changed,
      partnershipId: other.id,
      title: 'Hijacked',
      indicatorCodes: [],
    });
    expect(await store.actions.find(partnership.id, action.id)).toEqual(changed);
  });

  it('keeps progress notes newest first', async () => {
    const partnership = await givenPartnership(store);
    const action = anAction(partnership.id);
    await store.actions.insert(action);
    const note = (notedOn: string, minutes: number, text: string) => ({
      id: id(),
      actionId: action.id,
      note: text,
      notedOn,
      authorLabel: 'vcs@example.org',
      createdAt: at(minutes),
    });
    const first = note('2026-01-05', 1, 'First');
    const second = note('2026-02-01', 2, 'Second');
    const sameDay = note('2026-02-01', 3, 'Later the same day');
    await store.actions.addNote(first);
    await store.actions.addNote(sameDay);
    await store.actions.addNote(second);
    expect(await store.actions.notes(action.id)).toEqual([sameDay, second, first]);
  });

  it('writes an action and its indicators in the caller’s transaction', async () => {
    const partnership = await givenPartnership(store);
    const action = anAction(partnership.id);
    await expect(
      store.transaction(async (trx) => {
        await trx.actions.insert(action);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await store.actions.find(partnership.id, action.id)).toBeUndefined();
  });
});
