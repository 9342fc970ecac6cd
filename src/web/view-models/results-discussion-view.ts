/**
 * The later sections of the results page: the comments by side, the trends since the previous round and what
 * the workshop agreed.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { IndicatorTrend } from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import { changePhrase, formatMedian, levelPhrase } from './results-wording.js';

export interface TrendCells {
  readonly previous: string;
  readonly current: string;
  readonly change: string;
}

export interface IndicatorComments {
  readonly code: string;
  readonly title: string;
  readonly sides: readonly { readonly label: string; readonly comments: readonly string[] }[];
}

export interface TrendsView {
  readonly previousRoundName: string;
  readonly rows: readonly {
    readonly code: string;
    readonly title: string;
    readonly council: TrendCells;
    readonly community: TrendCells;
  }[];
}

export interface WorkshopView {
  readonly principle: string;
  readonly agreedLevel: string;
  readonly reasons: string;
  readonly agreedActions: string;
}

function trendCells(trend: IndicatorTrend | undefined): TrendCells {
  if (!trend) return { previous: '–', current: '–', change: 'No comparison' };
  return {
    previous: formatMedian(trend.previousMedian),
    current: formatMedian(trend.currentMedian),
    change: changePhrase(trend.change),
  };
}

/** Each indicator's comments by side, for the indicators that have any. */
export function commentsView(view: RoundResultsView, title: (code: string) => string): IndicatorComments[] {
  const { results } = view;
  const { council, community } = results.sides;
  return results.indicators.flatMap((indicator) => {
    const sides = (
      [
        [SIDE_LABELS.council, council],
        [SIDE_LABELS.community, community],
      ] as const
    ).flatMap(([label, side]) => {
      const figures = side.status === 'has-data' ? side.indicators : [];
      const list = figures.find((f) => f.indicatorCode === indicator.indicatorCode)?.comments ?? [];
      return list.length > 0 ? [{ label, comments: list }] : [];
    });
    return sides.length > 0
      ? [{ code: indicator.indicatorCode, title: title(indicator.indicatorCode), sides }]
      : [];
  });
}

/** How each side's medians changed since the previous round, when there was one. */
export function trendsView(view: RoundResultsView, title: (code: string) => string): TrendsView | undefined {
  if (!view.previous) return undefined;
  const { comparison } = view.previous;
  const councilTrends = new Map(comparison.council.map((trend) => [trend.indicatorCode, trend]));
  const communityTrends = new Map(comparison.community.map((trend) => [trend.indicatorCode, trend]));
  return {
    previousRoundName: view.previous.round.name,
    rows: comparison.sharedIndicatorCodes.map((code) => ({
      code,
      title: title(code),
      council: trendCells(councilTrends.get(code)),
      community: trendCells(communityTrends.get(code)),
    })),
  };
}

/** What the workshop agreed, in the framework's order of principles. */
export function workshopView(view: RoundResultsView): WorkshopView[] {
  const { framework } = view.view;
  const principleNames = new Map(view.results.principles.map((p) => [p.principleCode, p.name]));
  const frameworkOrder = framework.principles.map((p) => p.code);
  const frameworkPrinciples = new Map(framework.principles.map((p) => [p.code, p.name]));
  const position = (code: string) => {
    const index = frameworkOrder.indexOf(code);
    return index === -1 ? frameworkOrder.length : index;
  };
  return [...view.workshop]
    .sort((a, b) => position(a.principleCode) - position(b.principleCode))
    .map((record) => ({
      principle:
        principleNames.get(record.principleCode) ??
        frameworkPrinciples.get(record.principleCode) ??
        record.principleCode,
      agreedLevel: record.agreedLevel === null ? 'Not agreed' : levelPhrase(record.agreedLevel, framework),
      reasons: record.reasons,
      agreedActions: record.agreedActions,
    }));
}
