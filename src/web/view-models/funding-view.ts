import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import type { FundingAgainstNeed } from '../../app/funding/funding-against-need.js';
import type { CurrencyTotal } from '../../app/funding/grants.js';
import { formatMoney, multiplyDecimals, sumDecimals } from '../../domain/funding/decimal.js';
import { fundingFlagLabels, type CurrencyAmounts } from '../../domain/funding/funding-by-area.js';
import { boundaryMap } from '../charts/boundary-map.js';
import { mapLegend } from '../charts/map-legend.js';
import { gapClassLabels } from './gap-view.js';

/** The funding page's query: a theme, a flag to show only, and a dated rate the person supplies. */
export const fundingQuery = z.object({
  theme: z.string().trim().max(60).catch(''),
  show: z.enum(['', 'funded', 'funding-without-provision', 'need-without-funding']).catch(''),
  rateCurrency: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/)
    .transform((c) => c.toUpperCase())
    .or(z.literal(''))
    .catch(''),
  rate: z
    .string()
    .trim()
    .regex(/^\d{1,6}(\.\d{1,8})?$/)
    .or(z.literal(''))
    .catch(''),
  rateDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .or(z.literal(''))
    .catch(''),
});
export type FundingQuery = z.infer<typeof fundingQuery>;

/** "£1,200 and US$50.50": each currency on its own, never added together. */
export function amountsText(amounts: CurrencyAmounts): string {
  const parts = Object.entries(amounts).map(([currency, amount]) => formatMoney(amount, currency));
  return parts.length === 0 ? 'None' : parts.join(' and ');
}

/**
 * Every total in pounds, converting one other currency at the rate the person gave (1 unit = `rate` pounds) on
 * the date they gave; null unless all three are given. Other currencies stay as they are and are listed.
 */
export function convertedTotal(totals: readonly CurrencyTotal[], query: FundingQuery) {
  if (!query.rateCurrency || !query.rate || !query.rateDate || query.rateCurrency === 'GBP') return null;
  const pounds = totals.find((t) => t.currency === 'GBP')?.total ?? '0';
  const other = totals.find((t) => t.currency === query.rateCurrency);
  const converted = other ? multiplyDecimals(other.total, query.rate, 2) : '0';
  const untouched = totals.filter((t) => t.currency !== 'GBP' && t.currency !== query.rateCurrency);
  return {
    text: formatMoney(sumDecimals([pounds, converted]), 'GBP'),
    rateText: `1 ${query.rateCurrency} = £${query.rate} on ${query.rateDate}`,
    convertedText: other
      ? `${formatMoney(other.total, other.currency)} is ${formatMoney(converted, 'GBP')}`
      : '',
    untouched: untouched.map((t) => formatMoney(t.total, t.currency)),
  };
}

/** Light to dark blue for pounds per head, in five bands; wards with no pounds are grey. */
const bandFills = ['#dbe9f5', '#a3c8e8', '#5b95cf', '#1d5aa8', '#0b3d91'] as const;
const noFundingFill = '#f3f2f1';

/** The band edges: equal fifths of the range of pounds per head among funded wards. */
function bands(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const max = Math.max(...values);
  return [1, 2, 3, 4].map((i) => (max * i) / 5);
}

export function fundingMap(view: FundingAgainstNeed): { svg: string; legend: string } {
  const perHead = view.wards.map((w) => (w.poundsPerHead === null ? null : Number(w.poundsPerHead)));
  const edges = bands(perHead.filter((v): v is number => v !== null && v > 0));
  const fillFor = (value: number | null) => {
    if (value === null || value <= 0) return noFundingFill;
    const band = edges.filter((edge) => value > edge).length;
    return bandFills[Math.min(band, bandFills.length - 1)] ?? noFundingFill;
  };
  const parts = view.wards.flatMap((ward, index) =>
    ward.boundary
      ? [
          {
            name: `${ward.name}: ${ward.poundsPerHead === null ? 'no pounds placed here' : `${formatMoney(ward.poundsPerHead, 'GBP')} a head`}${ward.flags ? `, ${ward.flags} flagged` : ''}`,
            boundary: JSON.parse(ward.boundary) as Polygon | MultiPolygon,
            fill: fillFor(perHead[index] ?? null),
          },
        ]
      : [],
  );
  if (parts.length === 0) return { svg: '', legend: '' };
  const svg = boundaryMap({
    id: 'funding-map',
    title: 'Funding in pounds per resident, by ward',
    description:
      'Each ward is shaded by the pounds per resident of grants placed in it; darker is more. The table below gives every figure.',
    outline: view.authority?.boundary
      ? (JSON.parse(view.authority.boundary) as Polygon | MultiPolygon)
      : null,
    parts,
  });
  const money = (n: number) => formatMoney(n.toFixed(2), 'GBP');
  const items = [
    { fill: noFundingFill, label: 'No grants in pounds placed in the ward' },
    ...bandFills.map((fill, i) => ({
      fill,
      label:
        edges.length === 0
          ? ''
          : i === 0
            ? `Up to ${money(edges[0] ?? 0)} a head`
            : i === bandFills.length - 1
              ? `Over ${money(edges[3] ?? 0)} a head`
              : `${money(edges[i - 1] ?? 0)} to ${money(edges[i] ?? 0)} a head`,
    })),
  ].filter((item) => item.label !== '');
  return {
    svg,
    legend: mapLegend('Pounds per resident', items, [
      'Authority-wide grants are not shaded: they are listed under the map.',
    ]),
  };
}

export function fundingRows(view: FundingAgainstNeed, query: FundingQuery) {
  return view.rows
    .filter((row) => !query.theme || row.theme === query.theme)
    .filter((row) => {
      if (query.show === 'funded') return row.grantCount > 0;
      if (query.show) return row.flag === query.show;
      return row.grantCount > 0 || row.flag !== null;
    })
    .map((row) => ({
      areaName: row.areaName,
      areaCode: row.areaCode,
      themeName: row.themeName,
      funding: amountsText(row.amounts),
      grants: row.grantCount,
      perHead: row.poundsPerHead === null ? 'Not known' : formatMoney(row.poundsPerHead, 'GBP'),
      need: row.need === null ? 'No evidence' : (Math.round(row.need * 10) / 10).toFixed(1),
      provision: row.provision.toFixed(2),
      gapClass: gapClassLabels[row.gapClass],
      flag: row.flag ? fundingFlagLabels[row.flag] : '',
      flagClass: row.flag,
    }));
}
