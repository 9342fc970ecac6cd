import { describe, expect, it } from 'vitest';
import type { UnmetRow } from './run-results.js';
import { compareUnmet } from './what-if.js';

const row = (areaCode: string, theme: string, units: number, unmet: number): UnmetRow => ({
  areaCode,
  areaName: areaCode,
  level: 'lsoa',
  wardCode: null,
  theme,
  themeName: theme,
  units,
  allocated: units - unmet,
  unmet,
});

describe('compareUnmet', () => {
  it('pairs areas and themes, biggest change first, then most unmet', () => {
    const saved = [row('A', 'food', 50, 10), row('B', 'food', 40, 30), row('A', 'carers', 20, 20)];
    const whatIf = [row('A', 'food', 50, 10), row('B', 'food', 40, 5), row('A', 'carers', 20, 15)];
    expect(
      compareUnmet(saved, whatIf).map((r) => [r.areaCode, r.theme, r.savedUnmet, r.whatIfUnmet]),
    ).toEqual([
      ['B', 'food', 30, 5],
      ['A', 'carers', 20, 15],
      ['A', 'food', 10, 10],
    ]);
  });
});
