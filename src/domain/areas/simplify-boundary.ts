import type { Position } from 'geojson';
import type { Boundary } from './representative-point.js';

/** The fewest positions a closed ring can have: three corners and the first repeated. */
const smallestRing = 4;

function distanceToSegment(point: Position, start: Position, end: Position): number {
  const [px = 0, py = 0] = point;
  const [sx = 0, sy = 0] = start;
  const [ex = 0, ey = 0] = end;
  const dx = ex - sx;
  const dy = ey - sy;
  const lengthSquared = dx * dx + dy * dy;
  const along =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - sx) * dx + (py - sy) * dy) / lengthSquared));
  return Math.hypot(px - (sx + along * dx), py - (sy + along * dy));
}

/** Douglas–Peucker: keeps `first` and `last`, and every position further than `tolerance` from the line kept. */
function keepFar(
  line: readonly Position[],
  first: number,
  last: number,
  tolerance: number,
  keep: boolean[],
): void {
  let furthest = -1;
  let furthestDistance = tolerance;
  for (let index = first + 1; index < last; index += 1) {
    const distance = distanceToSegment(
      line[index] as Position,
      line[first] as Position,
      line[last] as Position,
    );
    if (distance > furthestDistance) {
      furthest = index;
      furthestDistance = distance;
    }
  }
  if (furthest < 0) return;
  keep[furthest] = true;
  keepFar(line, first, furthest, tolerance, keep);
  keepFar(line, furthest, last, tolerance, keep);
}

const roundTo = (decimals: number) => {
  const factor = 10 ** decimals;
  return (value: number) => Math.round(value * factor) / factor;
};

/** One closed ring, simplified and rounded; the original (rounded) when simplifying would leave too few corners. */
export function simplifyRing(ring: readonly Position[], tolerance: number, decimals: number): Position[] {
  const round = roundTo(decimals);
  const rounded = ring.map(([x = 0, y = 0]) => [round(x), round(y)]);
  const deduplicated = rounded.filter(
    (position, index) =>
      index === 0 || position[0] !== rounded[index - 1]?.[0] || position[1] !== rounded[index - 1]?.[1],
  );
  if (deduplicated.length <= smallestRing) return deduplicated;
  // The ring is split at its first position and the one furthest from it, so both halves are simplified as lines.
  const start = deduplicated[0] as Position;
  let opposite = 1;
  deduplicated.forEach((position, index) => {
    const here = Math.hypot((position[0] ?? 0) - (start[0] ?? 0), (position[1] ?? 0) - (start[1] ?? 0));
    const best = deduplicated[opposite] as Position;
    if (here > Math.hypot((best[0] ?? 0) - (start[0] ?? 0), (best[1] ?? 0) - (start[1] ?? 0)))
      opposite = index;
  });
  const keep = deduplicated.map(
    (_, index) => index === 0 || index === opposite || index === deduplicated.length - 1,
  );
  keepFar(deduplicated, 0, opposite, tolerance, keep);
  keepFar(deduplicated, opposite, deduplicated.length - 1, tolerance, keep);
  const simplified = deduplicated.filter((_, index) => keep[index]);
  return simplified.length >= smallestRing ? simplified : deduplicated;
}

/**
 * A boundary simplified for drawing on a web map: each ring by Douglas–Peucker within `tolerance` degrees, and
 * coordinates rounded to `decimals` places. Rings are simplified one by one, so neighbours may part by up to
 * the tolerance along a shared edge: fine for a map, not for measuring areas.
 */
export function simplifyBoundary(boundary: Boundary, tolerance: number, decimals = 5): Boundary {
  const polygon = (rings: readonly (readonly Position[])[]) =>
    rings.map((ring) => simplifyRing(ring, tolerance, decimals));
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(boundary.coordinates) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map(polygon) };
}
