import { describe, expect, it } from 'vitest';
import { aggregateFigures, decileCounts } from './aggregate.js';
import { meanPoint, pointInside } from './representative-point.js';
import { areaLocator } from './locator.js';
import type { Polygon } from 'geojson';

describe('aggregateFigures', () => {
  it.each([
    {
      name: 'weights by population when every population is known',
      figures: [
        { value: 10, population: 1000 },
        { value: 40, population: 3000 },
      ],
      expected: { value: 32.5, method: 'population-weighted mean', count: 2 },
    },
    {
      name: 'falls back to the plain mean when a population is missing',
      figures: [
        { value: 10, population: 1000 },
        { value: 40, population: null },
      ],
      expected: { value: 25, method: 'plain mean', count: 2 },
    },
    {
      name: 'ignores figures that are not numbers',
      figures: [
        { value: Number.NaN, population: 10 },
        { value: 7, population: 10 },
      ],
      expected: { value: 7, method: 'population-weighted mean', count: 1 },
    },
  ])('$name', ({ figures, expected }) => expect(aggregateFigures(figures)).toEqual(expected));

  it('gives nothing for no figures', () => expect(aggregateFigures([])).toBeUndefined());

  it('counts deciles', () => {
    expect(decileCounts([1, 1, 2, 10, null, 11])).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

// An L shape whose centroid falls outside it.
const lShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};

describe('representative points', () => {
  it('puts the point of a polygon inside it, even when its centroid is outside', () => {
    const point = pointInside(lShape);
    expect(areaLocator([{ code: 'L', boundary: lShape }]).locate(point)).toBe('L');
  });

  it.each([
    {
      name: 'population-weighted',
      points: [
        { lat: 0, lng: 0, population: 100 },
        { lat: 4, lng: 8, population: 300 },
      ],
      expected: { point: { lat: 3, lng: 6 }, method: 'population-weighted' },
    },
    {
      name: 'plain mean without populations',
      points: [
        { lat: 0, lng: 0, population: null },
        { lat: 4, lng: 8, population: 300 },
      ],
      expected: { point: { lat: 2, lng: 4 }, method: 'plain mean' },
    },
  ])('mean point: $name', ({ points, expected }) => expect(meanPoint(points)).toEqual(expected));
});

describe('areaLocator', () => {
  const locator = areaLocator([
    { code: 'A', boundary: square(0, 0, 1) },
    { code: 'B', boundary: square(1, 0, 1) },
    { code: 'L', boundary: lShape },
  ]);
  it.each([
    [{ lat: 0.5, lng: 0.5 }, 'A'],
    [{ lat: 0.5, lng: 1.5 }, 'B'],
    [{ lat: 2, lng: 0.5 }, 'L'],
    [{ lat: 2, lng: 2 }, undefined], // inside the L's box but not the L
    [{ lat: 9, lng: 9 }, undefined],
  ])('%j is in %s', (point, code) => expect(locator.locate(point)).toBe(code));
});
