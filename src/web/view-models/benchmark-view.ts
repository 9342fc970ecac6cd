/**
 * Shapes benchmark distributions for pages: one table row per principle or indicator and side, with figures
 * written out, and the filters as select items. Nothing here names a partnership.
 */
import type { BenchmarkRow, Distribution, Position } from '../../domain/national/benchmark.js';
import { positionLabels } from '../../domain/national/benchmark.js';
import {
  councilTypeLabels,
  councilTypes,
  isRegion,
  regions,
  type CouncilType,
  type Region,
} from '../../domain/national/council-types.js';
import type { Side } from '../../domain/results/rating.js';
import { benchmarkChart } from '../charts/benchmark-chart.js';

/** A median or quartile as people read it: 2, 2.5, 2.75. */
export const figure = (value: number): string => String(Math.round(value * 100) / 100);

export interface BenchmarkFilterQuery {
  readonly councilType: CouncilType | undefined;
  readonly region: Region | undefined;
}

/** Reads the filters from the query string; anything not in the lists means "all". */
export function readFilter(query: unknown): BenchmarkFilterQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const type = typeof q.councilType === 'string' ? q.councilType : '';
  return {
    councilType: (councilTypes as readonly string[]).includes(type) ? (type as CouncilType) : undefined,
    region: isRegion(q.region) ? q.region : undefined,
  };
}

export function filterItems(filter: BenchmarkFilterQuery) {
  return {
    councilTypes: [
      { value: '', text: 'All council types', selected: filter.councilType === undefined },
      ...councilTypes.map((t) => ({
        value: t,
        text: councilTypeLabels[t],
        selected: filter.councilType === t,
      })),
    ],
    regions: [
      { value: '', text: 'All regions', selected: filter.region === undefined },
      ...regions.map((r) => ({ value: r, text: r, selected: filter.region === r })),
    ],
    description: [
      filter.councilType ? councilTypeLabels[filter.councilType] : 'all council types',
      filter.region ?? 'all regions',
    ].join(', '),
  };
}

const sideNames: Record<Side, string> = { council: 'Council side', community: 'Community side' };

export interface BenchmarkTableRow {
  readonly code: string;
  readonly name: string;
  readonly isPrinciple: boolean;
  readonly side: string;
  readonly contributors: number;
  readonly lowerQuartile: string;
  readonly median: string;
  readonly upperQuartile: string;
  readonly shown: boolean;
  readonly own?: string;
  readonly position?: string;
}

const cells = (d: Distribution | null) =>
  d
    ? {
        shown: true,
        contributors: d.contributors,
        lowerQuartile: figure(d.lowerQuartile),
        median: figure(d.median),
        upperQuartile: figure(d.upperQuartile),
      }
    : { shown: false, contributors: 0, lowerQuartile: '', median: '', upperQuartile: '' };

interface OwnFigure {
  readonly value: number | null;
  readonly position: Position | null;
}

type OwnRow = BenchmarkRow & { readonly own?: Readonly<Record<Side, OwnFigure>> };

function ownCells(own: OwnFigure | undefined, hasOwnFigures: boolean): { own: string; position: string } {
  if (own?.value === null || own?.value === undefined) {
    return {
      own: '–',
      position: hasOwnFigures ? NO_OWN_FIGURE.notEnoughAnswers : NO_OWN_FIGURE.noClosedRound,
    };
  }
  return { own: figure(own.value), position: own.position ? positionLabels[own.position] : 'Not compared' };
}

/** Why a partnership's own figure is missing from a row, said in the row itself. */
export const NO_OWN_FIGURE = {
  noClosedRound: 'Not compared: your partnership has no closed round yet',
  notEnoughAnswers:
    'Not compared: in your latest closed round no group on this side had enough answers to give a figure',
} as const;

/**
 * Table rows for every measure and side that has a distribution (rows with too few partnerships are left out).
 * Where the partnership has no figure of its own, the row says why.
 */
export function benchmarkTableRows(rows: readonly OwnRow[], hasOwnFigures = true): BenchmarkTableRow[] {
  return rows.flatMap((row) =>
    (['council', 'community'] as const).flatMap((side) => {
      const c = cells(row[side]);
      if (!c.shown) return [];
      const own = row.own?.[side];
      return [
        {
          code: row.measure.code,
          name: row.measure.name,
          isPrinciple: row.measure.kind === 'principle',
          side: sideNames[side],
          ...c,
          ...(row.own
            ? {
                ...ownCells(own, hasOwnFigures),
              }
            : {}),
        },
      ];
    }),
  );
}

/** How many measures are held back for having too few partnerships. */
export const withheldCount = (rows: readonly BenchmarkRow[]): number =>
  rows.filter((row) => row.council === null && row.community === null).length;

/** The principles' distributions as a chart (the table has the same figures), or undefined when none is shown. */
export function benchmarkPrincipleChart(rows: readonly OwnRow[], withOwn: boolean): string | undefined {
  const chartRows = rows
    .filter((row) => row.measure.kind === 'principle')
    .flatMap((row) =>
      (['council', 'community'] as const).flatMap((side) => {
        const d = row[side];
        if (!d) return [];
        return [
          {
            label: `${row.measure.name}: ${sideNames[side].toLowerCase()}`,
            lowerQuartile: d.lowerQuartile,
            median: d.median,
            upperQuartile: d.upperQuartile,
            own: row.own?.[side].value ?? null,
          },
        ];
      }),
    );
  return chartRows.length === 0 ? undefined : benchmarkChart('benchmark-chart', chartRows, withOwn);
}
