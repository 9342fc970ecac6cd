import { northmoorDemoIntention, northmoorDemoOpportunities } from '../../domain/demo/demo-funding.js';
import { commonGroundNamespace, stableUuid } from '../../domain/directory/stable-id.js';
import type { Clock } from '../shared/system-ports.js';
import type { InterestRecord, OpportunityRecord } from '../funding/funding-stores.js';
import type { Store } from '../ports.js';

const dayMs = 86_400_000;

/**
 * Puts the made-up Northmoor funding pipeline (five opportunities, one with a clash) and one commissioning
 * intention in place, using the generated wards and the demo organisations and services.
 */
export async function seedDemoFunding(
  store: Store,
  clock: Clock,
  partnership: { id: string; localAuthorityCode: string },
  organisationIdsByKey: ReadonlyMap<string, string>,
): Promise<void> {
  const wards = (await store.areas.children(partnership.localAuthorityCode)).filter(
    (a) => a.level === 'ward',
  );
  const wardCode = (name: string) => wards.find((w) => w.name === name)?.code;
  const now = clock.now();
  const stamp = now.toISOString();
  const id = (what: string) => stableUuid(commonGroundNamespace, `${partnership.id}:${what}`);
  for (const demo of northmoorDemoOpportunities) {
    const opportunity: OpportunityRecord = {
      id: id(`funding:demo:${demo.key}`),
      partnershipId: partnership.id,
      funder: demo.funder,
      fundName: demo.fundName,
      amountMin: demo.amountMin === null ? null : demo.amountMin * 100,
      amountMax: demo.amountMax === null ? null : demo.amountMax * 100,
      currency: demo.currency,
      deadline:
        demo.deadlineInDays === null
          ? null
          : new Date(now.getTime() + demo.deadlineInDays * dayMs).toISOString().slice(0, 10),
      themes: demo.themes,
      areaCodes: demo.wards.flatMap((name) => wardCode(name) ?? []),
      link: demo.link,
      notes: demo.notes,
      coordinationKind: null,
      coordinationActionId: null,
      createdBy: null,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await store.funding.insertOpportunity(opportunity);
    for (const interest of demo.interests) {
      const organisationId = organisationIdsByKey.get(interest.organisation);
      if (!organisationId) continue;
      const record: InterestRecord = {
        id: id(`funding:demo:${demo.key}:${interest.organisation}`),
        partnershipId: partnership.id,
        opportunityId: opportunity.id,
        organisationId,
        role: interest.role,
        note: interest.note,
        createdBy: null,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await store.funding.saveInterest(record);
    }
  }
  const intention = northmoorDemoIntention;
  await store.commissioning.insert({
    id: id(`commissioning:demo:${intention.key}`),
    partnershipId: partnership.id,
    title: intention.title,
    needCells: intention.needs.flatMap((n) => {
      const code = wardCode(n.ward);
      return code ? [{ areaCode: code, theme: n.theme }] : [];
    }),
    outcomes: intention.outcomes,
    budget: intention.budget * 100,
    currency: 'GBP',
    durationMonths: intention.durationMonths,
    route: intention.route,
    serviceIds: intention.services.map((key) => id(`service:demo:${key}`)),
    status: intention.status,
    createdBy: null,
    createdAt: stamp,
    updatedAt: stamp,
  });
}
