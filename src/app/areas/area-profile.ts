import { aggregateFigures, decileCounts, type AggregationMethod } from '../../domain/areas/aggregate.js';
import { currentLsoaEdition, sameGeography } from '../../domain/areas/editions.js';
import { meanPoint, type LatLng } from '../../domain/areas/representative-point.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import type { AreaRecord, IndicatorDefinition, IndicatorValue } from './area-records.js';

/** One indicator on an area's profile: the area's own figure, or one worked out from its LSOAs. */
export interface IndicatorRow {
  readonly definition: IndicatorDefinition;
  readonly value: number | null;
  /** National rank and decile, published for LSOAs (1 = most deprived). */
  readonly rank: number | null;
  readonly decile: number | null;
  /** For a ward or authority: how its figure was worked out, from how many LSOAs, and their national deciles. */
  readonly aggregation?: {
    readonly method: AggregationMethod;
    readonly lsoas: number;
    /** How many of its LSOAs are in each national decile, 1 first. */
    readonly deciles: readonly number[];
  };
}

export interface AreaProfile {
  readonly area: AreaRecord;
  /** From the authority down to the area's parent. */
  readonly trail: readonly AreaRecord[];
  /** Wards of an authority, LSOAs of a ward. */
  readonly children: readonly AreaRecord[];
  readonly population: { readonly count: number; readonly period: string; readonly summed: boolean } | null;
  /**
   * The point that stands for the area in distance calculations: a point inside an LSOA; for a ward or an
   * authority, the mean of its LSOAs' points, weighted by population when every population is known.
   */
  readonly point: (LatLng & { readonly method: RepresentativeMethod }) | null;
  readonly indicators: readonly IndicatorRow[];
  /** For a ward's LSOAs: each one's national Index of Multiple Deprivation decile (newest edition), by code. */
  readonly childDeciles: Readonly<Record<string, number>>;
  /** The edition those deciles come from, such as "IMD 2025". */
  readonly childDecileEdition: string | null;
}

export type RepresentativeMethod = 'inside the boundary' | 'population-weighted mean' | 'plain mean';

/** A ward's or authority's point from its LSOAs; an LSOA's (or childless area's) own point inside its boundary. */
export function representativePoint(
  area: AreaRecord,
  lsoas: readonly AreaRecord[],
  population: ReadonlyMap<string, { population: number }>,
): (LatLng & { method: RepresentativeMethod }) | null {
  const points = lsoas.flatMap((l) =>
    l.pointLat === null || l.pointLng === null
      ? []
      : [{ lat: l.pointLat, lng: l.pointLng, population: population.get(l.code)?.population ?? null }],
  );
  const mean = area.level === 'lsoa' ? undefined : meanPoint(points);
  if (mean) {
    return {
      ...mean.point,
      method: mean.method === 'population-weighted' ? 'population-weighted mean' : 'plain mean',
    };
  }
  if (area.pointLat === null || area.pointLng === null) return null;
  return { lat: area.pointLat, lng: area.pointLng, method: 'inside the boundary' };
}

export interface PartnershipAreas {
  readonly authority: AreaRecord | undefined;
  readonly wards: readonly AreaRecord[];
}

const newest = (areas: readonly AreaRecord[]) => areas[0];

/** The partnership's own authority and its wards (by name). */
export async function partnershipAreas(
  store: Store,
  partnership: PartnershipRecord,
): Promise<PartnershipAreas> {
  const authority = newest(await store.areas.findByCode(partnership.localAuthorityCode));
  const wards = (await store.areas.children(partnership.localAuthorityCode)).filter(
    (a) => a.level === 'ward',
  );
  return { authority, wards };
}

/** The area with this code, with its trail up to the partnership's authority; undefined when not in it. */
async function areaInPartnership(
  store: Store,
  partnership: PartnershipRecord,
  code: string,
): Promise<{ area: AreaRecord; trail: AreaRecord[] } | undefined> {
  const candidates = await store.areas.findByCode(code.trim().toUpperCase());
  const area =
    candidates.find((a) => a.level !== 'lsoa' || a.edition === currentLsoaEdition) ?? candidates[0];
  if (!area) return undefined;
  const trail: AreaRecord[] = [];
  let current: AreaRecord | undefined = area;
  for (let depth = 0; current && depth < 3; depth += 1) {
    if (current.code === partnership.localAuthorityCode) return { area, trail };
    if (!current.parentCode) return undefined;
    const parent = newest(await store.areas.findByCode(current.parentCode));
    if (parent) trail.unshift(parent);
    current = parent;
  }
  return undefined;
}

/** The LSOAs (2021) inside a ward or an authority. */
async function lsoasUnder(
  store: Store,
  area: AreaRecord,
  children: readonly AreaRecord[],
): Promise<AreaRecord[]> {
  if (area.level === 'lsoa') return [];
  if (area.level === 'ward') return children.filter((c) => c.level === 'lsoa');
  const out: AreaRecord[] = [];
  for (const ward of children) out.push(...(await store.areas.children(ward.code, currentLsoaEdition)));
  return out;
}

function latestByCode(records: readonly { areaCode: string; period: string; population: number }[]) {
  const latest = new Map<string, { period: string; population: number }>();
  for (const r of records) {
    const before = latest.get(r.areaCode);
    if (!before || r.period > before.period) latest.set(r.areaCode, r);
  }
  return latest;
}

/** An area's profile, when it is the partnership's authority, one of its wards or one of their LSOAs. */
export async function areaProfile(
  store: Store,
  partnership: PartnershipRecord,
  code: string,
): Promise<AreaProfile | undefined> {
  const found = await areaInPartnership(store, partnership, code);
  if (!found) return undefined;
  const { area, trail } = found;
  const children =
    area.level === 'authority'
      ? (await store.areas.children(area.code)).filter((a) => a.level === 'ward')
      : area.level === 'ward'
        ? await store.areas.children(area.code, currentLsoaEdition)
        : [];
  const lsoas = await lsoasUnder(store, area, children);
  const codes = [area.code, ...lsoas.map((l) => l.code)];
  const [definitions, values, populations] = await Promise.all([
    store.areas.listIndicators(),
    store.areas.valuesForAreas(codes),
    store.areas.listPopulations(codes),
  ]);
  const population = latestByCode(populations);
  const own = population.get(area.code);
  const lsoaPopulations = lsoas.map((l) => population.get(l.code)?.population ?? null);
  const summed =
    lsoas.length > 0 && lsoaPopulations.every((p) => p !== null)
      ? (lsoaPopulations as number[]).reduce((a, b) => a + b, 0)
      : null;

  const byIndicator = new Map<string, Map<string, IndicatorValue>>();
  for (const value of values) {
    const map = byIndicator.get(value.indicatorKey) ?? new Map<string, IndicatorValue>();
    map.set(value.areaCode, value);
    byIndicator.set(value.indicatorKey, map);
  }
  const indicators: IndicatorRow[] = [];
  for (const definition of definitions) {
    const map = byIndicator.get(definition.key);
    if (!map) continue;
    const direct = map.get(area.code);
    if (direct && sameGeography(definition.geographyEdition, area.edition)) {
      indicators.push({ definition, value: direct.value, rank: direct.rank, decile: direct.decile });
      continue;
    }
    if (area.level === 'lsoa' || definition.geographyEdition !== currentLsoaEdition) continue;
    const rows = lsoas.flatMap((l) => {
      const v = map.get(l.code);
      return v ? [{ value: v, population: population.get(l.code)?.population ?? null }] : [];
    });
    const figures = rows.flatMap((r) =>
      r.value.value === null ? [] : [{ value: r.value.value, population: r.population }],
    );
    const aggregate = aggregateFigures(figures);
    if (rows.length === 0) continue;
    indicators.push({
      definition,
      value: aggregate?.value ?? null,
      rank: null,
      decile: null,
      aggregation: {
        method: aggregate?.method ?? 'plain mean',
        lsoas: rows.length,
        deciles: decileCounts(rows.map((r) => r.value.decile)),
      },
    });
  }
  indicators.sort(
    (a, b) =>
      b.definition.edition.localeCompare(a.definition.edition) ||
      Number(b.definition.key.endsWith('/imd')) - Number(a.definition.key.endsWith('/imd')) ||
      a.definition.name.localeCompare(b.definition.name),
  );
  // The newest overall deprivation index that has figures for these children.
  const overall = definitions
    .filter((d) => d.key.endsWith('/imd') && d.geographyEdition === currentLsoaEdition)
    .sort((a, b) => b.edition.localeCompare(a.edition))
    .find((d) => children.some((child) => byIndicator.get(d.key)?.has(child.code)));
  const childDeciles: Record<string, number> = {};
  if (overall && area.level === 'ward') {
    for (const child of children) {
      const decile = byIndicator.get(overall.key)?.get(child.code)?.decile;
      if (decile) childDeciles[child.code] = decile;
    }
  }
  return {
    area,
    trail,
    children,
    point: representativePoint(area, lsoas, population),
    childDeciles,
    childDecileEdition: Object.keys(childDeciles).length ? (overall?.edition ?? null) : null,
    population: own
      ? { count: own.population, period: own.period, summed: false }
      : summed !== null
        ? {
            count: summed,
            period:
              [...population.values()]
                .map((p) => p.period)
                .sort()
                .at(-1) ?? '',
            summed: true,
          }
        : null,
    indicators,
  };
}
