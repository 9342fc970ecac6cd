import { distanceKm } from '../directory/distance.js';
import type { AnalysisPoint } from '../needs/analysis-types.js';
import type {
  AllocationOptions,
  MatchCircumstances,
  MatchDemand,
  MatchReach,
  MatchService,
} from './allocation-types.js';

/**
 * The rules for whether a service can take a person, shared by the allocation, its explanations and the ranking,
 * so all three always agree. A service can take a person when it is open, has the theme, the person meets its
 * eligibility (age, language), and it either covers their area or has a place within the travel limit.
 */

export type Ineligibility = 'age' | 'language';

const lowerCase = (values: readonly string[]) => values.map((value) => value.trim().toLowerCase());

/** Why the person is not eligible for the service, or null when they are (anything not known counts for them). */
export function ineligibility(
  service: MatchService,
  circumstances: MatchCircumstances | undefined,
): Ineligibility | null {
  const age = circumstances?.age;
  if (age !== undefined) {
    const { minimumAge, maximumAge } = service.eligibility;
    if ((minimumAge !== null && age < minimumAge) || (maximumAge !== null && age > maximumAge)) return 'age';
  }
  const spoken = circumstances?.languages ?? [];
  if (spoken.length > 0 && service.languages.length > 0) {
    const offered = new Set(lowerCase(service.languages));
    if (!lowerCase(spoken).some((language) => offered.has(language))) return 'language';
  }
  return null;
}

/** Whether the service covers the area: one of its area codes is the area's own code or a related area's. */
export function coversArea(
  service: MatchService,
  areaCode: string,
  relatedAreaCodes: readonly string[] | undefined,
): boolean {
  if (service.areaCodes.length === 0) return false;
  return service.areaCodes.some((code) => code === areaCode || (relatedAreaCodes ?? []).includes(code));
}

/** The distance from the point to the service's nearest place (km), or null when it has no places. */
export function nearestPlaceKm(service: MatchService, point: AnalysisPoint): number | null {
  let nearest: number | null = null;
  for (const place of service.points) {
    const km = distanceKm(
      { latitude: point.lat, longitude: point.lng },
      { latitude: place.lat, longitude: place.lng },
    );
    if (nearest === null || km < nearest) nearest = km;
  }
  return nearest;
}

/** Distances are counted to the metre: the solver works in whole metres, so its optimum is exact. */
export const toMetres = (km: number): number => Math.round(km * 1000);

/**
 * How the person reaches the service and the travel counted, or null when it is out of reach: a service that
 * covers the area serves them where they are (0 km); otherwise they travel to its nearest place, which must be
 * within the limit.
 */
export function reachOf(
  covers: boolean,
  nearestKm: number | null,
  maxTravelKm: number,
): { reach: MatchReach; metres: number } | null {
  if (covers) return { reach: 'covers the area', metres: 0 };
  if (nearestKm !== null && nearestKm <= maxTravelKm) return { reach: 'nearby', metres: toMetres(nearestKm) };
  return null;
}

/** The capacity the allocation uses: whole people, never negative, with the assumption for unknown capacity. */
export function effectiveCapacity(service: MatchService, unknownCapacity: number): number {
  const capacity = service.capacity ?? unknownCapacity;
  return Number.isFinite(capacity) ? Math.max(0, Math.floor(capacity)) : 0;
}

/** How far the people of a demand can be asked to travel: their own reach, else the run's. */
export const travelLimitKm = (demand: MatchDemand, options: AllocationOptions): number =>
  demand.maxTravelKm ?? options.maxTravelKm;
