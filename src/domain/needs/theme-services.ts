import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { boxAround, distanceKm, type LatLng } from '../directory/distance.js';
import type { AnalysisService, ServiceContribution } from './analysis-types.js';
import { chordKm, earthRadiusKm, unitVector, type AnalysedAreas, type AreaQuery } from './area-query.js';
import { PlaceGrid } from './place-grid.js';
import { capacityFactor, distanceFactor, hoursFactor } from './provision.js';

/**
 * Provision of one theme in an area: the open services with the theme that have a place within reach of the
 * area's representative point or cover the area, each counted once at its larger contribution. A class rather
 * than closures so the engine optimises its hot methods once for every theme and every run.
 */

export interface ProvisionAt {
  readonly provision: number;
  readonly serviceCount: number;
  readonly nearestKm: number | null;
  readonly nearestServiceId: string | null;
}

type Boundary = Polygon | MultiPolygon;

/**
 * The side of a grid cell: a quarter of the box around the shortest default reach (3 km), so a query reads about
 * 1.6 times its box's area of places (a row of cells is one run of the grid's ids). Fixed, not taken from the
 * areas asked about, so one area's explanation reads its places in the same order as the whole analysis and adds
 * the same contributions in the same order, to the last bit.
 */
const gridCellKm = 1.5;

/** When nothing is within reach, look this many reaches out before asking the KD-tree for the nearest place. */
const nearestSearchReaches = 3;

/** The open services of each theme, in one pass over the services. */
export function servicesByTheme(services: readonly AnalysisService[]): Map<string, AnalysisService[]> {
  const byTheme = new Map<string, AnalysisService[]>();
  for (const service of services) {
    if (!service.open) continue;
    for (const theme of new Set(service.themes)) {
      let list = byTheme.get(theme);
      if (!list) byTheme.set(theme, (list = []));
      list.push(service);
    }
  }
  return byTheme;
}

function asBoundary(value: unknown): Boundary | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if ((type === 'Polygon' || type === 'MultiPolygon') && Array.isArray(coordinates)) return value as Boundary;
  return undefined;
}

export class ThemeServices {
  private readonly services: readonly AnalysisService[];
  private readonly capacity: Float64Array;
  private readonly hours: Float64Array;
  // Places: a grid of (longitude, latitude) for queries within reach, a KD-tree (made when first needed) for the
  // nearest place far away, and each place on the unit sphere (haversine h = chord² / 4).
  private readonly placeService: Uint32Array;
  private readonly placePoints: LatLng[] = [];
  private readonly placeXyz: Float64Array;
  private readonly places: PlaceGrid | undefined;
  private placeTree: KDBush | undefined;
  // Coverage by area code id, and by polygon: the services whose polygons hold each area's point, by area index.
  private readonly byCodeId: (number[] | undefined)[] = [];
  private readonly byPolygon: (number[] | undefined)[] = [];
  // Scratch space for one query at a time: each service's best distance factor, whether it covers the area,
  // and which query last set them.
  private readonly best: Float64Array;
  private readonly covers: Uint8Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Uint32Array;
  private touchedCount = 0;
  private query = 0;
  private nearestPlace = -1;

  /** `services`: the open services with the theme (see servicesByTheme). */
  constructor(services: readonly AnalysisService[], areas: AnalysedAreas) {
    this.services = services;
    this.capacity = Float64Array.from(services, (s) => capacityFactor(s.capacityPerWeek));
    this.hours = Float64Array.from(services, (s) => hoursFactor(s.hoursPerWeek));
    const placeService: number[] = [];
    services.forEach((service, s) => {
      for (const p of service.points) {
        placeService.push(s);
        this.placePoints.push({ latitude: p.lat, longitude: p.lng });
      }
      for (const code of service.areaCodes) {
        const id = areas.codes.idOf(code);
        if (id !== undefined) (this.byCodeId[id] ??= []).push(s);
      }
      for (const value of service.polygons) this.coverInside(s, value, areas);
    });
    this.placeService = Uint32Array.from(placeService);
    this.placeXyz = new Float64Array(this.placePoints.length * 3);
    this.placePoints.forEach((p, i) => unitVector(p.latitude, p.longitude, this.placeXyz, i * 3));
    if (this.placePoints.length > 0) {
      const latitudes = Float64Array.from(this.placePoints, (p) => p.latitude);
      let south = Number.POSITIVE_INFINITY;
      let north = Number.NEGATIVE_INFINITY;
      for (const latitude of latitudes) {
        if (latitude < south) south = latitude;
        if (latitude > north) north = latitude;
      }
      const middle = (south + north) / 2;
      const cell = boxAround({ latitude: middle, longitude: 0 }, gridCellKm / 2);
      this.places = new PlaceGrid(
        Float64Array.from(this.placePoints, (p) => p.longitude),
        latitudes,
        cell.maxLongitude - cell.minLongitude,
        cell.maxLatitude - cell.minLatitude,
      );
    }
    this.best = new Float64Array(services.length);
    this.covers = new Uint8Array(services.length);
    this.stamp = new Uint32Array(services.length);
    this.touched = new Uint32Array(services.length);
  }

  /** Provision, the number of services counted, and the nearest open place at any distance. */
  at(q: AreaQuery): ProvisionAt {
    this.collect(q);
    let provision = 0;
    let serviceCount = 0;
    for (let i = 0; i < this.touchedCount; i += 1) {
      const s = this.touched[i] as number;
      if ((this.best[s] as number) <= 0) continue;
      provision += this.contributionOf(s);
      serviceCount += 1;
    }
    const place = this.nearestPlace;
    const nearest = place >= 0 ? this.services[this.placeService[place] as number] : undefined;
    return {
      provision,
      serviceCount,
      nearestKm: nearest ? chordKm(this.chord2(place, q)) : null,
      nearestServiceId: nearest?.id ?? null,
    };
  }

  /** Every service counted in the provision, with its reason and factors (they add up to the provision). */
  contributions(q: AreaQuery): ServiceContribution[] {
    this.collect(q);
    const out: ServiceContribution[] = [];
    for (const s of this.touched.subarray(0, this.touchedCount)) {
      const service = this.services[s];
      if (!service || (this.best[s] as number) <= 0) continue;
      const distances = service.points.map((p) => distanceKm(q.point, { latitude: p.lat, longitude: p.lng }));
      out.push({
        serviceId: service.id,
        name: service.name,
        reason: this.covers[s] === 1 ? 'covers the area' : 'nearby',
        distanceKm: distances.length > 0 ? Math.min(...distances) : null,
        distanceFactor: this.best[s] as number,
        capacityFactor: this.capacity[s] as number,
        hoursFactor: this.hours[s] as number,
        contribution: this.contributionOf(s),
      });
    }
    return out;
  }

  /** Squared chord on the unit sphere from the area's point to a place. */
  private chord2(place: number, q: AreaQuery): number {
    const dx = (this.placeXyz[place * 3] as number) - q.x;
    const dy = (this.placeXyz[place * 3 + 1] as number) - q.y;
    const dz = (this.placeXyz[place * 3 + 2] as number) - q.z;
    return dx * dx + dy * dy + dz * dz;
  }

  private contributionOf(s: number): number {
    return (this.best[s] as number) * (this.capacity[s] as number) * (this.hours[s] as number);
  }

  private touch(s: number): void {
    if (this.stamp[s] !== this.query) {
      this.stamp[s] = this.query;
      this.best[s] = 0;
      this.covers[s] = 0;
      this.touched[this.touchedCount] = s;
      this.touchedCount += 1;
    }
  }

  private cover(s: number): void {
    this.touch(s);
    this.best[s] = 1;
    this.covers[s] = 1;
  }

  /** Fills `touched`, `best` and `covers` for the area, and finds the nearest place. */
  private collect(q: AreaQuery): void {
    this.query += 1;
    this.touchedCount = 0;
    this.nearestPlace = -1;
    if (this.places) this.collectNearby(this.places, q);
    if (this.byCodeId.length > 0) {
      const { codeIds } = q;
      for (let i = 0; i < codeIds.length; i += 1) {
        const covering = this.byCodeId[codeIds[i] as number];
        if (covering) for (let j = 0; j < covering.length; j += 1) this.cover(covering[j] as number);
      }
    }
    const insidePolygons = this.byPolygon[q.index];
    if (insidePolygons) for (const s of insidePolygons) this.cover(s);
  }

  /** Notes the service as covering every analysed area whose point its polygon holds (point in polygon, Turf). */
  private coverInside(s: number, value: unknown, areas: AnalysedAreas): void {
    const polygon = asBoundary(value);
    if (!polygon || !areas.points) return;
    const [minX, minY, maxX, maxY] = bbox(polygon);
    for (const a of areas.points.range(minX, minY, maxX, maxY)) {
      const query = areas.queries[a];
      if (!query || !booleanPointInPolygon([query.point.longitude, query.point.latitude], polygon)) continue;
      const covering = (this.byPolygon[a] ??= []);
      if (!covering.includes(s)) covering.push(s);
    }
  }

  private collectNearby(places: PlaceGrid, q: AreaQuery): void {
    const { placeXyz, placeService, best } = this;
    const { ids, start, columns } = places;
    let nearestChord2 = Number.POSITIVE_INFINITY;
    const west = places.columnOf(q.minLongitude);
    const east = places.columnOf(q.maxLongitude);
    const north = places.rowOf(q.maxLatitude);
    for (let row = places.rowOf(q.minLatitude); row <= north; row += 1) {
      const to = start[row * columns + east + 1] as number;
      for (let k = start[row * columns + west] as number; k < to; k += 1) {
        const id = ids[k] as number;
        const dx = (placeXyz[id * 3] as number) - q.x;
        const dy = (placeXyz[id * 3 + 1] as number) - q.y;
        const dz = (placeXyz[id * 3 + 2] as number) - q.z;
        const chord2 = dx * dx + dy * dy + dz * dz;
        if (chord2 < nearestChord2) {
          nearestChord2 = chord2;
          this.nearestPlace = id;
        }
        if (chord2 >= q.reachChord2) continue;
        // To the millimetre, so a place at exactly the reach is not let in by rounding.
        const factor = distanceFactor(Math.round(chordKm(chord2) * 1e6) / 1e6, q.reachKm);
        if (factor <= 0) continue;
        const s = placeService[id] as number;
        this.touch(s);
        if (factor > (best[s] as number)) best[s] = factor;
      }
    }
    // The cells hold every place within the reach, so a nearest place within it is the nearest of all.
    if (nearestChord2 <= q.reachChord2) return;
    this.nearestPlace = this.nearestBeyondReach(places, q);
  }

  /** The nearest place when none is within reach: a wider box first, then the KD-tree's nearest search. */
  private nearestBeyondReach(places: PlaceGrid, q: AreaQuery): number {
    const wider = q.reachKm * nearestSearchReaches;
    const box = boxAround(q.point, wider);
    const widerChord2 = 4 * Math.sin(wider / (2 * earthRadiusKm)) ** 2;
    let nearest = -1;
    let nearestChord2 = Number.POSITIVE_INFINITY;
    places.forEachIn(box, (id) => {
      const chord2 = this.chord2(id, q);
      if (chord2 < nearestChord2) {
        nearest = id;
        nearestChord2 = chord2;
      }
    });
    if (nearestChord2 <= widerChord2) return nearest;
    return around(this.tree(), q.point.longitude, q.point.latitude, 1)[0] ?? -1;
  }

  private tree(): KDBush {
    if (!this.placeTree) {
      this.placeTree = new KDBush(this.placePoints.length);
      for (const p of this.placePoints) this.placeTree.add(p.longitude, p.latitude);
      this.placeTree.finish();
    }
    return this.placeTree;
  }
}
