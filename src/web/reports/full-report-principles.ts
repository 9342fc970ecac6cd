/**
 * The full report's section for each principle: its medians for both sides and each qualifying group, what the
 * workshop agreed, and each indicator with its median, spread, "don't know" rate and the comments by side.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { WorkshopRecord } from '../../app/ports.js';
import type { Framework, Indicator } from '../../domain/framework/framework.js';
import type {
  IndicatorFigures,
  PrincipleFigures,
  RoundResults,
  SideIndicatorFigures,
} from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import { HIGH_DONT_KNOW_RATE, formatMedian, levelPhrase } from '../view-models/results-wording.js';
import {
  dayText,
  gapPhrase,
  list,
  paragraph,
  section,
  seenPhrase,
  type ReportBlock,
  type ReportSection,
  type ReportTable,
} from './report-document.js';

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

export function workshopSection(
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

/** A section for each principle, with the workshop's record first and then its indicators. */
export function principleSections(
  view: RoundResultsView,
  indicators: ReadonlyMap<string, Indicator>,
  workshop: ReadonlyMap<string, WorkshopRecord>,
): ReportSection[] {
  const { results } = view;
  const { framework } = view.view;
  const rows = respondentRows(results);
  return results.principles.map((principle) => {
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
}
