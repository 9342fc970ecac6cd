import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryOrganisationRecord, Store } from '../../src/app/ports.js';
import type { OrganisationThemeAssignment } from '../../src/domain/directory/organisation-themes.js';
import { emptyEligibility } from '../../src/domain/directory/model.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets } from '../support/database.js';
import { anOrganisation, at, givenPartnership, id } from './fixtures.js';

const organisation = (partnershipId: string, name: string): DirectoryOrganisationRecord => ({
  ...anOrganisation(partnershipId, { name }),
  details: { description: null, url: null, email: null, phone: null, address: null, postcode: null },
  provenance: { sourceKind: 'charities', sourceId: id() },
  isPlaceholder: false,
  lastCheckedAt: null,
  lastCheckedBy: null,
});

const assignment = (
  organisationId: string,
  themeId: string,
  status: OrganisationThemeAssignment['status'],
  matched: string[] = [],
): OrganisationThemeAssignment => ({
  organisationId,
  themeId,
  status,
  matched,
  decidedBy: status === 'suggested' ? null : 'Ada',
  decidedAt: status === 'suggested' ? null : at(5),
});

/** Repository contract: organisations' themes and potential provision. */
describe.each(databaseTargets())('Store contract on $name: organisation themes', (target) => {
  let handle: DatabaseHandle;
  let store: Store;
  beforeAll(async () => {
    handle = await target.fresh();
    store = createStore(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('saves, replaces and removes assignments within their partnership, with the words that matched', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    const carers = organisation(partnership.id, 'Carers Centre');
    await store.directory.insertOrganisations([carers]);
    await store.organisationThemes.save(partnership.id, [
      assignment(carers.id, 'carers', 'suggested', ['carers', 'respite']),
      assignment(carers.id, 'food', 'suggested', ['lunch club']),
    ]);
    await store.organisationThemes.save(partnership.id, [
      assignment(carers.id, 'food', 'rejected', ['lunch club']),
    ]);
    expect(await store.organisationThemes.list(partnership.id, [carers.id])).toEqual([
      assignment(carers.id, 'carers', 'suggested', ['carers', 'respite']),
      assignment(carers.id, 'food', 'rejected', ['lunch club']),
    ]);
    expect(await store.organisationThemes.list(other.id)).toEqual([]);
    await store.organisationThemes.remove(other.id, carers.id, ['carers']);
    expect(await store.organisationThemes.list(partnership.id)).toHaveLength(2);
    await store.organisationThemes.remove(partnership.id, carers.id, ['carers']);
    expect((await store.organisationThemes.list(partnership.id)).map((a) => a.themeId)).toEqual(['food']);
  });

  it('lists organisations without services as potential provision, leaving out themes set aside', async () => {
    const partnership = await givenPartnership(store);
    const withService = organisation(partnership.id, 'Alpha Foodbank');
    const quiet = organisation(partnership.id, 'Beta Carers');
    const wrong = organisation(partnership.id, 'Gamma Trust');
    await store.directory.insertOrganisations([withService, quiet, wrong]);
    await store.directory.insertServices([
      {
        id: id(),
        partnershipId: partnership.id,
        organisationId: withService.id,
        details: {
          name: 'Food bank',
          description: 'Food parcels',
          url: null,
          email: null,
          phone: null,
          status: 'active',
          themes: ['food'],
          eligibility: emptyEligibility,
          cost: null,
          howToAccess: null,
          languages: [],
          accessibility: null,
          capacity: null,
          locations: [],
          areas: [],
          schedules: [],
          contacts: [],
        },
        provenance: { sourceKind: 'oruk', sourceId: id() },
        lastCheckedAt: null,
        lastCheckedBy: null,
        lastCheckedByUserId: null,
        createdAt: at(0),
        updatedAt: at(0),
      },
    ]);
    await store.organisationThemes.save(partnership.id, [
      assignment(withService.id, 'food', 'suggested', ['food bank']),
      assignment(quiet.id, 'carers', 'confirmed', ['carers']),
      assignment(quiet.id, 'food', 'suggested', ['lunch club']),
      assignment(wrong.id, 'carers', 'rejected', ['carers']),
    ]);
    expect(await store.organisationThemes.withoutServices(partnership.id)).toEqual([
      {
        organisationId: quiet.id,
        organisationName: 'Beta Carers',
        themeId: 'carers',
        status: 'confirmed',
        matched: ['carers'],
      },
      {
        organisationId: quiet.id,
        organisationName: 'Beta Carers',
        themeId: 'food',
        status: 'suggested',
        matched: ['lunch club'],
      },
    ]);
    expect(
      (await store.organisationThemes.withoutServices(partnership.id, 'food')).map((r) => r.organisationName),
    ).toEqual(['Beta Carers']);
    // Counted by theme: the food bank with a service counts for food but is not potential provision.
    expect(await store.organisationThemes.countsByTheme(partnership.id)).toEqual([
      { themeId: 'carers', organisations: 1, withoutServices: 1 },
      { themeId: 'food', organisations: 2, withoutServices: 1 },
    ]);
    expect(await store.organisationThemes.countsByTheme((await givenPartnership(store)).id)).toEqual([]);
    expect(await store.organisationThemes.serviceThemes(partnership.id)).toEqual([
      { organisationId: withService.id, themeId: 'food' },
    ]);
  });
});
