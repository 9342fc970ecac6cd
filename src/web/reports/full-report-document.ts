/**
 * The full report of a round: the method, every indicator with each side's and each qualifying group's
 * median, spread and "don't know" rate, the anonymised comments, the workshop's agreed levels beside the
 * survey results, and trends. Pure: built from the round's results, with no I/O. Its sections are built in
 * full-report-method.ts, full-report-principles.ts and full-report-findings.ts.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import { DIFFERENCE_RULE_TEXT } from '../../domain/results/index.js';
import { formatMedian, levelPhrase, sentenceCase } from '../view-models/results-wording.js';
import { resultsPageView } from '../view-models/results-view.js';
import {
  paragraph,
  section,
  seenWords,
  ukDayText,
  type ReportContext,
  type ReportDocument,
  type ReportTable,
} from './report-document.js';
import {
  dontKnowSection,
  gapsSection,
  otherWorkshopSection,
  prioritiesSection,
  strengthsSection,
  trendsSection,
} from './full-report-findings.js';
import { methodSection } from './full-report-method.js';
import { principleSections } from './full-report-principles.js';
import { headlineFigure } from './headline-blocks.js';

export function fullReportDocument(view: RoundResultsView, context: ReportContext): ReportDocument {
  const page = resultsPageView(view);
  const { results } = view;
  const { framework } = view.view;
  const round = view.view.round;
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
      ...principleSections(view, indicators, workshop),
      gapsSection(page),
      strengthsSection(page),
      prioritiesSection(page),
      dontKnowSection(view, page, indicators),
      ...[trendsSection(page), otherWorkshopSection(view)].filter((extra) => extra !== undefined),
      ...(context.actionPlan ? [context.actionPlan] : []),
    ],
  };
}
