import { northmoorDemoServices } from '../../domain/demo/demo-directory.js';
import { locateDemoPlaces } from '../../domain/demo/demo-places.js';
import type { DemoPostcode } from '../../domain/demo/demo-postcodes.js';
import { commonGroundNamespace, stableUuid } from '../../domain/directory/stable-id.js';
import type { Clock } from '../shared/system-ports.js';
import type { ServiceRecord } from '../directory/directory-store.js';
import type { Store } from '../ports.js';

const dayMs = 86_400_000;

/**
 * Puts the made-up Northmoor directory under the demo organisations of the same names, its places on the
 * generated postcodes.
 */
export async function seedDemoDirectory(
  store: Store,
  clock: Clock,
  partnershipId: string,
  postcodes: readonly DemoPostcode[] = [],
): Promise<void> {
  const organisations = new Map(
    (await store.organisations.listByPartnership(partnershipId)).map((o) => [o.name, o.id]),
  );
  const now = clock.now();
  const services: ServiceRecord[] = northmoorDemoServices.flatMap((demo) => {
    const organisationId = organisations.get(demo.owner);
    if (!organisationId) return [];
    const checkedAt =
      demo.checkedDaysAgo === null
        ? null
        : new Date(now.getTime() - demo.checkedDaysAgo * dayMs).toISOString();
    return [
      {
        id: stableUuid(commonGroundNamespace, `${partnershipId}:service:demo:${demo.key}`),
        partnershipId,
        organisationId,
        details: locateDemoPlaces(demo.details, postcodes),
        provenance: { sourceKind: 'demo', sourceId: demo.key },
        lastCheckedAt: checkedAt,
        lastCheckedBy: checkedAt ? demo.owner : null,
        lastCheckedByUserId: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
    ];
  });
  await store.directory.insertServices(services);
}
