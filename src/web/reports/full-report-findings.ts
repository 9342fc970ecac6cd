/**
 * The full report's findings after the principles: perception gaps, strengths, priorities, high "don't know"
 * rates, trends since the previous round, and workshop records for principles this round did not ask about.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { Indicator } from '../../domain/framework/framework.js';
import { SIDE_LABELS } from '../charts/index.js';
import type { RankedView, ResultsPageView } from '../view-models/results-view.js';
import { list, paragraph, section, type ReportSection } from './report-document.js';
import { dontKnowText, workshopSection } from './full-report-principles.js';

const rankedItems = (items: readonly RankedView[]) =>
  items.map((item) => ({
    label: `${item.code} ${item.title}`,
    text: `council side ${item.council}, community side ${item.community}.`,
  }));

export function gapsSection(page: ResultsPageView): ReportSection {
  return section(
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
}

/** A numbered list of ranked indicators after a sentence saying what they are, or `none` when there are none. */
function rankedSection(
  id: string,
  heading: string,
  intro: string,
  items: readonly RankedView[],
  none: string,
): ReportSection {
  return section(id, heading, [
    paragraph(intro),
    items.length > 0 ? list(rankedItems(items), true) : paragraph(none),
  ]);
}

export function strengthsSection(page: ResultsPageView): ReportSection {
  return rankedSection(
    'strengths',
    'Strengths',
    'Indicators that both sides rate at Established or above, with no perception gap.',
    page.strengths,
    'No indicator is rated Established or above by both sides without a perception gap.',
  );
}

export function prioritiesSection(page: ResultsPageView): ReportSection {
  return rankedSection(
    'priorities',
    'Priorities',
    'The lowest-rated indicators and the biggest gaps: a place to start the conversation.',
    page.priorities,
    'There are no priorities to show yet.',
  );
}

export function dontKnowSection(
  view: RoundResultsView,
  page: ResultsPageView,
  indicators: ReadonlyMap<string, Indicator>,
): ReportSection {
  const { results } = view;
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
  return section('dont-know', 'High “don’t know” rates', [
    paragraph(
      'A high “don’t know” rate is itself a finding: it can mean the work is not visible to that side, or ' +
        'that people do not have the information to judge it.',
    ),
    highRates.length > 0
      ? list(highRates)
      : paragraph(`No side answered “don’t know” to ${page.highDontKnowPercent}% or more of any indicator.`),
  ]);
}

/** How each side's medians changed since the previous round, when there was one. */
export function trendsSection(page: ResultsPageView): ReportSection | undefined {
  if (!page.trends) return undefined;
  const { trends } = page;
  const cell = (cells: { previous: string; current: string; change: string }) =>
    cells.change === 'No comparison'
      ? 'No comparison'
      : `${cells.previous} to ${cells.current}: ${cells.change}`;
  return section('trends', 'Trends', [
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
  ]);
}

/** The workshop's records for principles this round did not ask about, if any. */
export function otherWorkshopSection(view: RoundResultsView): ReportSection | undefined {
  const { results } = view;
  const { framework } = view.view;
  const otherRecords = view.workshop.filter(
    (record) => !results.principles.some((principle) => principle.principleCode === record.principleCode),
  );
  if (otherRecords.length === 0) return undefined;
  return section(
    'workshop-other',
    'Workshop records for other principles',
    [],
    otherRecords.map((record) => {
      const name = framework.principles.find((p) => p.code === record.principleCode)?.name;
      const inner = workshopSection(record, framework, undefined);
      return { ...inner, heading: `${name ?? record.principleCode}: what the workshop agreed` };
    }),
  );
}
