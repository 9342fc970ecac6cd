import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceRecord, Store } from '../../src/app/ports.js';
import { serviceAtLocationId } from '../../src/domain/directory/oruk-location.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import { generatedDirectory } from '../support/generated-directory.js';
import { givenPartnership } from './fixtures.js';

/** Repository contract: the Open Referral UK feed's pages, filters and places, in SQL. */
describe.each(databaseTargets())('Store contract on $name: Open Referral UK feed', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  let partnershipId: string;
  let services: ServiceRecord[] = [];
  const page = { limit: 100, offset: 0 };

  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
    partnershipId = (await givenPartnership(store)).id;
    const made = generatedDirectory(partnershipId, 60, [
      'food',
      'housing-and-homelessness',
      'loneliness-and-isolation',
    ]);
    services = made.services;
    await store.directory.insertOrganisations(made.organisations);
    await store.directory.insertServices(made.services);
    await givenPartnership(store);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const ids = (items: readonly { id: string }[]) => items.map((s) => s.id).sort();
  const where = (test: (s: (typeof services)[number]) => boolean) => ids(services.filter(test));

  it('pages services by name, counting every match, in full', async () => {
    const first = await store.directory.filterServices(partnershipId, {}, { limit: 25, offset: 0 });
    const rest = await store.directory.filterServices(partnershipId, {}, { limit: 50, offset: 25 });
    expect(first.total).toBe(60);
    expect(rest.items).toHaveLength(35);
    const names = [...first.items, ...rest.items].map((s) => s.details.name);
    expect(names).toEqual([...names].sort());
    expect(first.items[1]?.details.schedules).toHaveLength(3);
    const fields = await store.directory.filterServices(
      partnershipId,
      {},
      { limit: 25, offset: 0 },
      'fields',
    );
    expect(fields.items.map((s) => s.details.name)).toEqual(first.items.map((s) => s.details.name));
    expect(fields.items[1]?.details).toMatchObject({ schedules: [], themes: [], locations: [] });
    expect(fields.items[1]?.details.eligibility).toEqual(first.items[1]?.details.eligibility);
    const other = await givenPartnership(store);
    expect((await store.directory.filterServices(other.id, {}, page)).total).toBe(0);
  });

  it('filters by words, themes, ages and opening times', async () => {
    const filter = async (f: Parameters<Store['directory']['filterServices']>[1]) =>
      ids((await store.directory.filterServices(partnershipId, f, page)).items);
    expect(await filter({ text: 'FOOD club' })).toEqual(where((s) => s.details.name.includes('food club')));
    expect(await filter({ text: 'organisation' })).toEqual(where(() => true)); // only the organisations' names
    expect(await filter({ themes: ['food'] })).toEqual(where((s) => s.details.themes.includes('food')));
    expect(await filter({ themes: [] })).toEqual([]);
    expect(await filter({ minimumAgeAtLeast: 10, maximumAgeAtMost: 80 })).toEqual(
      where(
        (s) =>
          (s.details.eligibility.minimumAge ?? -1) >= 10 && (s.details.eligibility.maximumAge ?? 999) <= 80,
      ),
    );
    expect(
      await filter({ opening: { day: 'wednesday', opensAtOrAfter: '09:00', closesAtOrBefore: '12:00' } }),
    ).toEqual(
      where((s) =>
        s.details.schedules.some((o) => o.day === 'wednesday' && o.opens >= '09:00' && o.closes <= '12:00'),
      ),
    );
  });

  it('lists shown places only, finds each by its stable id, and ranks public places by distance', async () => {
    const shown = services.flatMap((s) =>
      s.details.locations.flatMap((l, position) =>
        l.visibility === 'hidden' ? [] : [serviceAtLocationId(s.id, position)],
      ),
    );
    const places = await store.directory.shownPlaces(partnershipId, {}, { limit: 500, offset: 0 });
    expect(places.total).toBe(shown.length);
    expect(ids(places.items)).toEqual([...shown].sort());
    const hidden = services.flatMap((s) =>
      s.details.locations.flatMap((l, position) =>
        l.visibility === 'hidden' ? [serviceAtLocationId(s.id, position)] : [],
      ),
    );
    expect(await store.directory.findShownPlace(partnershipId, hidden[0] ?? '')).toBeUndefined();
    const one = places.items[0];
    expect(await store.directory.findShownPlace(partnershipId, one?.id ?? '')).toEqual(one);
    const other = await givenPartnership(store);
    expect(await store.directory.findShownPlace(other.id, one?.id ?? '')).toBeUndefined();

    const near = await store.directory.shownPlaces(
      partnershipId,
      { near: { latitude: 53.43, longitude: -2.27, withinKm: 3 } },
      { limit: 500, offset: 0 },
    );
    expect(near.total).toBeGreaterThan(0);
    expect(near.total).toBeLessThan(places.total);
    const byId = new Map(
      services.flatMap((s) => s.details.locations.map((l, p) => [serviceAtLocationId(s.id, p), l] as const)),
    );
    const km = near.items.map((item) => {
      const l = byId.get(item.id);
      expect(l?.visibility).toBe('public');
      return Math.hypot(
        ((l?.latitude ?? 0) - 53.43) * 111.195,
        ((l?.longitude ?? 0) + 2.27) * 111.195 * Math.cos((53.43 * Math.PI) / 180),
      );
    });
    expect(Math.max(...km)).toBeLessThanOrEqual(3.0001);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
  });

  it('loads services and organisations by their ids, only in the partnership', async () => {
    const some = services.slice(0, 3);
    expect(
      ids(
        await store.directory.servicesWithIds(
          partnershipId,
          some.map((s) => s.id),
        ),
      ),
    ).toEqual(ids(some));
    const other = await givenPartnership(store);
    expect(
      await store.directory.servicesWithIds(
        other.id,
        some.map((s) => s.id),
      ),
    ).toEqual([]);
    const orgs = await store.directory.organisationsWithIds(
      partnershipId,
      some.map((s) => s.organisationId),
    );
    expect(orgs.map((o) => o.id)).toEqual([some[0]?.organisationId]);
  });

  it('pages the organisations that run services, filters by organisation and change, and dates the directory', async () => {
    // 60 generated services: 20 for each of 3 organisations, all changed at 2026-03-02T09:00:00.000Z.
    const organisationIds = [...new Set(services.map((s) => s.organisationId))];
    const first = await store.directory.findOrganisation(partnershipId, organisationIds[0] ?? '');
    if (!first) throw new Error('no organisation');
    await store.directory.insertOrganisations([
      {
        ...first,
        id: '0d6f3c1e-0000-4000-8000-000000000001',
        name: 'Runs nothing',
        createdAt: '2026-05-01T00:00:00.000Z',
      },
    ]);
    const listed = await store.directory.organisationsWithServices(partnershipId, { limit: 2, offset: 0 });
    expect(listed.total).toBe(3);
    expect(listed.items.map((o) => o.name)).toEqual(['Generated organisation 0', 'Generated organisation 1']);
    const second = organisationIds[1] ?? '';
    expect(
      ids((await store.directory.filterServices(partnershipId, { organisationId: second }, page)).items),
    ).toEqual(where((s) => s.organisationId === second));
    const since = async (changedSince: string) =>
      (await store.directory.filterServices(partnershipId, { changedSince }, page)).total;
    expect(await since('2026-03-02T09:00:00.000Z')).toBe(60);
    expect(await since('2026-03-02T09:00:00.001Z')).toBe(0);

    // An organisation that runs nothing does not date the directory; a change to one that does, does.
    expect(await store.directory.directoryChangedAt(partnershipId)).toBe('2026-03-02T09:00:00.000Z');
    await store.directory.updateOrganisation({
      ...first,
      name: 'Renamed',
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    expect(await store.directory.findOrganisation(partnershipId, first.id)).toMatchObject({
      name: 'Renamed',
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    expect(await store.directory.directoryChangedAt(partnershipId)).toBe('2026-04-01T00:00:00.000Z');
    const other = await givenPartnership(store);
    expect(await store.directory.directoryChangedAt(other.id)).toBeNull();
    expect((await store.directory.organisationsWithServices(other.id, page)).total).toBe(0);
  });
});
