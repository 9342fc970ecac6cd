import { z } from 'zod';
import type { GapReport } from '../../app/gaps/gap-analysis.js';
import { gapLevels } from '../../app/gaps/gap-areas.js';
import type { GapCell, GapClass, GapThresholds } from '../../domain/needs/analysis-types.js';
import { potentialProvisionText } from '../../domain/needs/gap-class.js';

/** What the map, the gaps list and their exports show, in words and colours; every colour is named in a legend. */

export const gapClassLabels: Record<GapClass, string> = {
  'unmet-need': 'Unmet need',
  'thin-provision': 'Thin provision',
  balanced: 'Balanced',
  overlap: 'Overlap',
  'no-data': 'No evidence',
  'no-provision-data': 'No provision data',
};

export const gapClassFills: Record<GapClass, string> = {
  'unmet-need': '#d4351c',
  'thin-provision': '#f47738',
  balanced: '#cce2d8',
  overlap: '#5694ca',
  'no-data': '#f3f2f1',
  'no-provision-data': '#b1b4b6',
};

export const mapLayers = ['gap', 'need', 'provision'] as const;
export type MapLayer = (typeof mapLayers)[number];
export const mapLayerLabels: Record<MapLayer, string> = {
  gap: 'Gap class',
  need: 'Need score',
  provision: 'Provision',
};

export const levelLabels: Record<(typeof gapLevels)[number], string> = {
  lsoa: 'Neighbourhoods (LSOAs)',
  ward: 'Wards',
  authority: 'The whole authority',
};

/** The same levels inside a sentence ("Need score for Food: neighbourhoods (LSOAs)"). */
export const levelPhrases: Record<(typeof gapLevels)[number], string> = {
  lsoa: 'neighbourhoods (LSOAs)',
  ward: 'wards',
  authority: 'the whole authority',
};

const noData = '#f3f2f1';
const needFills = ['#fde0c5', '#f8b58b', '#f2855d', '#d4351c', '#8e2413'] as const;
const provisionFills = ['#ffffff', '#c6dbef', '#6fa4d4', '#2b6fb1', '#12436d'] as const;

export interface LegendItem {
  readonly fill: string;
  readonly label: string;
}

export const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
export const twoDecimals = (n: number) => (Math.round(n * 100) / 100).toFixed(2);
export const formatKm = (km: number | null) => (km === null ? 'None open' : `${twoDecimals(km)} km`);

/** A cell's colour and legend on a layer. */
export function layerFill(layer: MapLayer, cell: GapCell | undefined, t: GapThresholds): string {
  if (!cell) return noData;
  if (layer === 'gap') return gapClassFills[cell.gapClass];
  if (layer === 'need') {
    if (cell.need === null) return noData;
    return needFills[Math.min(4, Math.floor(cell.need / 20))] ?? noData;
  }
  const p = cell.provision;
  if (p <= 0) return provisionFills[0];
  if (p < t.littleProvision) return provisionFills[1];
  if (p < t.thinProvision) return provisionFills[2];
  if (p < t.overlapProvision) return provisionFills[3];
  return provisionFills[4];
}

export function layerLegend(layer: MapLayer, t: GapThresholds): LegendItem[] {
  if (layer === 'gap')
    return (Object.keys(gapClassLabels) as GapClass[]).map((c) => ({
      fill: gapClassFills[c],
      label: gapClassLabels[c],
    }));
  if (layer === 'need')
    return [
      ...needFills.map((fill, i) => ({
        fill,
        label: i === 4 ? 'Need 80 to 100' : `Need ${i * 20} to under ${i * 20 + 20}`,
      })),
      { fill: noData, label: 'No evidence' },
    ];
  return [
    { fill: provisionFills[0], label: 'No provision' },
    { fill: provisionFills[1], label: `Above 0, below ${t.littleProvision} (little)` },
    { fill: provisionFills[2], label: `${t.littleProvision} to below ${t.thinProvision} (thin)` },
    { fill: provisionFills[3], label: `${t.thinProvision} to below ${t.overlapProvision}` },
    { fill: provisionFills[4], label: `${t.overlapProvision} or more (overlap level)` },
  ];
}

/** The filters of the map and the gaps list, from the query string; anything unknown falls back. */
export function mapQuery(query: unknown, themeIds: readonly string[]) {
  const q = z
    .object({
      theme: z.string().max(60).optional(),
      level: z.enum(gapLevels).catch('lsoa'),
      layer: z.enum(mapLayers).catch('gap'),
    })
    .catch({ level: 'lsoa', layer: 'gap' })
    .parse(query ?? {});
  const theme =
    q.theme && themeIds.includes(q.theme) ? q.theme : themeIds.includes('food') ? 'food' : themeIds[0];
  return { theme: theme ?? '', level: q.level, layer: q.layer };
}

export const gapSorts = ['score', 'area', 'theme'] as const;
export type GapSort = (typeof gapSorts)[number];

export function gapsQuery(query: unknown, themeIds: readonly string[]) {
  const q = z
    .object({
      theme: z.string().max(60).optional(),
      level: z.enum(gapLevels).catch('lsoa'),
      class: z.enum(['', ...(Object.keys(gapClassLabels) as GapClass[])]).catch(''),
      sort: z.enum(gapSorts).catch('score'),
      order: z.enum(['asc', 'desc']).optional().catch(undefined),
      page: z.coerce.number().int().min(1).max(10_000).catch(1),
    })
    .catch({ level: 'lsoa', class: '', sort: 'score', page: 1 })
    .parse(query ?? {});
  return {
    theme: q.theme && themeIds.includes(q.theme) ? q.theme : '',
    level: q.level,
    gapClass: q.class,
    sort: q.sort,
    order: q.order ?? (q.sort === 'score' ? 'desc' : 'asc'),
    page: q.page,
  } as const;
}

export interface GapRow {
  readonly cell: GapCell;
  readonly areaName: string;
  readonly themeName: string;
  readonly nearestName: string | null;
  /** Organisations that work on the theme but list no service (potential provision, never counted). */
  readonly potential: number;
}

/**
 * The class in words, naming potential provision where it made provision thin: "Thin provision: 3 charities or
 * groups work on this but list no service".
 */
export function gapClassText(row: GapRow): string {
  const label = gapClassLabels[row.cell.gapClass];
  return row.cell.gapClass === 'thin-provision' && row.potential > 0
    ? `${label}: ${potentialProvisionText(row.potential)}`
    : label;
}

/** Every cell of a report as a row with names, for tables and exports. */
export function gapRows(report: GapReport): GapRow[] {
  const areaNames = new Map(report.areas.map((a) => [a.code, a.name]));
  const themeNames = new Map(report.input.themes.map((t) => [t.id, t.name]));
  const serviceNames = new Map(report.services.map((s) => [s.id, s.name]));
  return report.analysis.cells.map((cell) => ({
    cell,
    areaName: areaNames.get(cell.areaCode) ?? cell.areaCode,
    themeName: themeNames.get(cell.theme) ?? cell.theme,
    nearestName: cell.nearestServiceId ? (serviceNames.get(cell.nearestServiceId) ?? null) : null,
    potential: report.input.potentialProvision?.get(cell.theme) ?? 0,
  }));
}

export function sortRows(rows: GapRow[], sort: GapSort, order: 'asc' | 'desc'): GapRow[] {
  const byName = (a: GapRow, b: GapRow) => a.areaName.localeCompare(b.areaName);
  const compare: Record<GapSort, (a: GapRow, b: GapRow) => number> = {
    score: (a, b) => a.cell.gapScore - b.cell.gapScore || byName(a, b),
    area: (a, b) => byName(a, b) || a.themeName.localeCompare(b.themeName),
    theme: (a, b) => a.themeName.localeCompare(b.themeName) || b.cell.gapScore - a.cell.gapScore,
  };
  const sorted = [...rows].sort(compare[sort]);
  return order === 'desc' ? sorted.reverse() : sorted;
}

/** The thresholds in use, as sentences. */
export function thresholdRows(t: GapThresholds) {
  return [
    { key: { text: 'High need' }, value: { text: `A need score of ${t.highNeed} or more (out of 100)` } },
    { key: { text: 'Low need' }, value: { text: `A need score below ${t.lowNeed}` } },
    {
      key: { text: 'Little provision' },
      value: { text: `Below ${t.littleProvision} service-equivalents: with high need, an unmet need` },
    },
    {
      key: { text: 'Thin provision' },
      value: { text: `Below ${t.thinProvision} service-equivalents, where need is not low` },
    },
    {
      key: { text: 'Overlap' },
      value: { text: `${t.overlapProvision} service-equivalents or more, where need is low` },
    },
  ];
}
