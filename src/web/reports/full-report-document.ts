/**
 * The full report of a round: the method, every indicator with each side's and each qualifying group's
 * median, spread and "don't know" rate, the anonymised comments, the workshop's agreed levels beside the
 * survey results, and trends. Pure: built from the round's results, with no I/O.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { WorkshopRecord } from '../../app/ports.js';
import type { Framework } from '../../domain/framework/framework.js';
import type {
  IndicatorFigures,
  PrincipleFigures,
  RoundResults,
  SideIndicatorFigures,
} from '../../domain/results/index.js';
import { DIFFERENCE_RULE_TEXT } from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import {
  HIGH_DONT_KNOW_RATE,
  formatMedian,
  levelPhrase,
  resultsPageView,
  sentenceCase,
  type RankedView,
  type ResultsPageView,
} from '../view-models/results-view.js';
import {
  belowThresholdNotice,
  datesText,
  dayText,
  gapPhrase,
  kindText,
  list,
  paragraph,
  people,
  principleCount,
  section,
  seenPhrase,
  seenWords,
  statusSentence,
  ukDayText,
  type ReportBlock,
  type ReportContext,
  type ReportDocument,
  type ReportSection,
  type ReportTable,
} from './report-document.js';
import { headlineFigure } from './headline-blocks.js';
import { sideResponses } from './summary-document.js';

/** One row of the per-indicator and per-principle tables: a side, or a group that meets the threshold. */
interface Respondents {
  readonly label: string;
  readonly indicators: ReadonlyMap<string, IndicatorFigures>;
  readonly principles: ReadonlyMap<string, PrincipleFigures>;
}

/** Both sides (pooled from their qualifying groups only), then each qualifying group. Never any other group. */
function respondentRows(results: RoundResults): Respondents[] {
  const sides = (['council', 'community'] as const).map((key): Respondents => {
    const side = results.sides[key];
    const has = side.status === 'has-data';
    return {
      label: SIDE_LABELS[key],
      indicators: new Map(has ? side.indicators.map((figures) => [figures.indicatorCode, figures]) : []),
      principles: new Map(has ? side.principles.map((figures) => [figures.principleCode, figures]) : []),
    };
  });
  const groups = results.groups.flatMap((group): Respondents[] =>
    group.status === 'meets-threshold'
      ? [
          {
            label: `${group.groupName} (${SIDE_LABELS[group.side].toLowerCase()})`,
            indicators: new Map(group.indicators.map((figures) => [figures.indicatorCode, figures])),
            principles: new Map(group.principles.map((figures) => [figures.principleCode, figures])),
          },
        ]
      : [],
  );
  return [...sides, ...groups];
}

/** "40% (2 of 5), high"; "–" with nobody to count. */
export function dontKnowText(figures: IndicatorFigures | undefined): { text: string; high: boolean } {
  if (!figures || figures.dontKnowRate === null) return { text: '–', high: false };
  const percent = Math.round(figures.dontKnowRate * 100);
  const high = percent >= Math.round(HIGH_DONT_KNOW_RATE * 100);
  return {
    text: `${percent}% (${figures.dontKnow} of ${figures.answered + figures.dontKnow})${high ? ', high' : ''}`,
    high,
  };
}

function indicatorTable(code: string, rows: readonly Respondents[]): ReportTable {
  return {
    caption: `${code}: median, spread and “don’t know” rate`,
    head: ['Who', 'Median', 'Range', 'Middle half', '“Don’t know”'],
    widths: [3.4, 1.4, 1.4, 1.8, 2.4],
    rows: rows.map((row) => {
      const figures = row.indicators.get(code);
      const spread = figures?.spread ?? null;
      return {
        heading: row.label,
        cells: [
          formatMedian(figures?.median ?? null),
          spread ? `${formatMedian(spread.min)}–${formatMedian(spread.max)}` : '–',
          spread ? `${formatMedian(spread.lowerQuartile)}–${formatMedian(spread.upperQuartile)}` : '–',
          dontKnowText(figures).text,
        ],
      };
    }),
  };
}

function sideComments(results: RoundResults, code: string): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const key of ['council', 'community'] as const) {
    const side = results.sides[key];
    const figures: readonly SideIndicatorFigures[] = side.status === 'has-data' ? side.indicators : [];
    const comments = figures.find((f) => f.indicatorCode === code)?.comments ?? [];
    if (comments.length === 0) continue;
    blocks.push(paragraph(`Comments from the ${SIDE_LABELS[key].toLowerCase()}:`), list(comments));
  }
  return blocks.length > 0 ? blocks : [paragraph('No comments.')];
}

function workshopSection(
  record: WorkshopRecord,
  framework: Framework,
  medians: { council: number | null; community: number | null } | undefined,
): ReportSection {
  return section(`workshop-${record.principleCode}`, 'What the workshop agreed', [
    paragraph(
      record.agreedLevel === null ? 'Not agreed' : levelPhrase(record.agreedLevel, framework),
      'Agreed level',
    ),
    ...(medians ? [paragraph(seenPhrase(medians.council, medians.community), 'The survey')] : []),
    paragraph(record.reasons || 'None recorded.', 'Reasons'),
    paragraph(record.agreedActions || 'None recorded.', 'Agreed actions'),
    paragraph(`Recorded on ${dayText(record.recordedAt)}.`),
  ]);
}

const rankedItems = (items: readonly RankedView[]) =>
  items.map((item) => ({
    label: `${item.code} ${item.title}`,
    text: `council side ${item.council}, community side ${item.community}.`,
  }));

function methodSection(view: RoundResultsView, page: ResultsPageView, context: ReportContext): ReportSection {
  const { results } = view;
  const round = view.view.round;
  const status = statusSentence(view.view);
  const groups = results.groups.flatMap((group) =>
    group.status === 'meets-threshold'
      ? [`${group.groupName} (${SIDE_LABELS[group.side].toLowerCase()}): ${people(group.respondents)}`]
      : [],
  );
  const percent = Math.round(HIGH_DONT_KNOW_RATE * 100);
  return section(
    'method',
    'Method',
    [],
    [
      section('who', 'Who was asked and who answered', [
        paragraph(
          `People on the council side and on the community side of ${context.partnershipName}, in ` +
            `${results.groups.length} ${results.groups.length === 1 ? 'group' : 'groups'}. Each group ` +
            'speaks for one side.',
        ),
        paragraph('Responses counted on each side:'),
        list(sideResponses(results)),
        ...(groups.length > 0 ? [paragraph('Groups with enough responses:'), list(groups)] : []),
        ...belowThresholdNotice(results.groups, results.threshold, 'report'),
      ]),
      section('when', 'When', [
        paragraph(`The round ran ${datesText(view.view)}.${status ? ` ${status}` : ''}`),
      ]),
      section('what', 'What was asked', [
        paragraph(
          `A ${kindText(round.kind)} using the relationship framework, version ${round.frameworkVersion}: ` +
            `${view.view.indicators.length} indicators under ` +
            `${principleCount(view.view.framework, view.view)} principles. Each indicator was rated on four ` +
            `levels: ${page.levelKey}. People could also answer “don’t know” or “not applicable”, and add a ` +
            'comment.',
        ),
      ]),
      section('threshold', 'The anonymity threshold', [
        paragraph(
          `The threshold for this round is ${results.threshold} people. A group’s results are shown only when ` +
            `at least ${results.threshold} people in it have answered. A group with fewer is named only as ` +
            'not having enough responses: its answers are left out of every figure and comment in this ' +
            'report, including the figures for its side.',
        ),
      ]),
      section('figures', 'How the figures are worked out', [
        paragraph(
          'Each figure is a median: the middle level when the answers are put in order. With an even number ' +
            'of answers it is halfway between the two middle ones, so 2.5 lies between Developing and ' +
            'Established. A dash (–) means there is no data.',
        ),
        paragraph(
          'A side’s figures pool the answers of all its groups with enough responses, and the figures for ' +
            'each of those groups are shown as well. A principle’s figure is the median of its indicators’ ' +
            'medians. There is no overall score.',
        ),
        paragraph(
          '“Don’t know” and “not applicable” answers are left out of the medians. The “don’t know” rate is the ' +
            'share of people who answered “don’t know” among those who gave a level or said “don’t know”. ' +
            `Rates of ${percent}% or more are marked high: a high rate can mean the work is not visible to ` +
            'that side, or that people do not have the information to judge it.',
        ),
        paragraph(
          'The range is the lowest and the highest level given. The middle half is where the middle half of ' +
            'the answers lie, from the lower to the upper quartile.',
        ),
        paragraph(
          `How the two sides see a principle or an indicator: ${DIFFERENCE_RULE_TEXT} ` +
            'A perception gap is where the two sides’ medians for an indicator differ by 1 level or more.',
        ),
      ]),
      section('about-comments', 'Comments', [
        paragraph(
          'Comments are shown by side, in alphabetical order, and never with who wrote them or which group ' +
            'they came from. Only groups with enough responses are included.',
        ),
      ]),
    ],
  );
}

export function fullReportDocument(view: RoundResultsView, context: ReportContext): ReportDocument {
  const page = resultsPageView(view);
  const { results } = view;
  const { framework } = view.view;
  const round = view.view.round;
  const rows = respondentRows(results);
  const indicators = new Map(view.view.indicators.map((indicator) => [indicator.code, indicator]));
  const workshop = new Map(view.workshop.map((record) => [record.principleCode, record]));
  const anyWorkshop = results.principles.some((principle) => workshop.has(principle.principleCode));

  const headlineTable: ReportTable = {
    caption: 'Median level for each principle',
    head: [
      'Principle',
      'Council side',
      'Community side',
      'How it is seen',
      ...(anyWorkshop ? ['Workshop agreed level'] : []),
    ],
    widths: anyWorkshop ? [3, 1.6, 1.8, 2.4, 2.4] : [3.4, 1.6, 1.8, 2.8],
    rows: results.principles.map((principle) => {
      const record = workshop.get(principle.principleCode);
      const seen = seenWords(principle.councilMedian, principle.communityMedian);
      return {
        heading: principle.name,
        cells: [
          formatMedian(principle.councilMedian),
          formatMedian(principle.communityMedian),
          sentenceCase(seen),
          ...(anyWorkshop
            ? [
                !record
                  ? 'Not recorded'
                  : record.agreedLevel === null
                    ? 'Not agreed'
                    : levelPhrase(record.agreedLevel, framework),
              ]
            : []),
        ],
      };
    }),
  };
  const headline = section('headline', 'Headline by principle', [
    paragraph(DIFFERENCE_RULE_TEXT),
    ...(page.hasData
      ? [headlineFigure(view, 'report-dot-plot')]
      : [paragraph('There are no results yet: no group has enough responses.')]),
    { kind: 'table', table: headlineTable },
  ]);

  const principleSections = results.principles.map((principle) => {
    const frameworkPrinciple = framework.principles.find((p) => p.code === principle.principleCode);
    const record = workshop.get(principle.principleCode);
    const mediansTable: ReportTable = {
      caption: `${principle.name}: median level`,
      head: ['Who', 'Median level'],
      widths: [3, 2],
      rows: rows.map((row) => ({
        heading: row.label,
        cells: [formatMedian(row.principles.get(principle.principleCode)?.median ?? null)],
      })),
    };
    const indicatorSections = principle.indicatorCodes.map((code) => {
      const indicator = indicators.get(code);
      const title = indicator?.title ?? '';
      const comparison = results.indicators.find((c) => c.indicatorCode === code);
      const gap =
        comparison?.perceptionGap && comparison.difference !== null
          ? [paragraph(`Perception gap: ${gapPhrase(comparison.difference)}.`)]
          : [];
      return section(`indicator-${code}`, `${code} ${title}`.trim(), [
        ...(indicator ? [paragraph(indicator.statement)] : []),
        ...gap,
        { kind: 'table', table: indicatorTable(code, rows) },
        ...sideComments(results, code),
      ]);
    });
    return section(
      `principle-${principle.principleCode}`,
      principle.name,
      [
        ...(frameworkPrinciple ? [paragraph(frameworkPrinciple.description)] : []),
        paragraph(seenPhrase(principle.councilMedian, principle.communityMedian), 'Survey'),
        { kind: 'table', table: mediansTable },
      ],
      [
        ...(record
          ? [
              workshopSection(record, framework, {
                council: principle.councilMedian,
                community: principle.communityMedian,
              }),
            ]
          : []),
        ...indicatorSections,
      ],
    );
  });

  const gaps = section(
    'gaps',
    'Perception gaps',
    page.gaps.length > 0
      ? [
          paragraph(
            'The indicators seen differently: the two sides’ medians differ by 1 level or more. The biggest ' +
              'come first.',
          ),
          {
            kind: 'table',
            table: {
              caption: 'Perception gaps',
              head: ['Indicator', 'Council side', 'Community side', 'Difference'],
              widths: [3.6, 1.5, 1.7, 2.6],
              rows: page.gaps.map((gap) => ({
                heading: `${gap.code} ${gap.title}`,
                cells: [gap.council, gap.community, gap.difference],
              })),
            },
          },
        ]
      : [
          paragraph(
            page.comparable
              ? 'No indicator is seen differently: on every indicator both sides answered, their medians are ' +
                  'less than 1 level apart.'
              : 'There are not enough answers yet to compare the two sides: at least one side has no group ' +
                  'with enough responses.',
          ),
        ],
  );

  const strengths = section('strengths', 'Strengths', [
    paragraph('Indicators that both sides rate at Established or above, with no perception gap.'),
    page.strengths.length > 0
      ? list(rankedItems(page.strengths), true)
      : paragraph('No indicator is rated Established or above by both sides without a perception gap.'),
  ]);
  const priorities = section('priorities', 'Priorities', [
    paragraph('The lowest-rated indicators and the biggest gaps: a place to start the conversation.'),
    page.priorities.length > 0
      ? list(rankedItems(page.priorities), true)
      : paragraph('There are no priorities to show yet.'),
  ]);

  const highRates = results.indicators.flatMap((indicator) =>
    (['council', 'community'] as const).flatMap((key) => {
      const side = results.sides[key];
      const figures =
        side.status === 'has-data'
          ? side.indicators.find((f) => f.indicatorCode === indicator.indicatorCode)
          : undefined;
      const rate = dontKnowText(figures);
      return rate.high
        ? [
            {
              label:
                `${indicator.indicatorCode} ${indicators.get(indicator.indicatorCode)?.title ?? ''}`.trim(),
              text: `${SIDE_LABELS[key].toLowerCase()}, ${rate.text.replace(/, high$/, '')}.`,
            },
          ]
        : [];
    }),
  );
  const dontKnow = section('dont-know', 'High “don’t know” rates', [
    paragraph(
      'A high “don’t know” rate is itself a finding: it can mean the work is not visible to that side, or ' +
        'that people do not have the information to judge it.',
    ),
    highRates.length > 0
      ? list(highRates)
      : paragraph(`No side answered “don’t know” to ${page.highDontKnowPercent}% or more of any indicator.`),
  ]);

  const extra: ReportSection[] = [];
  if (page.trends) {
    const { trends } = page;
    const cell = (cells: { previous: string; current: string; change: string }) =>
      cells.change === 'No comparison'
        ? 'No comparison'
        : `${cells.previous} to ${cells.current}: ${cells.change}`;
    extra.push(
      section('trends', 'Trends', [
        paragraph(
          `How each side’s median has changed since the previous round, ${trends.previousRoundName}, on the ` +
            'indicators both rounds asked about.',
        ),
        trends.rows.length > 0
          ? {
              kind: 'table',
              table: {
                caption: `Change since ${trends.previousRoundName}`,
                head: ['Indicator', 'Council side', 'Community side'],
                widths: [3.4, 2.3, 2.3],
                rows: trends.rows.map((row) => ({
                  heading: `${row.code} ${row.title}`,
                  cells: [cell(row.council), cell(row.community)],
                })),
              },
            }
          : paragraph('The two rounds have no indicators in common.'),
      ]),
    );
  }
  const otherRecords = view.workshop.filter(
    (record) => !results.principles.some((principle) => principle.principleCode === record.principleCode),
  );
  if (otherRecords.length > 0) {
    extra.push(
      section(
        'workshop-other',
        'Workshop records for other principles',
        [],
        otherRecords.map((record) => {
          const name = framework.principles.find((p) => p.code === record.principleCode)?.name;
          const inner = workshopSection(record, framework, undefined);
          return { ...inner, heading: `${name ?? record.principleCode}: what the workshop agreed` };
        }),
      ),
    );
  }

  return {
    kind: 'report',
    title: `Full report: ${round.name}`,
    partnershipName: context.partnershipName,
    roundName: round.name,
    generatedAt: context.generatedAt.toISOString(),
    generatedOn: ukDayText(context.generatedAt),
    intro: [],
    sections: [
      methodSection(view, page, context),
      headline,
      ...principleSections,
      gaps,
      strengths,
      priorities,
      dontKnow,
      ...extra,
      ...(context.actionPlan ? [context.actionPlan] : []),
    ],
  };
}
