import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionRecord, IntentionRecord, OpportunityRecord, Store } from '../../src/app/ports.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createStore } from '../../src/storage/store.js';
import { databaseTargets, emptyDatabase } from '../support/database.js';
import { anOrganisation, at, givenPartnership, givenUser, id } from './fixtures.js';

function anOpportunity(partnershipId: string, overrides: Partial<OpportunityRecord> = {}): OpportunityRecord {
  return {
    id: id(),
    partnershipId,
    funder: 'National Lottery Community Fund',
    fundName: 'Reaching Communities',
    // Over 2^31 pence, so a 32-bit column would fail.
    amountMin: 500_000,
    amountMax: 5_000_000_000,
    currency: 'GBP',
    deadline: '2026-05-01',
    themes: ['food', 'money-and-debt'],
    areaCodes: ['E05000001'],
    link: 'https://example.org/fund',
    notes: 'Two-stage application.',
    coordinationKind: null,
    coordinationActionId: null,
    createdBy: null,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

function anAction(partnershipId: string): ActionRecord {
  return {
    id: id(),
    partnershipId,
    roundId: null,
    title: 'Plan a joint bid to Reaching Communities',
    description: '',
    indicatorCodes: ['CR4'],
    side: 'joint',
    ownerOrganisationId: null,
    leadName: '',
    dueOn: null,
    status: 'not-started',
    source: 'manual',
    createdAt: at(1),
    updatedAt: at(1),
  };
}

/** Repository contract: the funding pipeline and commissioning intentions, always within one partnership. */
describe.each(databaseTargets())('Store contract on $name: funding pipeline', (target) => {
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

  it('stores an opportunity with every field and finds it only in its partnership', async () => {
    const partnership = await givenPartnership(store);
    const user = await givenUser(store);
    const opportunity = anOpportunity(partnership.id, { createdBy: user.id });
    await store.funding.insertOpportunity(opportunity);
    expect(await store.funding.findOpportunity(partnership.id, opportunity.id)).toEqual(opportunity);
    expect(await store.funding.listOpportunities(partnership.id)).toEqual([opportunity]);

    const other = await givenPartnership(store);
    expect(await store.funding.findOpportunity(other.id, opportunity.id)).toBeUndefined();
    expect(await store.funding.listOpportunities(other.id)).toEqual([]);
    await store.funding.updateOpportunity({
      ...opportunity,
      partnershipId: other.id,
      fundName: 'Taken over',
    });
    expect((await store.funding.findOpportunity(partnership.id, opportunity.id))?.fundName).toBe(
      'Reaching Communities',
    );
  });

  it('updates details and records the coordination action', async () => {
    const partnership = await givenPartnership(store);
    const opportunity = anOpportunity(partnership.id, { amountMin: null, amountMax: null, deadline: null });
    await store.funding.insertOpportunity(opportunity);
    const action = anAction(partnership.id);
    await store.actions.insert(action);
    const changed: OpportunityRecord = {
      ...opportunity,
      fundName: 'Reaching Communities England',
      themes: [],
      currency: 'USD',
      coordinationKind: 'joint-bid',
      coordinationActionId: action.id,
      updatedAt: at(5),
    };
    await store.funding.updateOpportunity(changed);
    expect(await store.funding.findOpportunity(partnership.id, opportunity.id)).toEqual(changed);
  });

  it('keeps one interest per organisation and opportunity, replacing its role, and removes it', async () => {
    const partnership = await givenPartnership(store);
    const [a, b] = [anOrganisation(partnership.id), anOrganisation(partnership.id)];
    await store.organisations.insert(a);
    await store.organisations.insert(b);
    const opportunity = anOpportunity(partnership.id);
    await store.funding.insertOpportunity(opportunity);
    const base = {
      partnershipId: partnership.id,
      opportunityId: opportunity.id,
      note: '',
      createdBy: null,
      createdAt: at(1),
      updatedAt: at(1),
    };
    await store.funding.saveInterest({ ...base, id: id(), organisationId: a.id, role: 'lead' });
    await store.funding.saveInterest({
      ...base,
      id: id(),
      organisationId: b.id,
      role: 'lead',
      createdAt: at(2),
    });
    await store.funding.saveInterest({
      ...base,
      id: id(),
      organisationId: a.id,
      role: 'partner',
      note: 'Happy to partner',
      updatedAt: at(3),
    });
    const interests = await store.funding.listInterests(partnership.id, opportunity.id);
    expect(interests.map((i) => [i.organisationId, i.role, i.note])).toEqual([
      [a.id, 'partner', 'Happy to partner'],
      [b.id, 'lead', ''],
    ]);
    expect(await store.funding.listInterests(partnership.id)).toHaveLength(2);

    const other = await givenPartnership(store);
    expect(await store.funding.listInterests(other.id, opportunity.id)).toEqual([]);
    expect(await store.funding.removeInterest(other.id, opportunity.id, a.id)).toBe(false);
    // Another partnership's opportunity never takes an interest.
    await store.funding.saveInterest({
      ...base,
      id: id(),
      partnershipId: other.id,
      organisationId: a.id,
      role: 'lead',
    });
    expect(await store.funding.listInterests(other.id)).toEqual([]);

    expect(await store.funding.removeInterest(partnership.id, opportunity.id, a.id)).toBe(true);
    expect((await store.funding.listInterests(partnership.id)).map((i) => i.organisationId)).toEqual([b.id]);
  });

  it('stores commissioning intentions with their lists, newest first, within one partnership', async () => {
    const partnership = await givenPartnership(store);
    const intention: IntentionRecord = {
      id: id(),
      partnershipId: partnership.id,
      title: 'Money advice in the east wards',
      needCells: [
        { areaCode: 'E05000001', theme: 'money-and-debt' },
        { areaCode: 'E05000002', theme: 'food' },
      ],
      outcomes: ['Fewer families in crisis debt', 'Advice within a week'],
      budget: 12_000_000,
      currency: 'GBP',
      durationMonths: 36,
      route: 'alliance',
      serviceIds: [],
      status: 'planned',
      createdBy: null,
      createdAt: at(0),
      updatedAt: at(0),
    };
    const later = {
      ...intention,
      id: id(),
      title: 'Later',
      budget: null,
      durationMonths: null,
      createdAt: at(9),
    };
    await store.commissioning.insert(intention);
    await store.commissioning.insert(later);
    expect(await store.commissioning.find(partnership.id, intention.id)).toEqual(intention);
    expect((await store.commissioning.list(partnership.id)).map((i) => i.title)).toEqual([
      'Later',
      'Money advice in the east wards',
    ]);
    const changed = { ...intention, status: 'awarded' as const, outcomes: ['One'], updatedAt: at(4) };
    await store.commissioning.update(changed);
    expect(await store.commissioning.find(partnership.id, intention.id)).toEqual(changed);

    const other = await givenPartnership(store);
    expect(await store.commissioning.find(other.id, intention.id)).toBeUndefined();
    expect(await store.commissioning.list(other.id)).toEqual([]);
  });
});
