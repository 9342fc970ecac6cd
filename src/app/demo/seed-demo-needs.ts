import { demoNeedAreaCode, northmoorDemoNeeds } from '../../domain/demo/demo-needs.js';
import { commonGroundNamespace, stableUuid } from '../../domain/directory/stable-id.js';
import type { NeedRecord } from '../../domain/needs/model.js';
import type { Clock } from '../shared/system-ports.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import type { AreaRecord } from '../areas/area-records.js';

const dayMs = 86_400_000;

/** Puts the made-up Northmoor needs register in the generated areas, reported by the demo organisations. */
export async function seedDemoNeeds(
  store: Store,
  clock: Clock,
  partnership: Pick<PartnershipRecord, 'id' | 'localAuthorityCode'>,
  organisationIdsByKey: ReadonlyMap<string, string>,
): Promise<void> {
  const areas: AreaRecord[] = [...(await store.areas.findByCode(partnership.localAuthorityCode))];
  for (const ward of await store.areas.children(partnership.localAuthorityCode)) {
    areas.push(ward, ...(await store.areas.children(ward.code)));
  }
  const now = clock.now();
  const needs: NeedRecord[] = northmoorDemoNeeds.flatMap((demo) => {
    const areaCode = demoNeedAreaCode(demo.area, areas);
    if (!areaCode) return [];
    return [
      {
        id: stableUuid(commonGroundNamespace, `${partnership.id}:need:demo:${demo.key}`),
        partnershipId: partnership.id,
        areaCode,
        theme: demo.theme,
        severity: demo.severity,
        peopleAffected: demo.peopleAffected,
        evidence: demo.evidence,
        source: demo.source,
        reportingOrganisationId: demo.reporter ? (organisationIdsByKey.get(demo.reporter) ?? null) : null,
        reportedOn: new Date(now.getTime() - demo.reportedDaysAgo * dayMs).toISOString().slice(0, 10),
        sourceId: `demo:${demo.key}`,
        createdBy: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
    ];
  });
  await store.needs.insert(needs);
}
