import { distanceKm } from '../directory/distance.js';
import type { AnalysisArea, AnalysisService, ServiceContribution } from '../needs/analysis-types.js';

/** A service an intention commissions, seen from one of the areas and themes it responds to. */
export interface CommissionedHere {
  readonly serviceId: string;
  readonly name: string;
  /** To its nearest place from the area's point (km); null when it has no place. */
  readonly distanceKm: number | null;
  /** Counted in the area's provision: within the reach rule, or covering the area. */
  readonly counted: boolean;
}

/**
 * The commissioned services that work on the theme, for one area: each with its distance and whether the gap
 * analysis already counts it there. Commissioning a service for an area is evidence it serves that area, so
 * the page names it even when the reach rule does not count it.
 */
export function commissionedHere(
  commissionedIds: readonly string[],
  theme: string,
  area: Pick<AnalysisArea, 'point'>,
  services: readonly AnalysisService[],
  contributions: readonly ServiceContribution[],
): CommissionedHere[] {
  const wanted = new Set(commissionedIds);
  const counted = new Set(contributions.map((c) => c.serviceId));
  const here = { latitude: area.point.lat, longitude: area.point.lng };
  return services
    .filter((s) => wanted.has(s.id) && s.themes.includes(theme))
    .map((s) => {
      const distances = s.points.map((p) => distanceKm(here, { latitude: p.lat, longitude: p.lng }));
      return {
        serviceId: s.id,
        name: s.name,
        distanceKm: distances.length > 0 ? Math.min(...distances) : null,
        counted: counted.has(s.id),
      };
    })
    .sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.name.localeCompare(b.name));
}
