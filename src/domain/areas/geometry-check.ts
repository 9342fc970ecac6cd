import type { Geometry } from 'geojson';
import { firstCrossing, type Position, type Ring } from './ring-crossings.js';

/** A geometry that can be used, or why it cannot, in plain words (such as "ring 1 is not closed"). */
export type GeometryCheck =
  { readonly ok: true; readonly geometry: Geometry } | { readonly ok: false; readonly reason: string };

/** A box round the United Kingdom, the Channel Islands and the Isle of Man, with some sea to spare. */
export const ukBox = { west: -9, south: 49, east: 3, north: 61 } as const;

/** Whether a longitude and latitude lie in the box round the UK. */
export const isInUk = (longitude: number, latitude: number): boolean =>
  longitude >= ukBox.west && longitude <= ukBox.east && latitude >= ukBox.south && latitude <= ukBox.north;

/** Deepest a GeometryCollection may hold another: deeper is no use to anyone and only risks the stack. */
const deepestCollection = 3;

class Refused extends Error {}

function refuse(reason: string): never {
  throw new Refused(reason);
}

const shown = (value: unknown): string => {
  if (typeof value === 'string') return `"${value.length > 20 ? `${value.slice(0, 20)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  return String(value);
};

/** Eastings and northings in metres, as British National Grid files have, rather than degrees. */
const looksLikeGrid = (x: number, y: number) => x > 1000 && x <= 700_000 && y > 1000 && y <= 1_300_000;

function position(value: unknown, where: string): Position {
  if (!Array.isArray(value) || value.length < 2) {
    return refuse(`${where} is not a longitude and latitude pair`);
  }
  const [longitude, latitude] = value as unknown[];
  for (const [name, coordinate] of [
    ['longitude', longitude],
    ['latitude', latitude],
  ] as const) {
    if (typeof coordinate !== 'number' || !Number.isFinite(coordinate)) {
      refuse(`${where} has a ${name} that is not a number (${shown(coordinate)})`);
    }
  }
  const [x, y] = [longitude as number, latitude as number];
  if (looksLikeGrid(x, y)) {
    refuse(
      `${where} is ${x}, ${y}: these look like British National Grid metres, not degrees. Save the file with longitude and latitude (WGS 84)`,
    );
  }
  if (x < -180 || x > 180) refuse(`${where} has longitude ${x}, outside −180 to 180`);
  if (y < -90 || y > 90) refuse(`${where} has latitude ${y}, outside −90 to 90`);
  return [x, y];
}

function positions(value: unknown, where: string): Position[] {
  if (!Array.isArray(value)) return refuse(`${where} is not a list of positions`);
  return value.map((item, index) => position(item, `position ${index + 1} of ${where}`));
}

/** A ring's positions without any repeated next to itself, as Turf would otherwise find a crossing there. */
function withoutRepeats(ring: readonly Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);
}

/** Whether every corner lies on the line through the first two (a ring with no area). */
function allOnOneLine(ring: readonly Position[]): boolean {
  const [a, b] = [ring[0] as Position, ring[1] as Position];
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const scale = Math.hypot(dx, dy);
  return ring.every((p) => Math.abs(dx * (p[1] - a[1]) - dy * (p[0] - a[0])) <= 1e-12 * scale);
}

function ring(value: unknown, where: string): Ring {
  const checked = positions(value, where);
  if (checked.length < 4) {
    refuse(
      `${where} has ${checked.length} position${checked.length === 1 ? '' : 's'}; a ring needs at least 4, the last the same as the first`,
    );
  }
  const [first, last] = [checked[0] as Position, checked[checked.length - 1] as Position];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    refuse(`${where} is not closed: its last position must be the same as its first`);
  }
  const distinct = withoutRepeats(checked);
  if (distinct.length < 4 || allOnOneLine(distinct)) {
    refuse(`${where} has no area: its corners are all on one line`);
  }
  return distinct;
}

function polygonRings(value: unknown, where: string): Ring[] {
  if (!Array.isArray(value) || value.length === 0) return refuse(`${where || 'the polygon'} has no rings`);
  return value.map((item, index) =>
    ring(item, `${index === 0 ? 'the outer ring' : `hole ${index}`}${where ? ` of ${where}` : ''}`),
  );
}

function noCrossing(rings: readonly Ring[], names: readonly string[]): void {
  const crossing = firstCrossing(rings);
  if (!crossing) return;
  const [longitude, latitude] = crossing.at.map((c) => Math.round(c * 1e6) / 1e6);
  const what = crossing.rings.map((r) => names[r] ?? 'a ring');
  refuse(
    `${what.length === 1 ? `${what[0]} crosses itself` : `${what[0]} and ${what[1]} cross`} at longitude ${longitude}, latitude ${latitude}; a boundary must not cross itself`,
  );
}

function check(value: unknown, depth: number): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse('is not a GeoJSON geometry');
  }
  const { type, coordinates, geometries } = value as {
    type?: unknown;
    coordinates?: unknown;
    geometries?: unknown;
  };
  switch (type) {
    case 'Point':
      position(coordinates, 'the point');
      return;
    case 'MultiPoint':
      positions(coordinates, 'the points');
      return;
    case 'LineString':
      if (positions(coordinates, 'the line').length < 2) refuse('the line has fewer than 2 positions');
      return;
    case 'MultiLineString':
      if (!Array.isArray(coordinates)) refuse('the lines are not a list');
      (coordinates as unknown[]).forEach((line, i) => {
        if (positions(line, `line ${i + 1}`).length < 2) refuse(`line ${i + 1} has fewer than 2 positions`);
      });
      return;
    case 'Polygon': {
      const rings = polygonRings(coordinates, '');
      noCrossing(
        rings,
        rings.map((_, i) => (i === 0 ? 'the outer ring' : `hole ${i}`)),
      );
      return;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coordinates) || coordinates.length === 0) refuse('the polygons are not a list');
      const names: string[] = [];
      const rings = (coordinates as unknown[]).flatMap((polygon, p) => {
        const checked = polygonRings(polygon, `part ${p + 1}`);
        checked.forEach((_, i) => names.push(`${i === 0 ? 'the outer ring' : `hole ${i}`} of part ${p + 1}`));
        return checked;
      });
      noCrossing(rings, names);
      return;
    }
    case 'GeometryCollection':
      if (depth >= deepestCollection) refuse('has geometry collections nested too deep');
      if (!Array.isArray(geometries)) refuse('the geometry collection has no list of geometries');
      for (const member of geometries as unknown[]) check(member, depth + 1);
      return;
    default:
      refuse(`has type ${shown(type)}, which is not a GeoJSON geometry type`);
  }
}

/**
 * Checks a GeoJSON geometry: known type, numbers for coordinates, longitudes from −180 to 180 and latitudes from
 * −90 to 90, rings of at least 4 positions that close, and boundaries that do not cross themselves.
 */
export function checkGeometry(value: unknown): GeometryCheck {
  try {
    check(value, 0);
    return { ok: true, geometry: value as Geometry };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    if (error instanceof RangeError) return { ok: false, reason: 'is nested too deep to read' };
    throw error;
  }
}

/** Every position in a geometry already checked. */
export function* positionsOf(geometry: Geometry): Generator<Position> {
  if (geometry.type === 'GeometryCollection') {
    for (const member of geometry.geometries) yield* positionsOf(member);
    return;
  }
  const walk = function* (value: unknown): Generator<Position> {
    if (Array.isArray(value) && typeof value[0] === 'number') yield value as unknown as Position;
    else if (Array.isArray(value)) for (const item of value) yield* walk(item);
  };
  yield* walk(geometry.coordinates);
}

/** The first position of a checked geometry outside the box round the UK, if any. */
export function firstOutsideUk(geometry: Geometry): Position | undefined {
  for (const p of positionsOf(geometry)) if (!isInUk(p[0], p[1])) return p;
  return undefined;
}
