import { describe, expect, it } from 'vitest';
import { firstCrossing, type Position } from './ring-crossings.js';

/** A wavy ring round Trafford, closed; `swap` exchanges two neighbouring corners, so the ring crosses there. */
function wavyRing(corners: number, swap?: number): Position[] {
  const ring = Array.from({ length: corners }, (_, i): Position => {
    const angle = (i / corners) * 2 * Math.PI;
    const radius = 0.1 + 0.01 * Math.sin(angle * 50);
    return [-2.3 + radius * Math.cos(angle), 53.4 + radius * Math.sin(angle)];
  });
  if (swap !== undefined) {
    const [a, b] = [ring[swap] as Position, ring[swap + 1] as Position];
    [ring[swap], ring[swap + 1]] = [b, a];
  }
  return [...ring, ring[0] as Position];
}

describe('firstCrossing on rings of thousands of corners, compared a piece at a time', () => {
  it('finds none in 5,000 corners that do not cross', () => {
    expect(firstCrossing([wavyRing(5000)])).toBeUndefined();
  });

  it('finds two corners swapped far along the ring, and says which ring', () => {
    const crossing = firstCrossing([wavyRing(5000, 3210)]);
    expect(crossing?.rings).toEqual([0]);
    expect(crossing?.at[0]).toBeCloseTo(-2.3, 0);
  });

  it('finds a hole crossing a large outer ring, naming both rings', () => {
    const outer = wavyRing(2000);
    const [x, y] = outer[500] as Position;
    const hole: Position[] = [
      [x - 0.001, y - 0.001],
      [x + 0.001, y - 0.001],
      [x + 0.001, y + 0.001],
      [x - 0.001, y + 0.001],
      [x - 0.001, y - 0.001],
    ];
    expect(firstCrossing([outer, hole])?.rings).toEqual([0, 1]);
  });

  it('allows a large ring to touch a hole at one corner', () => {
    const outer = wavyRing(2000);
    const corner = outer[500] as Position;
    const [cx, cy] = [-2.3, 53.4];
    const hole: Position[] = [corner, [cx + 0.01, cy], [cx, cy + 0.01], corner];
    expect(firstCrossing([outer, hole])).toBeUndefined();
  });
});
