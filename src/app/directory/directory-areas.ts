import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { boxAround, distanceKm, type LatLng } from '../../domain/directory/distance.js';
import { isStale } from '../../domain/directory/freshness.js';
import type { ServiceSummary } from './directory-store.js';
import type { DirectoryDeps } from './directory-deps.js';

/** An area as the directory needs it: its code, its boundary, the areas it is part of and its point. */
export interface DirectoryArea {
  readonly code: string;
  /** GeoJSON Polygon or MultiPolygon text, when the boundary is known. */
  readonly boundary: string | null;
  /** The codes of the areas it is part of (its ward, its authority), whose service areas cover it too. */
  readonly parentCodes: readonly string[];
  /** Its representative point, from which distances are measured. */
  readonly point: LatLng | null;
}

export interface AreaService extends ServiceSummary {
  readonly stale: boolean;
  /** From the area's representative point to the service's nearest shown place, in km (2 decimals). */
  readonly distanceKm?: number;
  /** Whether one of its shown places is inside the area. */
  readonly inArea: boolean;
  /** Whether it says it covers the area (the area, one it is part of, or a polygon holding its point). */
  readonly covers: boolean;
}

export interface AreaSearch {
  /** Also services with a shown place within this distance of the area's point (0 to 50 km). */
  readonly aroundKm?: number;
  /** Also services whose service area covers the area. */
  readonly covering?: boolean;
  readonly text?: string;
  readonly theme?: string;
}

/** The most services an area search lists. */
const areaLimit = 5000;

const parse = (geojson: string | null): Polygon | MultiPolygon | null => {
  if (!geojson) return null;
  try {
    const shape = JSON.parse(geojson) as { type?: string };
    return shape.type === 'Polygon' || shape.type === 'MultiPolygon'
      ? (shape as Polygon | MultiPolygon)
      : null;
  } catch {
    return null;
  }
};

const inside = (point: LatLng, shape: Polygon | MultiPolygon) =>
  booleanPointInPolygon([point.longitude, point.latitude], shape);

/**
 * Services located in an area (a shown place inside its boundary), optionally those whose service area covers it
 * and those with a shown place near its representative point. Hidden places never count. Ordered nearest first
 * by their nearest shown place (services with no distance last, by name).
 */
export async function servicesForArea(
  deps: DirectoryDeps,
  partnershipId: string,
  area: DirectoryArea,
  search: AreaSearch = {},
): Promise<AreaService[]> {
  const boundary = parse(area.boundary);
  const found = new Map<string, { km: number | undefined; inArea: boolean; covers: boolean }>();
  const note = (serviceId: string, change: { km?: number; inArea?: boolean; covers?: boolean }) => {
    const before = found.get(serviceId) ?? { km: undefined, inArea: false, covers: false };
    found.set(serviceId, {
      km: change.km === undefined ? before.km : Math.min(change.km, before.km ?? Infinity),
      inArea: before.inArea || Boolean(change.inArea),
      covers: before.covers || Boolean(change.covers),
    });
  };
  const around = Math.min(Math.max(search.aroundKm ?? 0, 0), 50);
  const measured = (point: LatLng) => (area.point ? distanceKm(area.point, point) : undefined);

  if (boundary) {
    const [minLongitude, minLatitude, maxLongitude, maxLatitude] = bbox(boundary);
    const box = { minLatitude, maxLatitude, minLongitude, maxLongitude };
    for (const place of await deps.store.directory.locatedServices(partnershipId, box)) {
      if (inside(place, boundary)) note(place.serviceId, { inArea: true, km: measured(place) });
    }
  }
  if (area.point && around > 0) {
    for (const place of await deps.store.directory.locatedServices(
      partnershipId,
      boxAround(area.point, around),
    )) {
      const km = distanceKm(area.point, place);
      if (km <= around) note(place.serviceId, { km });
    }
  }
  if (search.covering) {
    const codes = [area.code, ...area.parentCodes];
    for (const served of await deps.store.directory.serviceAreasCovering(partnershipId, codes)) {
      const shape = parse(served.geojson);
      const covers =
        (served.areaCode !== null && codes.includes(served.areaCode)) ||
        (shape !== null && area.point !== null && inside(area.point, shape));
      if (covers) note(served.serviceId, { covers: true });
    }
  }
  if (found.size === 0) return [];

  const ids = [...found.keys()].slice(0, areaLimit);
  const matching = await deps.store.directory.searchServices(partnershipId, {
    ...(search.text?.trim() ? { text: search.text.trim().slice(0, 200) } : {}),
    ...(search.theme ? { theme: search.theme } : {}),
    ids,
    limit: ids.length,
    offset: 0,
  });
  const now = deps.clock.now();
  return matching.items
    .map((item) => {
      const hit = found.get(item.id) ?? { km: undefined, inArea: false, covers: false };
      return {
        ...item,
        stale: isStale(item.lastCheckedAt, now),
        inArea: hit.inArea,
        covers: hit.covers,
        ...(hit.km === undefined ? {} : { distanceKm: Math.round(hit.km * 100) / 100 }),
      };
    })
    .sort(
      (a, b) =>
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
}
