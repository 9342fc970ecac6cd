import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decimalsOf, signedArea } from '../../../test/support/signed-area.js';
import { rfc7946Feature, rfc7946Geometry, roundCoordinate } from './rfc7946.js';

// Drawn by hand: the outer rings run clockwise and the holes anticlockwise, the opposite of RFC 7946.
const clockwiseSquare: Position[] = [
  [-2.6, 51.4],
  [-2.6, 51.5],
  [-2.5, 51.5],
  [-2.5, 51.4],
  [-2.6, 51.4],
];
const anticlockwiseHole: Position[] = [
  [-2.58, 51.42],
  [-2.52, 51.42],
  [-2.52, 51.48],
  [-2.58, 51.48],
  [-2.58, 51.42],
];
const unrounded: Position[] = [
  [-2.123456789, 51.987654321],
  [-2.123456789, 51.999999999],
  [-2.000000049, 51.999999999],
  [-2.000000049, 51.987654321],
  [-2.123456789, 51.987654321],
];

const rings = (geometry: Geometry): Position[][] => {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
};
const positions = (geometry: Geometry): Position[] =>
  geometry.type === 'Point' ? [geometry.coordinates] : rings(geometry).flat();

describe('rfc7946Geometry', () => {
  it.each<[string, Polygon | MultiPolygon, ('outer' | 'hole')[]]>([
    ['a clockwise square', { type: 'Polygon', coordinates: [clockwiseSquare] }, ['outer']],
    [
      'a clockwise square with an anticlockwise hole',
      { type: 'Polygon', coordinates: [clockwiseSquare, anticlockwiseHole] },
      ['outer', 'hole'],
    ],
    [
      'an outer ring already anticlockwise with a hole already clockwise',
      { type: 'Polygon', coordinates: [[...clockwiseSquare].reverse(), [...anticlockwiseHole].reverse()] },
      ['outer', 'hole'],
    ],
    [
      'two parts, one clockwise with a hole and one anticlockwise',
      {
        type: 'MultiPolygon',
        coordinates: [[clockwiseSquare, anticlockwiseHole], [[...unrounded].reverse()]],
      },
      ['outer', 'hole', 'outer'],
    ],
  ])('winds %s outer rings anticlockwise and holes clockwise', (_name, geometry, kinds) => {
    const wound = rings(rfc7946Geometry(geometry));
    expect(wound.map((ring) => (signedArea(ring) > 0 ? 'outer' : 'hole'))).toEqual(kinds);
    // The same places: only the order of the positions changes.
    const areas = rings(geometry).map((ring) => Math.abs(signedArea(ring)));
    wound.forEach((ring, i) => expect(Math.abs(signedArea(ring))).toBeCloseTo(areas[i] ?? 0, 6));
  });

  it('leaves the geometry it is given as it was', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [clockwiseSquare.map((p) => [...p])] };
    rfc7946Geometry(polygon);
    expect(polygon.coordinates[0]).toEqual(clockwiseSquare);
  });

  it.each<[string, Geometry]>([
    ['a point', { type: 'Point', coordinates: [-2.123456789, 51.987654321] }],
    ['a polygon', { type: 'Polygon', coordinates: [unrounded] }],
    ['a multipolygon', { type: 'MultiPolygon', coordinates: [[unrounded], [clockwiseSquare]] }],
  ])('rounds the coordinates of %s to 6 decimal places', (_name, geometry) => {
    const rounded = positions(rfc7946Geometry(geometry)).flat();
    expect(Math.max(...rounded.map(decimalsOf))).toBeLessThanOrEqual(6);
    expect(rounded).toContain(-2.123457);
    expect(rounded).toContain(51.987654);
  });

  it.each([
    [-2.123456789, -2.123457],
    [51.9999999, 52],
    [-0.0000001, 0],
    [0.0000005, 0.000001],
    [1.5, 1.5],
  ])('rounds %d to %d', (value, rounded) => {
    expect(Object.is(roundCoordinate(value), rounded)).toBe(true);
  });
});

describe('rfc7946Feature', () => {
  it('gives the feature its id and properties, with the geometry rounded and rewound', () => {
    const feature = rfc7946Feature(
      'E05001234/food',
      { type: 'Polygon', coordinates: [clockwiseSquare] },
      {
        name: 'Greenacres',
      },
    );
    expect(feature.id).toBe('E05001234/food');
    expect(feature.properties).toEqual({ name: 'Greenacres' });
    expect(signedArea(rings(feature.geometry)[0] ?? [])).toBeGreaterThan(0);
  });
});
