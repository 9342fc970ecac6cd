import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/app/ports.js';
import type { GrantRecord } from '../../src/domain/funding/grant.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { anOrganisation, at, givenPartnership, id } from './fixtures.js';

function aGrant(partnershipId: string, overrides: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id: `360G-test-${id()}`,
    partnershipId,
    title: 'Warm Welcome winter fund',
    description: 'Heating and hot food for the community café on Tuesdays — “warm spaces”.',
    currency: 'GBP',
    amountAwarded: '1250.55',
    awardDate: '2025-11-03',
    plannedStartDate: '2025-12-01',
    plannedEndDate: '2027-11-30',
    plannedDurationMonths: 24,
    recipientOrgId: 'GB-CHC-1234567',
    recipientOrgName: 'Café Étoile Ltd',
    recipientCharityNumber: '1234567',
    recipientCompanyNumber: null,
    recipientLocation: { geoCode: 'E05000820', geoCodeType: 'WD', name: 'Stretford' },
    fundingOrgId: 'GB-LAE-TRF',
    fundingOrgName: 'Trafford Council',
    beneficiaryLocations: [
      { geoCode: 'E08000009', geoCodeType: 'LAD', name: 'Trafford' },
      { geoCode: null, geoCodeType: null, name: 'Old Trafford estate' },
    ],
    grantProgramme: 'Warm spaces',
    kind: 'grant',
    themes: ['food', 'fuel-and-energy'],
    match: { organisationId: null, method: 'none', confidence: null },
    dataSource: 'trafford.csv',
    importedAt: at(0),
    ...overrides,
  };
}

/** Repository contract: the grants register, always within one partnership, keyed by 360Giving id. */
describe.each(databaseTargets())('Store contract on $name: grants', (target) => {
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

  it('stores a grant with every field exactly and finds it only in its partnership', async () => {
    const partnership = await givenPartnership(store);
    const organisation = anOrganisation(partnership.id);
    await store.organisations.insert(organisation);
    const grant = aGrant(partnership.id, {
      amountAwarded: '1291436.54',
      match: { organisationId: organisation.id, method: 'name', confidence: 0.743 },
      standardFields: {
        fromOpenCall: 'Yes',
        amountDisbursed: 1200.5,
        classifications: [{ vocabulary: 'TSG', code: 'WS', title: 'Warm spaces — “café”' }],
      },
    });
    await store.grants.save([grant]);
    expect(await store.grants.find(partnership.id, grant.id)).toEqual(grant);

    const other = await givenPartnership(store);
    expect(await store.grants.find(other.id, grant.id)).toBeUndefined();
    expect(await store.grants.listForPartnership(other.id)).toEqual([]);
    expect(await store.grants.withIds(other.id, [grant.id])).toEqual([]);
    expect(await store.grants.count(other.id)).toBe(0);
    expect(await store.grants.count(partnership.id)).toBe(1);
  });

  it('keeps optional fields empty', async () => {
    const partnership = await givenPartnership(store);
    const grant = aGrant(partnership.id, {
      plannedStartDate: null,
      plannedEndDate: null,
      plannedDurationMonths: null,
      recipientOrgId: null,
      recipientOrgName: null,
      recipientCharityNumber: null,
      recipientLocation: null,
      beneficiaryLocations: [],
      grantProgramme: null,
      themes: [],
      kind: 'unknown',
      dataSource: null,
    });
    await store.grants.save([grant]);
    expect(await store.grants.find(partnership.id, grant.id)).toEqual(grant);
  });

  it('saving a grant id again replaces it; the same id may exist in another partnership', async () => {
    const partnership = await givenPartnership(store);
    const other = await givenPartnership(store);
    const grant = aGrant(partnership.id, { id: '360G-same' });
    await store.grants.save([grant, aGrant(other.id, { id: '360G-same', title: 'Elsewhere' })]);
    const changed = {
      ...grant,
      title: 'Renamed',
      amountAwarded: '99.10',
      currency: 'USD',
      importedAt: at(5),
    };
    await store.grants.save([changed]);
    expect(await store.grants.listForPartnership(partnership.id)).toEqual([changed]);
    expect((await store.grants.find(other.id, '360G-same'))?.title).toBe('Elsewhere');
  });

  it('lists newest award first and filters', async () => {
    const partnership = await givenPartnership(store);
    const organisation = anOrganisation(partnership.id);
    await store.organisations.insert(organisation);
    const old = aGrant(partnership.id, { id: 'g-1', awardDate: '2020-01-01' });
    const dollars = aGrant(partnership.id, { id: 'g-2', awardDate: '2022-06-01', currency: 'USD' });
    const matched = aGrant(partnership.id, {
      id: 'g-3',
      awardDate: '2024-03-01',
      fundingOrgId: 'GB-CHC-999',
      match: { organisationId: organisation.id, method: 'identifier', confidence: 1 },
    });
    await store.grants.save([old, dollars, matched]);
    const ids = async (filter?: Parameters<Store['grants']['listForPartnership']>[1]) =>
      (await store.grants.listForPartnership(partnership.id, filter)).map((g) => g.id);

    expect(await ids()).toEqual(['g-3', 'g-2', 'g-1']);
    expect(await ids({ currency: 'USD' })).toEqual(['g-2']);
    expect(await ids({ fundingOrgId: 'GB-CHC-999' })).toEqual(['g-3']);
    expect(await ids({ matchedOrganisationId: organisation.id })).toEqual(['g-3']);
    expect(await ids({ matchMethods: ['none'] })).toEqual(['g-2', 'g-1']);
    expect(await ids({ matchMethods: [] })).toEqual([]);
    expect(await ids({ awardedFrom: '2022-06-01', awardedTo: '2023-12-31' })).toEqual(['g-2']);
  });

  it('records a match, but only within the partnership', async () => {
    const partnership = await givenPartnership(store);
    const organisation = anOrganisation(partnership.id);
    await store.organisations.insert(organisation);
    const grant = aGrant(partnership.id);
    await store.grants.save([grant]);
    const other = await givenPartnership(store);
    const reviewed = { organisationId: organisation.id, method: 'reviewed' as const, confidence: 1 };
    expect(await store.grants.setMatch(other.id, grant.id, reviewed)).toBe(false);
    expect((await store.grants.find(partnership.id, grant.id))?.match.method).toBe('none');
    expect(await store.grants.setMatch(partnership.id, grant.id, reviewed)).toBe(true);
    expect((await store.grants.find(partnership.id, grant.id))?.match).toEqual(reviewed);
  });

  it('forgets the match when the organisation is deleted', async () => {
    const partnership = await givenPartnership(store);
    const organisation = anOrganisation(partnership.id);
    await store.organisations.insert(organisation);
    const grant = aGrant(partnership.id, {
      match: { organisationId: organisation.id, method: 'identifier', confidence: 1 },
    });
    await store.grants.save([grant]);
    await handle.db.deleteFrom('organisations').where('id', '=', organisation.id).execute();
    expect((await store.grants.find(partnership.id, grant.id))?.match.organisationId).toBeNull();
  });

  it('saves and finds many grants at once, and inside a transaction', async () => {
    const partnership = await givenPartnership(store);
    const many = Array.from({ length: 1600 }, (_, i) => aGrant(partnership.id, { id: `360G-many-${i}` }));
    await store.transaction(async (trx) => trx.grants.save(many));
    expect(await store.grants.count(partnership.id)).toBe(1600);
    expect(
      await store.grants.withIds(
        partnership.id,
        many.map((g) => g.id),
      ),
    ).toHaveLength(1600);
  });
});
