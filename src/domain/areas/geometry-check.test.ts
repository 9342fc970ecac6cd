import { describe, expect, it } from 'vitest';
import { checkGeometry, firstOutsideUk, isInUk } from './geometry-check.js';

const square = (x: number, y: number, size = 1) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const multi = (...polygons: unknown[]) => ({ type: 'MultiPolygon', coordinates: polygons });

describe('checkGeometry accepts', () => {
  it.each([
    ['a point', { type: 'Point', coordinates: [-2.3, 53.4] }],
    ['a point with an altitude', { type: 'Point', coordinates: [-2.3, 53.4, 12] }],
    [
      'points at the edges of the ranges',
      {
        type: 'MultiPoint',
        coordinates: [
          [-180, -90],
          [180, 90],
        ],
      },
    ],
    [
      'a line',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
    [
      'lines',
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [0, 0],
            [1, 1],
          ],
          [
            [2, 2],
            [3, 1],
          ],
        ],
      },
    ],
    ['a square', polygon(square(0, 0))],
    ['a square with a hole inside', polygon(square(0, 0, 4), square(1, 1))],
    [
      'a hole touching the outer ring at a corner',
      polygon(square(0, 0, 4), [
        [0, 0],
        [1, 2],
        [2, 1],
        [0, 0],
      ]),
    ],
    [
      'a ring touching itself at a corner (an inlet closed to a point, as ONS boundaries have)',
      polygon([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 4],
        [3, 2],
        [1, 2],
        [2, 4],
        [0, 4],
        [0, 0],
      ]),
    ],
    [
      'a corner repeated',
      polygon([
        [0, 0],
        [1, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    ],
    ['two parts touching at a corner', multi([square(0, 0)], [square(1, 1)])],
    ['two parts sharing an edge', multi([square(0, 0)], [square(1, 0)])],
    [
      'a collection',
      {
        type: 'GeometryCollection',
        geometries: [{ type: 'Point', coordinates: [0, 0] }, polygon(square(0, 0))],
      },
    ],
  ])('%s', (_name, geometry) => {
    expect(checkGeometry(geometry)).toEqual({ ok: true, geometry });
  });
});

describe('checkGeometry refuses, saying why', () => {
  it.each([
    [
      'a bow tie',
      polygon([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
      'the outer ring crosses itself at longitude 1, latitude 1',
    ],
    [
      'a figure of eight through one corner',
      polygon([
        [0, 0],
        [1, 1],
        [2, 2],
        [2, 0],
        [1, 1],
        [0, 2],
        [0, 0],
      ]),
      'the outer ring crosses itself at longitude 1, latitude 1',
    ],
    [
      'a corner poking through an edge',
      polygon([
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 4],
        [2, -1],
        [1, 4],
        [0, 4],
        [0, 0],
      ]),
      'the outer ring crosses itself',
    ],
    [
      'a hole out through the outer ring',
      polygon(square(0, 0, 2), square(1, 1, 2)),
      'the outer ring and hole 1 cross',
    ],
    [
      'parts that overlap',
      multi([square(0, 0, 2)], [square(1, 1, 2)]),
      'the outer ring of part 1 and the outer ring of part 2 cross',
    ],
    [
      'a ring that is not closed',
      polygon([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      'the outer ring is not closed',
    ],
    [
      'a ring of 3 positions',
      polygon([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
      'the outer ring has 3 positions; a ring needs at least 4',
    ],
    [
      'a ring of one line',
      polygon([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
      'the outer ring has no area',
    ],
    [
      'a ring there and back',
      polygon([
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
      ]),
      'the outer ring has no area',
    ],
    ['a polygon with no rings', polygon(), 'the polygon has no rings'],
    [
      'a longitude over 180',
      { type: 'Point', coordinates: [200, 53] },
      'the point has longitude 200, outside −180 to 180',
    ],
    [
      'a latitude under −90',
      { type: 'Point', coordinates: [-2, -95] },
      'the point has latitude -95, outside −90 to 90',
    ],
    [
      'a latitude as text',
      { type: 'Point', coordinates: [-2.3, '53.4'] },
      'the point has a latitude that is not a number ("53.4")',
    ],
    [
      'a missing longitude',
      { type: 'Point', coordinates: [null, 53.4] },
      'has a longitude that is not a number (null)',
    ],
    [
      'an infinite latitude',
      { type: 'Point', coordinates: [0, Infinity] },
      'has a latitude that is not a number (Infinity)',
    ],
    ['one number', { type: 'Point', coordinates: [53.4] }, 'the point is not a longitude and latitude pair'],
    [
      'coordinates as text',
      { type: 'Point', coordinates: '-2.3,53.4' },
      'the point is not a longitude and latitude pair',
    ],
    [
      'British National Grid metres',
      { type: 'Point', coordinates: [383_000, 398_000] },
      'these look like British National Grid metres, not degrees',
    ],
    [
      'a bad position deep in a multipolygon',
      multi(
        [square(0, 0)],
        [
          [
            [0, 0],
            [1, 0],
            [1, 'x'],
            [0, 0],
          ],
        ],
      ),
      'position 3 of the outer ring of part 2 has a latitude that is not a number ("x")',
    ],
    [
      'an unknown type',
      { type: 'Circle', coordinates: [0, 0] },
      'has type "Circle", which is not a GeoJSON geometry type',
    ],
    ['no type', { coordinates: [0, 0] }, 'has type undefined'],
    ['null', null, 'is not a GeoJSON geometry'],
    ['a list', [0, 0], 'is not a GeoJSON geometry'],
    [
      'a line of one position',
      { type: 'LineString', coordinates: [[0, 0]] },
      'the line has fewer than 2 positions',
    ],
    [
      'collections nested too deep',
      {
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'GeometryCollection',
            geometries: [
              { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] },
            ],
          },
        ],
      },
      'nested too deep',
    ],
  ])('%s', (_name, geometry, reason) => {
    const checked = checkGeometry(geometry);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.reason).toContain(reason);
  });
});

describe('the box round the UK', () => {
  it.each([
    [-2.3, 53.4, true],
    [-1.29, 60.8, true],
    [-6.3, 49.9, true],
    [-72.6, 42.0, false],
    [53.4, -2.3, false],
  ])('%d, %d in the UK: %s', (longitude, latitude, inside) => {
    expect(isInUk(longitude, latitude)).toBe(inside);
  });

  it('finds the first position outside it', () => {
    expect(firstOutsideUk({ type: 'Polygon', coordinates: [square(-2.3, 53.4, 0.1)] })).toBeUndefined();
    expect(
      firstOutsideUk({
        type: 'MultiPoint',
        coordinates: [
          [-2.3, 53.4],
          [-72.6, 42],
        ],
      }),
    ).toEqual([-72.6, 42]);
  });
});
