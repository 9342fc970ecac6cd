/**
 * The full report's method: who was asked and who answered, when, what was asked, the anonymity threshold, how
 * the figures are worked out, and how comments are shown.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import { DIFFERENCE_RULE_TEXT } from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import { HIGH_DONT_KNOW_RATE } from '../view-models/results-wording.js';
import type { ResultsPageView } from '../view-models/results-view.js';
import {
  belowThresholdNotice,
  datesText,
  kindText,
  list,
  paragraph,
  people,
  principleCount,
  section,
  statusSentence,
  type ReportContext,
  type ReportSection,
} from './report-document.js';
import { sideResponses } from './summary-document.js';

export function methodSection(
  view: RoundResultsView,
  page: ResultsPageView,
  context: ReportContext,
): ReportSection {
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
