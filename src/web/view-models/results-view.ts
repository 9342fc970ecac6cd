/**
 * What the results page and the results CSV show, worked out from a round's results. Pure: no I/O.
 *
 * Only figures the results already publish are used. A group below the anonymity threshold appears only as
 * its "not enough responses yet" notice: never as a chart series, a column, a CSV row or a comment.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { RoundView } from '../../app/assessments/rounds.js';
import type { Framework } from '../../domain/framework/framework.js';
import {
  DIFFERENCE_RULE_TEXT,
  describeDifference,
  type GroupWithFigures,
  type IndicatorFigures,
  type IndicatorTrend,
  type RankedIndicator,
  type SideResult,
} from '../../domain/results/index.js';
import { SIDE_LABELS, dotPlot, heatMap, indicatorHeatMap, principleDotPlot } from '../charts/index.js';
import { safeFileName } from './file-name.js';

/** A "don't know" rate at or above this is marked high on the page. */
export const HIGH_DONT_KNOW_RATE = 0.3;

const kindLabels: Record<string, string> = { quick: 'Quick check', full: 'Full assessment' };
const statusLabels: Record<string, string> = {
  scheduled: 'Not open yet',
  open: 'Open',
  closed: 'Closed',
};

/** A median for people to read: "3", "2.5", "2.25"; "–" (en dash) for no data. */
export function formatMedian(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100);
}

/** "3 (Established)", "2.5 (between Developing and Established)", or "no data". */
export function levelPhrase(value: number | null, framework: Framework): string {
  if (value === null) return 'no data';
  const name = (level: number) =>
    framework.scale.levels.find((entry) => entry.level === level)?.name ?? `level ${level}`;
  if (Number.isInteger(value)) return `${formatMedian(value)} (${name(value)})`;
  return `${formatMedian(value)} (between ${name(Math.floor(value))} and ${name(Math.ceil(value))})`;
}

/** A change between rounds in words: "Up 0.5", "Down 1", "No change". */
export function changePhrase(change: number): string {
  if (change === 0) return 'No change';
  return `${change > 0 ? 'Up' : 'Down'} ${formatMedian(Math.abs(change))}`;
}

/** "Some difference" from "some difference". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** community − council, in words: "Community side 1.5 lower". */
export function differencePhrase(difference: number): string {
  if (difference === 0) return 'No difference';
  const side = difference > 0 ? 'higher' : 'lower';
  return `Community side ${formatMedian(Math.abs(difference))} ${side}`;
}

/**
 * The sentence shown for a group below the threshold, and the only place its name appears. Once the round has
 * closed, waiting will not help, so it says what to do next time instead of how many more are needed.
 */
export function belowThresholdMessage(groupName: string, needed: number, closed = false): string {
  if (closed) {
    return (
      `${groupName}: too few people answered to show this group’s results, so its answers are not shown. ` +
      'Next time, invite more people to this group.'
    );
  }
  return `${groupName}: not enough responses yet to show results. ${needed} more needed.`;
}

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
  readonly comments: readonly {
    readonly code: string;
    readonly title: string;
    readonly sides: readonly { readonly label: string; readonly comments: readonly string[] }[];
  }[];
  readonly trends:
    | {
        readonly previousRoundName: string;
        readonly rows: readonly {
          readonly code: string;
          readonly title: string;
          readonly council: TrendCells;
          readonly community: TrendCells;
        }[];
      }
    | undefined;
  readonly workshop: readonly {
    readonly principle: string;
    readonly agreedLevel: string;
    readonly reasons: string;
    readonly agreedActions: string;
  }[];
}

export interface RankedView {
  readonly code: string;
  readonly title: string;
  readonly council: string;
  readonly community: string;
}

export interface TrendCells {
  readonly previous: string;
  readonly current: string;
  readonly change: string;
}

function levelKey(framework: Framework): string {
  const names = framework.scale.levels.map((entry) => `${entry.level} ${entry.name}`);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
}

function qualifyingGroupsOf(view: RoundResultsView): GroupWithFigures[] {
  return view.results.groups.flatMap((group) => (group.status === 'meets-threshold' ? [group] : []));
}

function indicatorTitles(view: RoundView): Map<string, string> {
  return new Map(view.indicators.map((indicator) => [indicator.code, indicator.title]));
}

function sideIndicator(side: SideResult, code: string): IndicatorFigures | undefined {
  return side.status === 'has-data'
    ? side.indicators.find((figures) => figures.indicatorCode === code)
    : undefined;
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

function trendCells(trend: IndicatorTrend | undefined): TrendCells {
  if (!trend) return { previous: '–', current: '–', change: 'No comparison' };
  return {
    previous: formatMedian(trend.previousMedian),
    current: formatMedian(trend.currentMedian),
    change: changePhrase(trend.change),
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

  const principleNames = new Map(results.principles.map((p) => [p.principleCode, p.name]));
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

  const comments = results.indicators.flatMap((indicator) => {
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

  let trends: ResultsPageView['trends'];
  if (view.previous) {
    const { comparison } = view.previous;
    const councilTrends = new Map(comparison.council.map((trend) => [trend.indicatorCode, trend]));
    const communityTrends = new Map(comparison.community.map((trend) => [trend.indicatorCode, trend]));
    trends = {
      previousRoundName: view.previous.round.name,
      rows: comparison.sharedIndicatorCodes.map((code) => ({
        code,
        title: title(code),
        council: trendCells(councilTrends.get(code)),
        community: trendCells(communityTrends.get(code)),
      })),
    };
  }

  const frameworkOrder = framework.principles.map((p) => p.code);
  const frameworkPrinciples = new Map(framework.principles.map((p) => [p.code, p.name]));
  const position = (code: string) => {
    const index = frameworkOrder.indexOf(code);
    return index === -1 ? frameworkOrder.length : index;
  };
  const workshop = [...view.workshop]
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
    comments,
    trends,
    workshop,
  };
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP: CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/** Prefixes a text cell that a spreadsheet would read as a formula with a single quote. */
export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export const CSV_HEADER = [
  'Partnership',
  'Round',
  'Indicator code',
  'Indicator',
  'Principle',
  'Group or side',
  'Respondents',
  'Answered',
  "Don't know",
  'Not applicable',
  'Median',
  'Minimum',
  'Maximum',
  'Lower quartile',
  'Upper quartile',
  'Perception gap',
] as const;

type CsvCell = string | number;

/**
 * The aggregated results as CSV rows (header first): one row per indicator for the council side, the
 * community side and each group that meets the threshold. Never an individual answer, never a comment, and
 * no row at all for a group below the threshold. Text cells are guarded against formula injection.
 */
export function resultsCsvRows(view: RoundResultsView, partnershipName: string): CsvCell[][] {
  const { results } = view;
  const titles = indicatorTitles(view.view);
  const principleNames = new Map(results.principles.map((p) => [p.principleCode, p.name]));
  const groups = qualifyingGroupsOf(view);
  const columns: {
    label: string;
    respondents: number;
    figures: (code: string) => IndicatorFigures | undefined;
  }[] = [
    ...(['council', 'community'] as const).map((key) => {
      const side = results.sides[key];
      return {
        label: SIDE_LABELS[key],
        respondents: side.status === 'has-data' ? side.respondents : 0,
        figures: (code: string) => sideIndicator(side, code),
      };
    }),
    ...groups.map((group) => ({
      label: group.groupName,
      respondents: group.respondents,
      figures: (code: string) => group.indicators.find((figures) => figures.indicatorCode === code),
    })),
  ];

  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const indicator of results.indicators) {
    const code = indicator.indicatorCode;
    columns.forEach((column, index) => {
      const figures = column.figures(code);
      const isSide = index < 2;
      const number = (value: number | null | undefined): CsvCell =>
        value === null || value === undefined ? '' : value;
      rows.push([
        guardCell(partnershipName),
        guardCell(view.view.round.name),
        guardCell(code),
        guardCell(titles.get(code) ?? ''),
        guardCell(principleNames.get(indicator.principleCode) ?? indicator.principleCode),
        guardCell(column.label),
        column.respondents,
        number(figures?.answered),
        number(figures?.dontKnow),
        number(figures?.notApplicable),
        number(figures?.median),
        number(figures?.spread?.min),
        number(figures?.spread?.max),
        number(figures?.spread?.lowerQuartile),
        number(figures?.spread?.upperQuartile),
        isSide ? (indicator.perceptionGap ? 'yes' : 'no') : '',
      ]);
    });
  }
  return rows;
}

/** A file name safe in a Content-Disposition header: lower-case letters, digits and hyphens. */
export function csvFileName(partnershipSlug: string, roundName: string): string {
  return safeFileName('results', partnershipSlug, roundName, 'csv');
}
