/**
 * The results CSV: aggregated figures only. A group below the anonymity threshold has no row, and no comment or
 * individual answer is ever written.
 */
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { IndicatorFigures } from '../../domain/results/index.js';
import { SIDE_LABELS } from '../charts/index.js';
import { safeFileName } from './file-name.js';
import { indicatorTitles, qualifyingGroupsOf, sideIndicator } from './results-lookups.js';
import { guardCell } from './spreadsheet-cell.js';

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
