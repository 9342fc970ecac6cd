/**
 * The lead-member summary: a short, plain-English account of a round for a board paper, on at most two
 * printed A4 pages. Pure: built from the round's results, with no I/O.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { RoundResults } from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import { formatMedian, resultsPageView } from '../view-models/results-view.js';
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
  seenPhrase,
  statusSentence,
  ukDayText,
  type LabelledText,
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

export function summaryDocument(view: RoundResultsView, context: ReportContext): ReportDocument {
  const page = resultsPageView(view);
  const { results } = view;
  const round = view.view.round;
  const titles = new Map(view.view.indicators.map((indicator) => [indicator.code, indicator.title]));
  const name = (code: string) => `${code} ${titles.get(code) ?? ''}`.trim();
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

  const headline = section(
    'headline',
    'Headline by principle',
    page.hasData
      ? [
          list(
            results.principles.map((principle) => ({
              label: principle.name,
              text: seenPhrase(principle.councilMedian, principle.communityMedian),
            })),
          ),
        ]
      : [paragraph('There are no results yet: no group has enough responses.')],
  );

  const gaps = results.gaps.slice(0, SUMMARY_GAPS);
  const differences = section(
    'differences',
    'Biggest differences between the sides',
    gaps.length > 0
      ? [
          paragraph(
            'Where the two sides’ medians differ by 1 level or more, biggest first' +
              (results.gaps.length > gaps.length
                ? `: the top ${gaps.length} of ${results.gaps.length}. The full report lists them all.`
                : '.'),
          ),
          list(
            gaps.map((gap) => ({
              label: name(gap.indicatorCode),
              text:
                `council side ${formatMedian(gap.councilMedian)}, community side ` +
                `${formatMedian(gap.communityMedian)}: ${gapPhrase(gap.difference)}.`,
            })),
            true,
          ),
        ]
      : [
          paragraph(
            'There are no perception gaps: on every indicator the two sides are within 1 level of each other, ' +
              'or only one side has results.',
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
              label: `${item.code} ${item.title}`,
              text: `council side ${item.council}, community side ${item.community}.`,
            })),
            true,
          ),
        ]
      : [paragraph('There are no priorities to show yet.')],
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
  const agreed = view.workshop.filter((record) =>
    results.principles.some((principle) => principle.principleCode === record.principleCode),
  ).length;
  if (agreed === 0) {
    steps.push(
      'Hold a workshop with people from both sides to talk through the biggest differences and the ' +
        'priorities: why each side sees them as it does, and what evidence there is.',
      'At the workshop, agree a level and actions for each principle, and record them in Common Ground.',
    );
  } else {
    steps.push(
      `The workshop has agreed levels for ${agreed} of ${results.principles.length} principles. The full ` +
        'report shows them beside the survey results, with the reasons and the agreed actions.',
    );
    if (agreed < results.principles.length) steps.push('Agree a level and actions for the other principles.');
  }
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
