import KDBush from 'kdbush';
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
  /** The area's position in the analysed areas. */
  readonly index: number;
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
  /** Ids (from AreaCodes) of the area's own code, then its ancestors' codes, then its descendants'. */
  readonly codeIds: Int32Array;
}

/**
 * Small numbers for every code an analysis can meet (each area's own, its ancestors' and its descendants'), so
 * matching a service's or a record's area to an area is an array read rather than hashing strings.
 */
export class AreaCodes {
  private readonly ids = new Map<string, number>();

  constructor(areas: readonly AnalysisArea[]) {
    for (const area of areas) {
      this.add(area.code);
      for (const code of area.ancestorCodes) this.add(code);
      for (const code of area.descendantCodes) this.add(code);
    }
  }

  get size(): number {
    return this.ids.size;
  }

  idOf(code: string): number | undefined {
    return this.ids.get(code);
  }

  /** The area's own code id, then its ancestors', then its descendants'. */
  idsFor(area: AnalysisArea): Int32Array {
    const codes = [area.code, ...area.ancestorCodes, ...area.descendantCodes];
    return Int32Array.from(codes, (code) => this.ids.get(code) ?? -1);
  }

  private add(code: string) {
    if (!this.ids.has(code)) this.ids.set(code, this.ids.size);
  }
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
  const half = Math.sqrt(chord2) / 2;
  // Within about 12 km, asin's series to x⁵ agrees with Math.asin to two units in the last place and costs a
  // quarter as much: the gap analysis asks twelve million times for England.
  if (half < 1e-3) {
    const square = half * half;
    return 2 * earthRadiusKm * half * (1 + square * (1 / 6 + (square * 3) / 40));
  }
  return 2 * earthRadiusKm * Math.asin(Math.min(1, half));
}

export function areaQuery(area: AnalysisArea, reachKm: number, codes: AreaCodes, index = 0): AreaQuery {
  const point = { latitude: area.point.lat, longitude: area.point.lng };
  const xyz = new Float64Array(3);
  unitVector(point.latitude, point.longitude, xyz, 0);
  const box = boxAround(point, reachKm);
  return {
    index,
    area,
    point,
    reachKm,
    x: xyz[0] ?? 0,
    y: xyz[1] ?? 0,
    z: xyz[2] ?? 0,
    reachChord2: 4 * Math.sin(reachKm / (2 * earthRadiusKm)) ** 2,
    ...box,
    codeIds: codes.idsFor(area),
  };
}

/** Everything about the analysed areas that every theme's provision shares, worked out once per analysis. */
export interface AnalysedAreas {
  readonly codes: AreaCodes;
  readonly queries: readonly AreaQuery[];
  /** A KD-tree of the areas' representative points (longitude, latitude), by area index. */
  readonly points: KDBush | undefined;
}

export function analysedAreas(
  areas: readonly AnalysisArea[],
  reachFor: (area: AnalysisArea) => number,
): AnalysedAreas {
  const codes = new AreaCodes(areas);
  const queries = areas.map((area, index) => areaQuery(area, reachFor(area), codes, index));
  let points: KDBush | undefined;
  if (areas.length > 0) {
    points = new KDBush(areas.length);
    for (const area of areas) points.add(area.point.lng, area.point.lat);
    points.finish();
  }
  return { codes, queries, points };
}
