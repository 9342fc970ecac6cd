import { describe, expect, it } from 'vitest';
import { NO_OWN_FIGURE, benchmarkTableRows } from './benchmark-view.js';

const distribution = { contributors: 6, lowerQuartile: 2, median: 2.5, upperQuartile: 3 };
const row = (council: number | null, community: number | null) => ({
  measure: { code: 'SF', name: 'Shared foundations', kind: 'principle' as const },
  council: distribution,
  community: distribution,
  contributors: 6,
  own: {
    council: { value: council, position: council === null ? null : ('above-median' as const) },
    community: { value: community, position: community === null ? null : ('below-median' as const) },
  },
});

describe('benchmarkTableRows: the partnership’s own figure, or why there is none', () => {
  it.each([
    ['both sides have a figure', row(3, 2), true, ['3', '2'], ['Above the middle', 'Below the middle']],
    [
      'one side has too few answers',
      row(3, null),
      true,
      ['3', '–'],
      ['Above the middle', NO_OWN_FIGURE.notEnoughAnswers],
    ],
    [
      'no closed round yet',
      row(null, null),
      false,
      ['–', '–'],
      [NO_OWN_FIGURE.noClosedRound, NO_OWN_FIGURE.noClosedRound],
    ],
  ])('%s', (_name, input, hasOwnFigures, own, position) => {
    const rows = benchmarkTableRows([input], hasOwnFigures);
    expect(rows.map((r) => r.own)).toEqual(own);
    expect(rows.map((r) => r.position)).toEqual(position);
    expect(rows.map((r) => r.own)).not.toContain('No figure');
  });
});
