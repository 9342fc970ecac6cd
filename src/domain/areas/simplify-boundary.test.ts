import { describe, expect, it } from 'vitest';
import { simplifyBoundary, simplifyRing } from './simplify-boundary.js';

describe('simplifyRing', () => {
  it.each([
    {
      case: 'drops a corner within the tolerance of the line between its neighbours',
      ring: [
        [0, 0],
        [1, 0.00001],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
      tolerance: 0.001,
      expected: [
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    },
    {
      case: 'keeps a corner further than the tolerance',
      ring: [
        [0, 0],
        [1, 0.5],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
      tolerance: 0.001,
      expected: [
        [0, 0],
        [1, 0.5],
        [2, 0],
        [2, 2],
        [0, 2],
        [0, 0],
      ],
    },
    {
      case: 'rounds to the decimals asked and drops a position repeated by rounding',
      ring: [
        [0.123456, 0.1],
        [0.123459, 0.1],
        [1.000001, 0.1],
        [1, 1],
        [0.123456, 0.1],
      ],
      tolerance: 0,
      expected: [
        [0.12346, 0.1],
        [1, 0.1],
        [1, 1],
        [0.12346, 0.1],
      ],
    },
    {
      case: 'leaves a triangle alone even with a large tolerance',
      ring: [
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
      tolerance: 10,
      expected: [
        [0, 0],
        [1, 0],
        [0, 1],
        [0, 0],
      ],
    },
  ])('$case', ({ ring, tolerance, expected }) => {
    expect(simplifyRing(ring, tolerance, 5)).toEqual(expected);
  });

  it('never leaves fewer than four positions in a ring it can simplify', () => {
    const thin = [
      [0, 0],
      [1, 0.00001],
      [2, 0],
      [1, -0.00001],
      [0, 0],
    ];
    expect(simplifyRing(thin, 1, 5).length).toBeGreaterThanOrEqual(4);
  });
});

describe('simplifyBoundary', () => {
  it('simplifies every ring of every polygon of a multipolygon', () => {
    const square = [
      [0, 0],
      [1, 0.000001],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    const simplified = simplifyBoundary({ type: 'MultiPolygon', coordinates: [[square], [square]] }, 0.001);
    expect(simplified).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
        [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      ],
    });
  });
});
