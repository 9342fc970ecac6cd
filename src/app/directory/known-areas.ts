import { areaLevels } from '../../domain/areas/gss-code.js';
import type { KnownAreas } from '../../domain/directory/service-area-codes.js';
import { NotFoundError } from '../errors.js';
import type { Store } from '../ports.js';

/** The partnership's authority and every loaded area's code by level, to check imported service areas against. */
export async function knownAreas(store: Store, partnershipId: string): Promise<KnownAreas> {
  const partnership = await store.partnerships.findById(partnershipId);
  if (!partnership) throw new NotFoundError('There is no such partnership.');
  const codes = await Promise.all(
    areaLevels.map(
      async (level) =>
        [level, new Set((await store.areas.listSummaries(level)).map((area) => area.code))] as const,
    ),
  );
  return { authorityCode: partnership.localAuthorityCode, codes: new Map(codes) };
}
