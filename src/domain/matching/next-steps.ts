import type { ServiceRanking } from './allocation-types.js';

/** A service with the theme whose nearest place is beyond the reach: a next step when nobody is within it. */
export interface BeyondReach {
  readonly serviceId: string;
  readonly name: string;
  readonly distanceKm: number;
}

/** How many services beyond the reach "who can help" offers when none is within it. */
export const beyondReachOffered = 3;

/**
 * The nearest open services with the theme that the person is eligible for but that are beyond the reach,
 * nearest first (then by name), at most `limit`.
 */
export function nearestBeyondReach(ranking: ServiceRanking, limit = beyondReachOffered): BeyondReach[] {
  return ranking.leftOut
    .flatMap((l) =>
      l.reason === 'out of range' && l.distanceKm !== undefined
        ? [{ serviceId: l.serviceId, name: l.name, distanceKm: l.distanceKm }]
        : [],
    )
    .sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name))
    .slice(0, limit);
}
