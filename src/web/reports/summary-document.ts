/**
 * The lead-member summary: a short, plain-English account of a round for a board paper, on about three
 * printed A4 pages with its headline chart. Pure: built from the round's results, with no I/O.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import { DIFFERENCE_RULE_TEXT, describeDifference, type RoundResults } from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import { formatMedian } from '../view-models/results-wording.js';
import { resultsPageView } from '../view-models/results-view.js';
import { headlineFigure, headlineTable, workshopSteps } from './headline-blocks.js';
import {
  belowThresholdNotice,
  datesText,
  gapPhrase,
  kindText,
  list,
  paragraph,
  people,
  principleCount,
  section,
  seenWords,
  statusSentence,
  ukDayText,
  type LabelledText,
  type ReportBlock,
  type ReportContext,
  type ReportDocument,
} from './report-document.js';

/** How many perception gaps and priorities the summary lists. */
export const SUMMARY_GAPS = 3;
export const SUMMARY_PRIORITIES = 5;

/** Each side's count of respondents (from its groups that meet the threshold), with those groups' names. */
export function sideResponses(results: RoundResults): LabelledText[] {
  return (['council', 'community'] as const).map((key) => {
    const side = results.sides[key];
    if (side.status !== 'has-data') return { label: SIDE_LABELS[key], text: 'no results yet' };
    const groups = results.groups.flatMap((group) =>
      group.status === 'meets-threshold' && group.side === key ? [group.groupName] : [],
    );
    return { label: SIDE_LABELS[key], text: `${people(side.respondents)} (${groups.join(', ')})` };
  });
}

/**
 * The statements seen differently by the rule, biggest first, and how many show some difference; only when
 * both sides have results, so that an empty round never reads as "no differences".
 */
function differenceBlocks(results: RoundResults, name: (code: string) => string): ReportBlock[] {
  const gaps = results.gaps.slice(0, SUMMARY_GAPS);
  const someDifference = results.indicators.filter(
    (indicator) =>
      describeDifference(indicator.councilMedian, indicator.communityMedian).band === 'some-difference',
  ).length;
  const someDifferenceSentence =
    someDifference === 0
      ? ''
      : ` ${someDifference} ${someDifference === 1 ? 'statement shows' : 'statements show'} some difference ` +
        '(half a level up to 1 level); the full report lists every statement.';
  if (gaps.length === 0) {
    return [
      paragraph(
        'No statement is seen differently: on every statement both sides answered, their medians are less ' +
          `than 1 level apart.${someDifferenceSentence}`,
      ),
    ];
  }
  return [
    paragraph(
      'The statements seen differently (the two sides’ medians 1 level or more apart), biggest first' +
        (results.gaps.length > gaps.length
          ? `: the top ${gaps.length} of ${results.gaps.length}. The full report lists them all.`
          : '.') +
        someDifferenceSentence,
    ),
    list(
      gaps.map((gap) => ({
        label: name(gap.indicatorCode),
        text:
          `council side ${formatMedian(gap.councilMedian)}, community side ` +
          `${formatMedian(gap.communityMedian)}: ${seenWords(gap.councilMedian, gap.communityMedian)}, ` +
          `${gapPhrase(gap.difference)}.`,
      })),
      true,
    ),
  ];
}

export function summaryDocument(view: RoundResultsView, context: ReportContext): ReportDocument {
  const page = resultsPageView(view);
  const { results } = view;
  const round = view.view.round;
  const titles = new Map(view.view.indicators.map((indicator) => [indicator.code, indicator.title]));
  // Statements by name, as a lead member reads them; the code only when a statement has no title.
  const name = (code: string) => titles.get(code) ?? code;
  const status = statusSentence(view.view);
  const principles = principleCount(view.view.framework, view.view);

  const about = section('about', 'About this round', [
    paragraph(
      `${context.partnershipName} ran a ${kindText(round.kind)} called “${round.name}” ${datesText(view.view)}. ` +
        'It asked people on the council side and on the community side of the partnership how well they ' +
        `work together, using ${view.view.indicators.length} indicators under ${principles} principles of the ` +
        `relationship framework.${status ? ` ${status}` : ''}`,
    ),
    paragraph(
      `Each indicator is rated on four levels: ${page.levelKey}. The figures are medians (middle values) ` +
        'for each side, so 2.5 lies between Developing and Established. A dash (–) means there is no data. ' +
        'Results never show one person’s answers.',
    ),
  ]);

  const responses = section('responses', 'Who responded', [
    list(sideResponses(results)),
    paragraph(
      `Results are shown only for groups in which at least ${results.threshold} people answered, so that ` +
        'nobody’s answers can be picked out.',
    ),
    ...belowThresholdNotice(results.groups, results.threshold, 'summary'),
  ]);

  const { council, community } = results.sides;
  const comparable = council.status === 'has-data' && community.status === 'has-data';
  const oneSideOnly = page.hasData && !comparable;
  const sideWithout = council.status === 'has-data' ? 'community side' : 'council side';
  const notComparable =
    `There are not enough answers yet to compare the two sides: the ${sideWithout} has no group with ` +
    `at least ${results.threshold} responses.`;

  const headline = section(
    'headline',
    'Headline by principle',
    page.hasData
      ? [
          paragraph(DIFFERENCE_RULE_TEXT),
          ...(oneSideOnly ? [paragraph(notComparable)] : []),
          headlineFigure(view, 'summary-dot-plot'),
          { kind: 'table', table: headlineTable(results) },
        ]
      : [
          paragraph(
            'There are no results yet: no group has enough responses. There are not enough answers to ' +
              'compare the two sides, so no chart is drawn.',
          ),
        ],
  );

  const differences = section(
    'differences',
    'Biggest differences between the sides',
    comparable
      ? differenceBlocks(results, name)
      : [
          paragraph(
            page.hasData ? notComparable : 'There are not enough answers yet to compare the two sides.',
          ),
        ],
  );

  const topPriorities = page.priorities.slice(0, SUMMARY_PRIORITIES);
  const priorities = section(
    'priorities',
    'Top priorities',
    topPriorities.length > 0
      ? [
          paragraph('The lowest-rated indicators and the biggest gaps: a place to start the conversation.'),
          list(
            topPriorities.map((item) => ({
              label: item.title,
              text: `council side ${item.council}, community side ${item.community}.`,
            })),
            true,
          ),
        ]
      : [
          paragraph(
            page.hasData
              ? 'No statement stands out as a priority.'
              : 'There are no priorities to show yet: no group has enough responses.',
          ),
        ],
  );

  const steps: string[] = [];
  const belowThreshold = results.groups.some((group) => group.status === 'below-threshold');
  if (view.view.status === 'open') {
    steps.push('Wait for the round to close before drawing firm conclusions: the results may still change.');
    if (belowThreshold) {
      steps.push(
        'Encourage more people in the groups without enough responses to answer before the round closes, ' +
          'so that their views count.',
      );
    }
  } else if (belowThreshold) {
    steps.push(
      'Next time, plan how to reach the groups without enough responses, so that their views count.',
    );
  }
  steps.push(...workshopSteps(view));
  steps.push(
    'Choose one or two priorities to act on in the next six months, with a named lead on each side.',
    'Repeat the assessment in about a year to see what has changed.',
    'Read the full report for every indicator, the anonymised comments and how the figures were worked out.',
  );
  const next = section('next', 'What to do next', [list(steps)]);

  return {
    kind: 'summary',
    title: `Lead-member summary: ${round.name}`,
    partnershipName: context.partnershipName,
    roundName: round.name,
    generatedAt: context.generatedAt.toISOString(),
    generatedOn: ukDayText(context.generatedAt),
    intro: [],
    sections: [about, responses, headline, differences, priorities, next],
  };
}
