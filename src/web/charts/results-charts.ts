/**
 * Chart inputs from a round's results, so a results page can call `dotPlot(principleDotPlot(...))` and
 * `heatMap(indicatorHeatMap(...))`. Only figures the results already publish are used: groups below the
 * anonymity threshold have no figures and get no column.
 */
import type { RoundResults } from '../../domain/results/index.js';
import type { HeatMapOptions } from './heat-map.js';
import type { DotPlotOptions } from './dot-plot.js';

export const SIDE_LABELS = { council: 'Council side', community: 'Community side' } as const;

export interface ChartText {
  /** Prefix for the ids inside the SVG; unique on the page. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** A dot plot of the principle medians: one row per principle, a dot for each side. */
export function principleDotPlot(
  results: RoundResults,
  text: ChartText,
  levels: DotPlotOptions['levels'],
): DotPlotOptions {
  return {
    ...text,
    levels,
    rows: results.principles.map((principle) => ({
      label: principle.name,
      council: principle.councilMedian,
      community: principle.communityMedian,
    })),
  };
}

/**
 * A heat map of the indicator medians: one row per indicator (labelled from `indicatorLabels`, else by its
 * code alone), one column per side, then one per group that meets the threshold, in round order.
 */
export function indicatorHeatMap(
  results: RoundResults,
  text: ChartText,
  indicatorLabels: ReadonlyMap<string, string> = new Map(),
): HeatMapOptions {
  const groups = results.groups.flatMap((group) => (group.status === 'meets-threshold' ? [group] : []));
  const groupMedians = groups.map(
    (group) => new Map(group.indicators.map((figures) => [figures.indicatorCode, figures.median])),
  );
  return {
    ...text,
    rows: results.indicators.map((indicator) => ({
      code: indicator.indicatorCode,
      label: indicatorLabels.get(indicator.indicatorCode) ?? '',
    })),
    columns: [
      { label: SIDE_LABELS.council },
      { label: SIDE_LABELS.community },
      ...groups.map((group) => ({ label: group.groupName })),
    ],
    cells: results.indicators.map((indicator) => [
      indicator.councilMedian,
      indicator.communityMedian,
      ...groupMedians.map((medians) => medians.get(indicator.indicatorCode) ?? null),
    ]),
  };
}
