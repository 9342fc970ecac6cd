import { boxAround, type LatLng } from '../directory/distance.js';
import type { AnalysisArea } from './analysis-types.js';

/** The earth's mean radius, as in the directory's haversine distanceKm. */
export const earthRadiusKm = 6371.0088;

/**
 * What every theme's provision query needs about one area, worked out once per area rather than once per theme:
 * its representative point on the unit sphere (so a haversine is a chord length: h = chord² / 4), the chord of its
 * reach, and a longitude/latitude box that holds every point within the reach.
 */
export interface AreaQuery {
  readonly area: AnalysisArea;
  readonly point: LatLng;
  readonly reachKm: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
  /** Squared chord (on the unit sphere) of the reach: a place is within reach when its squared chord is less. */
  readonly reachChord2: number;
  readonly minLongitude: number;
  readonly minLatitude: number;
  readonly maxLongitude: number;
  readonly maxLatitude: number;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** A point on the unit sphere, written into `out` at `at`. */
export function unitVector(latitude: number, longitude: number, out: Float64Array, at: number): void {
  const lat = radians(latitude);
  const lng = radians(longitude);
  out[at] = Math.cos(lat) * Math.cos(lng);
  out[at + 1] = Math.cos(lat) * Math.sin(lng);
  out[at + 2] = Math.sin(lat);
}

/** The great-circle distance (km) for a squared chord on the unit sphere: the haversine with h = chord² / 4. */
export function chordKm(chord2: number): number {
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

export function areaQuery(area: AnalysisArea, reachKm: number): AreaQuery {
  const point = { latitude: area.point.lat, longitude: area.point.lng };
  const xyz = new Float64Array(3);
  unitVector(point.latitude, point.longitude, xyz, 0);
  const box = boxAround(point, reachKm);
  return {
    area,
    point,
    reachKm,
    x: xyz[0] ?? 0,
    y: xyz[1] ?? 0,
    z: xyz[2] ?? 0,
    reachChord2: 4 * Math.sin(reachKm / (2 * earthRadiusKm)) ** 2,
    ...box,
  };
}
