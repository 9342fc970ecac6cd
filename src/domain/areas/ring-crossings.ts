import kinks from '@turf/kinks';
import Flatbush from 'flatbush';

/** A longitude and latitude, checked to be numbers in range. */
export type Position = readonly [number, number];

/** A closed ring with no position repeated next to itself: the last position is the first again. */
export type Ring = readonly Position[];

/** Where two parts of a boundary cross, and which rings (0-based, in the order given) cross there. */
export interface Crossing {
  readonly at: Position;
  readonly rings: readonly number[];
}

/**
 * Turf's check compares every pair of segments it is given, so a large boundary's rings are cut into pieces of
 * this many segments, and only pieces whose boxes overlap are compared. Small boundaries are compared whole.
 */
const segmentsPerPiece = 16;
const wholeUpTo = 256;
/** About a tenth of a millimetre: a point this close to a corner or an edge is on it. */
const onIt = 1e-9;

interface Piece {
  readonly ring: number;
  /** The piece's positions: segments `first` to `first + positions.length - 2` of its ring. */
  readonly first: number;
  readonly positions: Position[];
}

function piecesOf(rings: readonly Ring[]): Piece[] {
  const pieces: Piece[] = [];
  rings.forEach((ring, index) => {
    for (let first = 0; first < ring.length - 1; first += segmentsPerPiece) {
      pieces.push({ ring: index, first, positions: ring.slice(first, first + segmentsPerPiece + 1) });
    }
  });
  return pieces;
}

function boxOf(positions: readonly Position[]): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions) {
    west = Math.min(west, x);
    south = Math.min(south, y);
    east = Math.max(east, x);
    north = Math.max(north, y);
  }
  return [west, south, east, north];
}

/** A way through a point: the directions (angles) towards where a ring comes from and where it goes next. */
interface Pass {
  readonly ring: number;
  readonly from: number;
  readonly to: number;
}

const angleFrom = (at: Position, towards: Position) => Math.atan2(towards[1] - at[1], towards[0] - at[0]);
const near = (a: Position, b: Position) => Math.abs(a[0] - b[0]) <= onIt && Math.abs(a[1] - b[1]) <= onIt;

/** Whether `at` lies on the segment from `a` to `b`, away from both ends. */
function insideSegment(at: Position, a: Position, b: Position): boolean {
  if (near(at, a) || near(at, b)) return false;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  const across = Math.abs(dx * (at[1] - a[1]) - dy * (at[0] - a[0])) / length;
  const along = ((at[0] - a[0]) * dx + (at[1] - a[1]) * dy) / (length * length);
  return across <= onIt && along > 0 && along < 1;
}

/** Every way the pieces' rings pass through `at`: through a corner, or along an edge. */
function passesThrough(at: Position, rings: readonly Ring[], pieces: readonly Piece[]): Pass[] {
  const passes: Pass[] = [];
  for (const piece of pieces) {
    const ring = rings[piece.ring] ?? [];
    const corners = ring.length - 1;
    for (let i = piece.first; i < piece.first + piece.positions.length - 1; i += 1) {
      const corner = ring[i] as Position;
      const next = ring[i + 1] as Position;
      if (near(at, corner)) {
        const previous = ring[i === 0 ? corners - 1 : i - 1] as Position;
        passes.push({ ring: piece.ring, from: angleFrom(at, previous), to: angleFrom(at, next) });
      } else if (insideSegment(at, corner, next)) {
        passes.push({ ring: piece.ring, from: angleFrom(at, corner), to: angleFrom(at, next) });
      }
    }
  }
  return passes;
}

const fullTurn = 2 * Math.PI;
const turnFrom = (start: number, angle: number) => (((angle - start) % fullTurn) + fullTurn) % fullTurn;

/**
 * Whether two ways through a point cross, rather than touch: one way's two directions lie on both sides of the
 * other's. Ways that share a direction (running along the same edge) are taken to touch.
 */
function cross(a: Pass, b: Pass): boolean {
  const span = turnFrom(a.from, a.to);
  const first = turnFrom(a.from, b.from);
  const second = turnFrom(a.from, b.to);
  const same = (turn: number) => turn <= onIt || fullTurn - turn <= onIt || Math.abs(turn - span) <= onIt;
  if (span <= onIt || same(first) || same(second)) return false;
  return first < span !== second < span;
}

const meetingPoints = (lines: readonly (readonly Position[])[]): Position[] =>
  kinks(
    lines.length === 1
      ? { type: 'LineString', coordinates: lines[0] as unknown as number[][] }
      : { type: 'MultiLineString', coordinates: lines as unknown as number[][][] },
  ).features.map((point) => point.geometry.coordinates as unknown as Position);

/** Where segments meet: all at once for a small boundary, else each pair of pieces whose boxes overlap. */
function* meetings(rings: readonly Ring[]): Generator<{ at: Position; near: readonly Piece[] }> {
  if (rings.reduce((sum, ring) => sum + ring.length - 1, 0) <= wholeUpTo) {
    const whole = rings.map((ring, index) => ({ ring: index, first: 0, positions: [...ring] }));
    for (const at of meetingPoints(rings)) yield { at, near: whole };
    return;
  }
  const pieces = piecesOf(rings);
  const boxes = pieces.map((piece) => boxOf(piece.positions));
  const index = new Flatbush(pieces.length);
  for (const [west, south, east, north] of boxes) index.add(west, south, east, north);
  index.finish();
  for (let a = 0; a < pieces.length; a += 1) {
    const [west, south, east, north] = boxes[a] as [number, number, number, number];
    for (const b of index.search(west, south, east, north)) {
      if (b < a) continue;
      const lines = a === b ? [pieces[a] as Piece] : [pieces[a] as Piece, pieces[b] as Piece];
      for (const at of meetingPoints(lines.map((piece) => piece.positions))) {
        const around = index.search(at[0] - onIt, at[1] - onIt, at[0] + onIt, at[1] + onIt);
        yield { at, near: around.map((p) => pieces[p] as Piece) };
      }
    }
  }
}

/**
 * The first place where the rings cross themselves or each other, or undefined. Turf's `kinks` finds where
 * segments meet; meeting at a corner or along an edge without crossing (a ring touching itself, or two parts of a
 * boundary touching, as some published ONS boundaries do) is allowed.
 */
export function firstCrossing(rings: readonly Ring[]): Crossing | undefined {
  const checked = new Set<string>();
  for (const { at, near: pieces } of meetings(rings)) {
    const key = `${at[0]},${at[1]}`;
    if (checked.has(key)) continue;
    checked.add(key);
    const passes = passesThrough(at, rings, pieces);
    for (let i = 0; i < passes.length; i += 1) {
      for (let j = i + 1; j < passes.length; j += 1) {
        const [one, two] = [passes[i] as Pass, passes[j] as Pass];
        if (cross(one, two)) return { at, rings: [...new Set([one.ring, two.ring])].sort((a, b) => a - b) };
      }
    }
  }
  return undefined;
}
