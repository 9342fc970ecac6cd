import { describe, expect, it } from 'vitest';
import { PlaceGrid } from './place-grid.js';

/** Every place id in the cells a box touches. */
function placesRead(grid: PlaceGrid, box: readonly [number, number, number, number]): number[] {
  const [minLongitude, minLatitude, maxLongitude, maxLatitude] = box;
  const read: number[] = [];
  grid.forEachIn({ minLongitude, minLatitude, maxLongitude, maxLatitude }, (id) => read.push(id));
  return read.sort((a, b) => a - b);
}

const longitudes = [-2.3, -2.29, -2.2, -1.5, -2.3, 0.1];
const latitudes = [53.4, 53.41, 53.45, 52.9, 53.4, 51.5];

describe('PlaceGrid', () => {
  it.each([
    { box: [-2.31, 53.39, -2.28, 53.42], inside: [0, 1, 4], why: 'two places at one point and a neighbour' },
    { box: [-1.6, 52.8, -1.4, 53.0], inside: [3], why: 'one place alone' },
    { box: [1, 54, 2, 55], inside: [], why: 'a box beyond every place' },
    { box: [-3, 51, 1, 54], inside: [0, 1, 2, 3, 4, 5], why: 'a box around every place' },
  ] as const)('reads every place inside the box: $why', ({ box, inside }) => {
    const grid = new PlaceGrid(longitudes, latitudes, 0.05, 0.05);
    const read = placesRead(grid, box);
    for (const id of inside) expect(read).toContain(id);
    // Cells may hold places just outside the box, never ones far from it.
    for (const id of read) {
      expect(longitudes[id]).toBeGreaterThanOrEqual(box[0] - 0.05);
      expect(longitudes[id]).toBeLessThanOrEqual(box[2] + 0.05);
    }
  });

  it('puts each place in exactly one cell', () => {
    const grid = new PlaceGrid(longitudes, latitudes, 0.01, 0.01);
    expect([...grid.ids].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(grid.start[grid.start.length - 1]).toBe(6);
  });

  it('grows its cells when the places spread too wide for the cell size asked for', () => {
    const grid = new PlaceGrid([-180, 180], [-80, 80], 1e-6, 1e-6);
    expect(grid.columns * grid.rows).toBeLessThanOrEqual(PlaceGrid.maxCells);
    expect(placesRead(grid, [-180, -80, 180, 80])).toEqual([0, 1]);
  });

  it('holds no places when given none', () => {
    const grid = new PlaceGrid([], [], 0.1, 0.1);
    expect(placesRead(grid, [-1, -1, 1, 1])).toEqual([]);
  });
});
