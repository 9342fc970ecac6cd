import { describe, expect, it } from 'vitest';
import type { GapCell, GapClass } from './analysis-types.js';
import { biggestUnmetGaps } from './biggest-gaps.js';

const cell = (
  areaCode: string,
  theme: string,
  gapClass: GapClass,
  gapScore: number,
  localNeed: number | null = null,
): GapCell => ({
  areaCode,
  theme,
  need: 80,
  statisticsNeed: 80,
  localNeed,
  provision: 0,
  serviceCount: 0,
  gapClass,
  gapScore,
  nearestKm: null,
  nearestServiceId: null,
});

describe('biggestUnmetGaps', () => {
  const cells = [
    cell('E05000001', 'food', 'unmet-need', 40),
    cell('E05000002', 'food', 'thin-provision', 95),
    cell('E05000003', 'housing', 'unmet-need', 70),
    cell('E05000001', 'housing', 'unmet-need', 70),
    cell('E05000004', 'food', 'overlap', 99),
    cell('E05000005', 'food', 'balanced', 98),
    cell('E05000006', 'fuel', 'no-data', 97),
    cell('E05000007', 'fuel', 'unmet-need', 55),
  ];

  it('keeps only unmet need, biggest score first, ties by area then theme', () => {
    const found = biggestUnmetGaps(cells);
    expect(found.cells.map((c) => `${c.areaCode} ${c.theme}`)).toEqual([
      'E05000001 housing',
      'E05000003 housing',
      'E05000007 fuel',
      'E05000001 food',
    ]);
    expect(found.unmetCount).toBe(4);
  });

  it.each([
    [2, 2],
    [0, 0],
    [10, 4],
  ])('lists at most %i (found %i) but counts them all', (limit, listed) => {
    const found = biggestUnmetGaps(cells, limit);
    expect(found.cells).toHaveLength(listed);
    expect(found.unmetCount).toBe(4);
  });

  it('breaks a tie in favour of need reported in local records', () => {
    const found = biggestUnmetGaps([
      cell('E05000001', 'food', 'unmet-need', 100),
      cell('E05000009', 'food', 'unmet-need', 100, 20),
      cell('E05000008', 'food', 'unmet-need', 100, 60),
    ]);
    expect(found.cells.map((c) => c.areaCode)).toEqual(['E05000008', 'E05000009', 'E05000001']);
  });

  it('finds nothing when no area has unmet need', () => {
    expect(biggestUnmetGaps([cell('E05000002', 'food', 'thin-provision', 95)])).toEqual({
      cells: [],
      unmetCount: 0,
    });
  });
});
