import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import { generatedDirectory } from '../support/generated-directory.js';
import { givenPartnership } from './fixtures.js';

/** Repository contract: the feed's kept counts follow every write to the directory, on each database. */
describe.each(databaseTargets())('Store contract on $name: kept ORUK feed counts', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  let partnershipId: string;
  const made = (count: number) =>
    generatedDirectory(partnershipId, count, ['food', 'housing-and-homelessness']);

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
    partnershipId = (await givenPartnership(store)).id;
    const first = made(40);
    await store.directory.insertOrganisations(first.organisations);
    await store.directory.insertServices(first.services.slice(0, 30));
  });
  afterAll(async () => {
    await handle?.close();
  });

  const page = { limit: 10, offset: 0 };
  const totals = async () => ({
    services: (await store.directory.filterServices(partnershipId, {}, page, 'fields')).total,
    food: (await store.directory.filterServices(partnershipId, { themes: ['food'] }, page, 'fields')).total,
    places: (await store.directory.shownPlaces(partnershipId, {}, page)).total,
    organisations: (await store.directory.organisationsWithServices(partnershipId, page)).total,
  });

  it('counts again after services are added or changed, and answers a page past the end empty', async () => {
    const all = made(40).services;
    const before = await totals();
    expect(await totals()).toEqual(before);
    await store.directory.insertServices(all.slice(30));
    const after = await totals();
    expect(after.services).toBe(40);
    expect(after.organisations).toBe(2);
    expect(after.places).toBeGreaterThan(before.places);
    const changed = all[1];
    if (!changed) throw new Error('no service');
    const themes = changed.details.themes.includes('food') ? ['housing-and-homelessness'] : ['food'];
    await store.directory.updateService({
      ...changed,
      details: { ...changed.details, themes, locations: [] },
    });
    const updated = await totals();
    expect(updated.food).toBe(after.food + (themes[0] === 'food' ? 1 : -1));
    expect(updated.places).toBeLessThan(after.places);
    const beyond = await store.directory.filterServices(
      partnershipId,
      {},
      { limit: 10, offset: 40 },
      'fields',
    );
    expect(beyond).toEqual({ total: 40, items: [] });
  });
});
