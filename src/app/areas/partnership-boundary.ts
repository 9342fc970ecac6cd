import type { Boundary } from '../../domain/areas/representative-point.js';
import type { Store } from '../ports.js';

/** The boundary of a partnership's local authority, as imported with the authority boundaries. */
export interface PartnershipBoundary {
  readonly name: string;
  readonly boundary: Boundary;
}

/** The newest boundary stored for the partnership's authority; undefined when none has been imported. */
export async function partnershipBoundary(
  store: Store,
  partnershipId: string,
): Promise<PartnershipBoundary | undefined> {
  const partnership = await store.partnerships.findById(partnershipId);
  if (!partnership) return undefined;
  const authority = (await store.areas.findByCode(partnership.localAuthorityCode)).find(
    (area) => area.level === 'authority' && area.boundary !== null,
  );
  if (!authority?.boundary) return undefined;
  return { name: authority.name, boundary: JSON.parse(authority.boundary) as Boundary };
}
