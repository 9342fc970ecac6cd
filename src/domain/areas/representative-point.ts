import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Polygon } from 'geojson';

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

export type Boundary = Polygon | MultiPolygon;

/** A point guaranteed to be inside the boundary (Turf point-on-feature), rounded to 6 decimals (about 10 cm). */
export function pointInside(boundary: Boundary): LatLng {
  const point = pointOnFeature({ type: 'Feature', properties: {}, geometry: boundary });
  const [lng, lat] = point.geometry.coordinates as [number, number];
  return { lat: round6(lat), lng: round6(lng) };
}

export interface WeightedPoint extends LatLng {
  /** People living there; null when not known. */
  readonly population: number | null;
}

export type PointMethod = 'population-weighted' | 'plain mean';

/**
 * The representative point of a ward or authority: the population-weighted mean of its LSOAs' points, or their
 * plain mean when any population is unknown. Undefined when there are no points.
 */
export function meanPoint(
  points: readonly WeightedPoint[],
): { point: LatLng; method: PointMethod } | undefined {
  if (points.length === 0) return undefined;
  const weighted = points.every((p) => p.population !== null && p.population > 0);
  let lat = 0;
  let lng = 0;
  let total = 0;
  for (const p of points) {
    const weight = weighted ? (p.population as number) : 1;
    lat += p.lat * weight;
    lng += p.lng * weight;
    total += weight;
  }
  return {
    point: { lat: round6(lat / total), lng: round6(lng / total) },
    method: weighted ? 'population-weighted' : 'plain mean',
  };
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
