import fc from 'fast-check';

/*
 * Generated GeoJSON features for the property tests of the resources and boundaries imports: good ones, and
 * hostile or malformed ones, each saying which field the import must report (and whether the feature is skipped).
 */

/** What the import must say about one generated feature. */
export interface Expected {
  /** The field reported for a feature that must be skipped; undefined when it is imported. */
  readonly skippedField?: string;
  /** Fields reported for a feature that is imported with a value left out. */
  readonly keptFields: readonly string[];
}

export type Position = [number, number];

const square = ([x, y]: Position, size: number): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** A point in England, well inside the box round the UK. */
export const englishPoint = fc.tuple(
  fc.double({ min: -2.9, max: -0.1, noNaN: true }),
  fc.double({ min: 51, max: 54.5, noNaN: true }),
);
const size = fc.double({ min: 0.0001, max: 0.05, noNaN: true });

/** Strings people and programs put in files: markup, quotes, other scripts, emoji, long text, control characters. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"; DROP TABLE services; --',
    '{{ 7 * 7 }}',
    'Ysgol Gymraeg ŵ ŷ',
    'مركز المجتمع',
    '🍲🏠',
    '\u202Eevil',
    'a\u0000b',
    '\u0007bell',
    'x'.repeat(5000),
    '   ',
    '=HYPERLINK("http://evil.example")',
  ),
  fc.string({ maxLength: 40 }),
);

/** A value that is not a number for a coordinate, or a number out of range. */
const badCoordinate = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(null, true, {}, [], '53.4'),
  fc.double({ min: 180.001, max: 1e9, noNaN: true }),
  fc.double({ min: -1e9, max: -180.001, noNaN: true }),
);

/** Geometries that must be refused: wrong shapes, coordinates that are not numbers or out of range, crossings. */
export const badGeometry: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'POINT(1 2)',
    42,
    [],
    { type: 'Circle', coordinates: [0, 0] },
    { type: null, coordinates: [0, 0] },
    { type: 'Point' },
    { type: 'Point', coordinates: [1] },
    { type: 'Point', coordinates: '1,2' },
    { type: 'Polygon', coordinates: [] },
    { type: 'Polygon', coordinates: [[]] },
    { type: 'Polygon', coordinates: 'nope' },
    { type: 'MultiPolygon', coordinates: [[['a']]] },
    { type: 'LineString', coordinates: [[0, 0]] },
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
  ),
  fc
    .tuple(badCoordinate, fc.double({ min: 50, max: 55, noNaN: true }))
    .map((c) => ({ type: 'Point', coordinates: c })),
  fc
    .tuple(fc.double({ min: -3, max: 0, noNaN: true }), badCoordinate)
    .map((c) => ({ type: 'Point', coordinates: c })),
  fc
    .tuple(fc.double({ min: -3, max: 0, noNaN: true }), fc.double({ min: 90.001, max: 1e6, noNaN: true }))
    .map((c) => ({
      type: 'Point',
      coordinates: c,
    })),
  // A bow tie: its outline crosses itself at its middle.
  fc.tuple(englishPoint, size).map(([[x, y], s]) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + s, y + s],
        [x + s, y],
        [x, y + s],
        [x, y],
      ],
    ],
  })),
  // A ring that does not close.
  fc
    .tuple(englishPoint, size)
    .map(([p, s]) => ({ type: 'Polygon', coordinates: [square(p, s).slice(0, 4)] })),
  // A ring of fewer than 4 positions.
  fc.tuple(englishPoint, fc.integer({ min: 1, max: 3 })).map(([p, n]) => ({
    type: 'Polygon',
    coordinates: [Array.from({ length: n }, () => p)],
  })),
  // One bad corner in the second part of a multipolygon.
  fc.tuple(englishPoint, size, badCoordinate).map(([p, s, bad]) => ({
    type: 'MultiPolygon',
    coordinates: [
      [square(p, s)],
      [
        [
          [p[0], p[1]],
          [p[0] + s, bad],
          [p[0], p[1] + s],
          [p[0], p[1]],
        ],
      ],
    ],
  })),
  // Two parts that overlap.
  fc.tuple(englishPoint, size).map(([p, s]) => ({
    type: 'MultiPolygon',
    coordinates: [[square(p, s)], [square([p[0] + s / 2, p[1] + s / 2], s)]],
  })),
);

/** Polygons that are fine: a square, or two squares apart. */
export const goodOutline = fc.oneof(
  fc.tuple(englishPoint, size).map(([p, s]) => ({ type: 'Polygon', coordinates: [square(p, s)] })),
  fc.tuple(englishPoint, size).map(([p, s]) => ({
    type: 'MultiPolygon',
    coordinates: [[square(p, s)], [square([p[0] + 2 * s, p[1]], s)]],
  })),
);

/** Things in a features list that are not features. */
export const notAFeature = fc.constantFrom(null, 0, 'feature', [], [{ type: 'Feature' }], true);

/** Properties that are not a set of named values. */
export const notProperties = fc.constantFrom('name=Hub', 7, ['Hub'], true);
