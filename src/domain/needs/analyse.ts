import type {
  GapAnalysis,
  GapAnalysisInput,
  GapCell,
  GapExplanation,
  GapSettings,
} from './analysis-types.js';

/** The settings a partnership starts with; docs/needs-scoring.md explains each. */
export const defaultGapSettings: GapSettings = {
  weights: { statistics: 0.6, localRecords: 0.4 },
  reachKm: { urban: 1.6, rural: 8 },
  thresholds: {
    highNeed: 60,
    lowNeed: 30,
    littleProvision: 0.5,
    thinProvision: 1.5,
    overlapProvision: 3,
  },
};

/** Need against provision for every area and theme (first version: every cell has no data yet). */
export function analyseGaps(input: GapAnalysisInput): GapAnalysis {
  const cells: GapCell[] = [];
  for (const area of input.areas) {
    for (const theme of input.themes) {
      cells.push({
        areaCode: area.code,
        theme: theme.id,
        need: null,
        statisticsNeed: null,
        localNeed: null,
        provision: 0,
        serviceCount: 0,
        gapClass: 'no-data',
        gapScore: 0,
        nearestKm: null,
        nearestServiceId: null,
      });
    }
  }
  return { cells, settings: input.settings };
}

/** Why one area and theme has its class: every need input and every contributing service. */
export function explainGap(
  input: GapAnalysisInput,
  areaCode: string,
  theme: string,
): GapExplanation | undefined {
  const cell = analyseGaps(input).cells.find((c) => c.areaCode === areaCode && c.theme === theme);
  if (!cell) return undefined;
  return {
    cell,
    need: {
      statistics: [],
      statisticsNeed: null,
      records: [],
      localNeed: null,
      weights: input.settings.weights,
      need: null,
    },
    contributions: [],
    reachKm: input.settings.reachKm.urban,
    thresholds: input.settings.thresholds,
    classReason: 'There is no statistic or local record for this theme here yet.',
  };
}
