/** Finding things in a round's results: the groups that meet the threshold, indicator titles, a side's figures. */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { RoundView } from '../../app/assessments/rounds.js';
import type { GroupWithFigures, IndicatorFigures, SideResult } from '../../domain/results/index.js';

export function qualifyingGroupsOf(view: RoundResultsView): GroupWithFigures[] {
  return view.results.groups.flatMap((group) => (group.status === 'meets-threshold' ? [group] : []));
}

export function indicatorTitles(view: RoundView): Map<string, string> {
  return new Map(view.indicators.map((indicator) => [indicator.code, indicator.title]));
}

export function sideIndicator(side: SideResult, code: string): IndicatorFigures | undefined {
  return side.status === 'has-data'
    ? side.indicators.find((figures) => figures.indicatorCode === code)
    : undefined;
}
