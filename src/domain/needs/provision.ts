import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { boxAround, distanceKm, type LatLng } from '../directory/distance.js';
import type { AnalysisArea, AnalysisService, ServiceContribution } from './analysis-types.js';

/**
 * Provision of one theme in an area: the open services with the theme that are near its representative point or
 * cover it, each counted once and weighted by capacity and opening hours. docs/needs-scoring.md explains it.
 */

/** People helped per week by an average service: a service with this capacity counts as 1. */
export const referenceCapacityPerWeek = 50;
export const capacityFactorRange = { min: 0.25, max: 2 } as const;
/** Hours open in a reference week (a full-time service): a service open this long counts as 1. */
export const referenceHoursPerWeek = 35;
export const hoursFactorRange = { min: 0.25, max: 1.5 } as const;

const clamp = (value: number, range: { min: number; max: number }) =>
  Math.min(range.max, Math.max(range.min, value));

/** 1 at the place, falling in a straight line to 0 at the reach. */
export function distanceFactor(km: number, reachKm: number): number {
  return reachKm > 0 ? Math.max(0, 1 - km / reachKm) : 0;
}

/** Capacity relative to the reference week, between 0.25 and 2; 1 when not known. */
export function capacityFactor(capacityPerWeek: number | null): number {
  return capacityPerWeek === null
    ? 1
    : clamp(capacityPerWeek / referenceCapacityPerWeek, capacityFactorRange);
}

/** Opening hours relative to the reference week, between 0.25 and 1.5; 1 when not known. */
export function hoursFactor(hoursPerWeek: number | null): number {
  return hoursPerWeek === null ? 1 : clamp(hoursPerWeek / referenceHoursPerWeek, hoursFactorRange);
}

export interface ProvisionAt {
  readonly provision: number;
  readonly serviceCount: number;
  readonly nearestKm: number | null;
  readonly nearestServiceId: string | null;
}

/** The open services of one theme, indexed for many area queries. */
export interface ThemeProvision {
  at(area: AnalysisArea, point: LatLng, reachKm: number): ProvisionAt;
  contributions(area: AnalysisArea, point: LatLng, reachKm: number): ServiceContribution[];
}

type Boundary = Polygon | MultiPolygon;

function asBoundary(value: unknown): Boundary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if ((type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates)) return value as Boundary;
  return undefined;
}

export function themeProvision(allServices: readonly AnalysisService[], theme: string): ThemeProvision {
  const services = allServices.filter((s) => s.open && s.themes.includes(theme));
  const capacity = services.map((s) => capacityFactor(s.capacityPerWeek));
  const hours = services.map((s) => hoursFactor(s.hoursPerWeek));

  // Places: a KD-tree of every place of every service (longitude, latitude).
  const placeService: number[] = [];
  const placePoints: LatLng[] = [];
  services.forEach((service, s) => {
    for (const p of service.points) {
      placeService.push(s);
      placePoints.push({ latitude: p.lat, longitude: p.lng });
    }
  });
  const places = placePoints.length > 0 ? new KDBush(placePoints.length) : undefined;
  if (places) {
    for (const p of placePoints) places.add(p.longitude, p.latitude);
    places.finish();
  }

  // Coverage by area code, and by polygon (an R-tree of the polygons' bounding boxes).
  const byCode = new Map<string, number[]>();
  const polygonService: number[] = [];
  const polygons: Boundary[] = [];
  services.forEach((service, s) => {
    for (const code of service.areaCodes) byCode.set(code, [...(byCode.get(code) ?? []), s]);
    for (const value of service.polygons) {
      const boundary = asBoundary(value);
      if (!boundary) continue;
      polygonService.push(s);
      polygons.push(boundary);
    }
  });
  const polygonIndex = polygons.length > 0 ? new Flatbush(polygons.length) : undefined;
  if (polygonIndex) {
    for (const polygon of polygons) {
      const [minX, minY, maxX, maxY] = bbox(polygon);
      polygonIndex.add(minX, minY, maxX, maxY);
    }
    polygonIndex.finish();
  }

  // Scratch space reused by every query: the best distance factor of each service, and which query set it.
  const best = new Float64Array(services.length);
  const stamp = new Uint32Array(services.length);
  const covers = new Uint8Array(services.length);
  const touched: number[] = [];
  let query = 0;

  function touch(s: number) {
    if (stamp[s] !== query) {
      stamp[s] = query;
      best[s] = 0;
      covers[s] = 0;
      touched.push(s);
    }
  }

  /** Fills `touched`, `best` and `covers`; returns the nearest place (at any distance). */
  function collect(area: AnalysisArea, point: LatLng, reachKm: number) {
    query += 1;
    touched.length = 0;
    let nearestKm = Number.POSITIVE_INFINITY;
    let nearestPlace = -1;
    if (places) {
      const box = boxAround(point, reachKm);
      for (const id of places.range(box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude)) {
        // To the millimetre, so a place at exactly the reach is not let in by rounding.
        const km = Math.round(distanceKm(point, placePoints[id] as LatLng) * 1e6) / 1e6;
        if (km < nearestKm) [nearestKm, nearestPlace] = [km, id];
        const factor = distanceFactor(km, reachKm);
        if (factor <= 0) continue;
        const s = placeService[id] as number;
        touch(s);
        if (factor > (best[s] as number)) best[s] = factor;
      }
      // Outside the reach the box is not enough to find the nearest place: ask the KD-tree for it.
      if (nearestKm > reachKm) {
        const [id] = around(places, point.longitude, point.latitude, 1);
        if (id !== undefined) [nearestKm, nearestPlace] = [distanceKm(point, placePoints[id] as LatLng), id];
      }
    }
    const cover = (s: number) => {
      touch(s);
      best[s] = 1;
      covers[s] = 1;
    };
    for (const s of byCode.get(area.code) ?? []) cover(s);
    for (const code of area.ancestorCodes) for (const s of byCode.get(code) ?? []) cover(s);
    for (const code of area.descendantCodes) for (const s of byCode.get(code) ?? []) cover(s);
    if (polygonIndex) {
      const { longitude: x, latitude: y } = point;
      for (const i of polygonIndex.search(x, y, x, y)) {
        const s = polygonService[i] as number;
        const coveredAlready = stamp[s] === query && covers[s] === 1;
        if (!coveredAlready && booleanPointInPolygon([x, y], polygons[i] as Boundary)) cover(s);
      }
    }
    const nearestService = nearestPlace >= 0 ? services[placeService[nearestPlace] as number] : undefined;
    return { nearestKm: nearestService ? nearestKm : null, nearestServiceId: nearestService?.id ?? null };
  }

  const contributionOf = (s: number) => (best[s] as number) * (capacity[s] as number) * (hours[s] as number);

  return {
    at(area, point, reachKm) {
      const nearest = collect(area, point, reachKm);
      let provision = 0;
      let serviceCount = 0;
      for (const s of touched) {
        if ((best[s] as number) <= 0) continue;
        provision += contributionOf(s);
        serviceCount += 1;
      }
      return { provision, serviceCount, ...nearest };
    },
    contributions(area, point, reachKm) {
      collect(area, point, reachKm);
      const out: ServiceContribution[] = [];
      for (const s of touched) {
        const service = services[s];
        if (!service || (best[s] as number) <= 0) continue;
        const distances = service.points.map((p) => distanceKm(point, { latitude: p.lat, longitude: p.lng }));
        out.push({
          serviceId: service.id,
          name: service.name,
          reason: covers[s] === 1 ? 'covers the area' : 'nearby',
          distanceKm: distances.length > 0 ? Math.min(...distances) : null,
          distanceFactor: best[s] as number,
          capacityFactor: capacity[s] as number,
          hoursFactor: hours[s] as number,
          contribution: contributionOf(s),
        });
      }
      return out;
    },
  };
}
