import type { Position } from 'geojson';

/** A ring's area by the shoelace formula, in square degrees: above 0 when it runs anticlockwise. */
export function signedArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

/** How many decimal places a number is written with. */
export const decimalsOf = (value: number): number => String(value).split('.')[1]?.length ?? 0;
