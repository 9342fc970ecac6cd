import type { RoundResults, SideResult } from '../results/index.js';

function sideWithoutComments(side: SideResult): SideResult {
  if (side.status !== 'has-data') return side;
  return { ...side, indicators: side.indicators.map((indicator) => ({ ...indicator, comments: [] })) };
}

/** The same results with every comment left out: the figures, counts and rankings are unchanged. */
export function resultsWithoutComments(results: RoundResults): RoundResults {
  return {
    ...results,
    sides: {
      council: sideWithoutComments(results.sides.council),
      community: sideWithoutComments(results.sides.community),
    },
  };
}
