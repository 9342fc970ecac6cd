/**
 * What the results page shows, worked out from a round's results. Pure: no I/O. The words for figures are in
 * results-wording.ts, the later sections in results-discussion-view.ts and the CSV in results-csv.ts.
 *
 * Only figures the results already publish are used. A group below the anonymity threshold appears only as
 * its "not enough responses yet" notice: never as a chart series, a column, a CSV row or a comment.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { Framework } from '../../domain/framework/framework.js';
import {
  DIFFERENCE_RULE_TEXT,
  describeDifference,
  type IndicatorFigures,
  type RankedIndicator,
} from '../../domain/results/index.js';
import { SIDE_LABELS, dotPlot, heatMap, indicatorHeatMap, principleDotPlot } from '../charts/index.js';
import {
  commentsView,
  trendsView,
  workshopView,
  type IndicatorComments,
  type TrendsView,
  type WorkshopView,
} from './results-discussion-view.js';
import { indicatorTitles, qualifyingGroupsOf, sideIndicator } from './results-lookups.js';
import {
  HIGH_DONT_KNOW_RATE,
  belowThresholdMessage,
  differencePhrase,
  formatMedian,
  levelPhrase,
  sentenceCase,
} from './results-wording.js';

const kindLabels: Record<string, string> = { quick: 'Quick check', full: 'Full assessment' };
const statusLabels: Record<string, string> = {
  scheduled: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
};

export interface DontKnowCell {
  readonly text: string;
  readonly high: boolean;
}

export interface ResultsPageView {
  readonly round: {
    readonly id: string;
    readonly name: string;
    readonly kind: string;
    readonly status: string;
    readonly isOpen: boolean;
    readonly threshold: number;
    readonly frameworkVersion: string;
  };
  readonly hasData: boolean;
  /** "1 Ad hoc, 2 Developing, 3 Established and 4 Embedded". */
  readonly levelKey: string;
  readonly sides: readonly { readonly label: string; readonly respondents: number | null }[];
  readonly qualifyingGroups: readonly {
    readonly name: string;
    readonly sideLabel: string;
    readonly respondents: number;
  }[];
  readonly belowThreshold: readonly string[];
  /** Column headings of the principle and indicator tables: both sides, then each qualifying group. */
  readonly columns: readonly string[];
  readonly principles: readonly {
    readonly name: string;
    readonly cells: readonly string[];
    /** How the two sides see it, by the one rule (side-difference.ts): "Some difference". */
    readonly seen: string;
  }[];
  /** Whether both sides have results, so that they can be compared at all. */
  readonly comparable: boolean;
  /** The rule for describing differences between the sides, in words. */
  readonly differenceRule: string;
  readonly dotPlotSvg: string;
  readonly heatMapSvg: string;
  readonly indicators: readonly {
    readonly code: string;
    readonly title: string;
    readonly cells: readonly string[];
  }[];
  readonly gaps: readonly {
    readonly code: string;
    readonly title: string;
    readonly council: string;
    readonly community: string;
    readonly difference: string;
  }[];
  readonly strengths: readonly RankedView[];
  readonly priorities: readonly RankedView[];
  readonly dontKnow: readonly {
    readonly code: string;
    readonly title: string;
    readonly council: DontKnowCell;
    readonly community: DontKnowCell;
  }[];
  readonly anyHighDontKnow: boolean;
  readonly highDontKnowPercent: number;
  readonly comments: readonly IndicatorComments[];
  readonly trends: TrendsView | undefined;
  readonly workshop: readonly WorkshopView[];
}

export interface RankedView {
  readonly code: string;
  readonly title: string;
  readonly council: string;
  readonly community: string;
}

function levelKey(framework: Framework): string {
  const names = framework.scale.levels.map((entry) => `${entry.level} ${entry.name}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

function dontKnowCell(figures: IndicatorFigures | undefined): DontKnowCell {
  if (!figures || figures.dontKnowRate === null) return { text: '–', high: false };
  const percent = Math.round(figures.dontKnowRate * 100);
  return {
    text: `${percent}% (${figures.dontKnow} of ${figures.answered + figures.dontKnow})`,
    // Judged on the percentage shown, so that a cell reading 30% is always marked high.
    high: percent >= Math.round(HIGH_DONT_KNOW_RATE * 100),
  };
}

/** Everything the results page shows, as display-ready text and chart markup. */
export function resultsPageView(view: RoundResultsView): ResultsPageView {
  const { results } = view;
  const { framework } = view.view;
  const round = view.view.round;
  const titles = indicatorTitles(view.view);
  const title = (code: string) => titles.get(code) ?? code;
  const groups = qualifyingGroupsOf(view);
  const { council, community } = results.sides;
  const hasData = council.status === 'has-data' || community.status === 'has-data';

  const principles = results.principles.map((principle, index) => ({
    name: principle.name,
    cells: [
      formatMedian(principle.councilMedian),
      formatMedian(principle.communityMedian),
      ...groups.map((group) => formatMedian(group.principles[index]?.median ?? null)),
    ],
    seen: sentenceCase(describeDifference(principle.councilMedian, principle.communityMedian).words),
  }));

  const dotPlotSvg = dotPlot(
    principleDotPlot(
      results,
      {
        id: 'results-dot-plot',
        title: `Headline by principle: ${round.name}`,
        description: 'Median level of each side for each principle, from 1 (Ad hoc) to 4 (Embedded).',
      },
      framework.scale.levels,
    ),
  );

  const heatMapSvg = heatMap(
    indicatorHeatMap(
      results,
      {
        id: 'results-heat-map',
        title: `Indicators by group: ${round.name}`,
        description: 'Median level for each indicator, on each side and in each group with enough responses.',
      },
      titles,
    ),
  );

  const groupMedians = groups.map(
    (group) => new Map(group.indicators.map((figures) => [figures.indicatorCode, figures.median])),
  );
  const indicators = results.indicators.map((indicator) => ({
    code: indicator.indicatorCode,
    title: title(indicator.indicatorCode),
    cells: [
      formatMedian(indicator.councilMedian),
      formatMedian(indicator.communityMedian),
      ...groupMedians.map((medians) => formatMedian(medians.get(indicator.indicatorCode) ?? null)),
    ],
  }));

  const ranked = (list: readonly RankedIndicator[]): RankedView[] =>
    list.map((item) => ({
      code: item.indicatorCode,
      title: title(item.indicatorCode),
      council: levelPhrase(item.councilMedian, framework),
      community: levelPhrase(item.communityMedian, framework),
    }));

  const dontKnow = results.indicators.map((indicator) => ({
    code: indicator.indicatorCode,
    title: title(indicator.indicatorCode),
    council: dontKnowCell(sideIndicator(council, indicator.indicatorCode)),
    community: dontKnowCell(sideIndicator(community, indicator.indicatorCode)),
  }));

  return {
    round: {
      id: round.id,
      name: round.name,
      kind: kindLabels[round.kind] ?? round.kind,
      status: statusLabels[view.view.status] ?? view.view.status,
      isOpen: view.view.status === 'open',
      threshold: results.threshold,
      frameworkVersion: round.frameworkVersion,
    },
    hasData,
    levelKey: levelKey(framework),
    sides: [
      { label: SIDE_LABELS.council, respondents: council.status === 'has-data' ? council.respondents : null },
      {
        label: SIDE_LABELS.community,
        respondents: community.status === 'has-data' ? community.respondents : null,
      },
    ],
    qualifyingGroups: groups.map((group) => ({
      name: group.groupName,
      sideLabel: SIDE_LABELS[group.side],
      respondents: group.respondents,
    })),
    belowThreshold: results.groups.flatMap((group) =>
      group.status === 'below-threshold'
        ? [belowThresholdMessage(group.groupName, group.needed, view.view.status === 'closed')]
        : [],
    ),
    columns: [SIDE_LABELS.council, SIDE_LABELS.community, ...groups.map((group) => group.groupName)],
    principles,
    comparable: council.status === 'has-data' && community.status === 'has-data',
    differenceRule: DIFFERENCE_RULE_TEXT,
    dotPlotSvg,
    heatMapSvg,
    indicators,
    gaps: results.gaps.map((gap) => ({
      code: gap.indicatorCode,
      title: title(gap.indicatorCode),
      council: formatMedian(gap.councilMedian),
      community: formatMedian(gap.communityMedian),
      difference: differencePhrase(gap.difference),
    })),
    strengths: ranked(results.strengths),
    priorities: ranked(results.priorities),
    dontKnow,
    anyHighDontKnow: dontKnow.some((row) => row.council.high || row.community.high),
    highDontKnowPercent: Math.round(HIGH_DONT_KNOW_RATE * 100),
    comments: commentsView(view, title),
    trends: trendsView(view, title),
    workshop: workshopView(view),
  };
}
