import { reachClassOf } from '../../domain/needs/reach-rule.js';
import { aggregateFigures } from '../../domain/areas/aggregate.js';
import { currentLsoaEdition } from '../../domain/areas/editions.js';
import type {
  AnalysisArea,
  AnalysisIndicator,
  AnalysisIndicatorValue,
  RuralUrban,
} from '../../domain/needs/analysis-types.js';
import { domainOf } from '../../domain/needs/indicator-themes.js';
import {
  englandLsoaCount,
  nationalNeedPercentile,
  populationWeightedPercentile,
} from '../../domain/needs/national-need.js';
import { representativePoint } from '../areas/area-profile.js';
import type { AreaRecord, IndicatorDefinition, IndicatorValue } from '../areas/area-records.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';

export const gapLevels = ['lsoa', 'ward', 'authority'] as const;
export type GapLevel = (typeof gapLevels)[number];

/** The indicator that says whether an LSOA is rural (1) or urban (0): the 2021 Rural-Urban Classification. */
export const ruralUrbanKey = 'ruc-2021';

/** The partnership's authority, its wards and their LSOAs (2021), with populations and statistics. */
export interface PartnershipGeography {
  readonly authority: AreaRecord | undefined;
  readonly wards: readonly AreaRecord[];
  readonly lsoasByWard: ReadonlyMap<string, readonly AreaRecord[]>;
  readonly population: ReadonlyMap<string, { population: number }>;
  readonly definitions: readonly IndicatorDefinition[];
  /** LSOA values by indicator key, then area code. */
  readonly values: ReadonlyMap<string, ReadonlyMap<string, IndicatorValue>>;
}

export async function loadGeography(
  store: Store,
  partnership: PartnershipRecord,
): Promise<PartnershipGeography> {
  const authority = (await store.areas.findByCode(partnership.localAuthorityCode))[0];
  const wards = authority
    ? (await store.areas.children(authority.code)).filter((a) => a.level === 'ward')
    : [];
  const lsoasByWard = new Map<string, AreaRecord[]>();
  for (const ward of wards)
    lsoasByWard.set(
      ward.code,
      (await store.areas.children(ward.code, currentLsoaEdition)).filter((a) => a.level === 'lsoa'),
    );
  const lsoaCodes = [...lsoasByWard.values()].flat().map((l) => l.code);
  const codes = [...(authority ? [authority.code] : []), ...wards.map((w) => w.code), ...lsoaCodes];
  const [definitions, values, populations] = await Promise.all([
    store.areas.listIndicators(),
    store.areas.valuesForAreas(lsoaCodes),
    store.areas.listPopulations(codes),
  ]);
  const population = new Map<string, { period: string; population: number }>();
  for (const p of populations) {
    const before = population.get(p.areaCode);
    if (!before || p.period > before.period) population.set(p.areaCode, p);
  }
  const byKey = new Map<string, Map<string, IndicatorValue>>();
  for (const v of values) {
    const map = byKey.get(v.indicatorKey) ?? new Map<string, IndicatorValue>();
    map.set(v.areaCode, v);
    byKey.set(v.indicatorKey, map);
  }
  return {
    authority,
    wards,
    lsoasByWard,
    population,
    definitions: definitions.filter((d) => d.geographyEdition === currentLsoaEdition),
    values: byKey,
  };
}

/**
 * The domains an indicator key can be linked by: the part after the edition (`income` in `imd-2025/income`), and
 * for an imported indicator, keyed by its name then its edition, its name (`unpaid-care` in `unpaid-care/2021`).
 */
function domainsOf(key: string): string[] {
  const slash = key.indexOf('/');
  return slash < 0 ? [key] : [domainOf(key), key.slice(0, slash)];
}

/**
 * For each indicator domain, the one key in use: of the LSOA (2021) indicators with figures here, the one with
 * the most figures, then the newest edition. Editions are never mixed.
 */
export function keysByDomain(geography: PartnershipGeography): Map<string, IndicatorDefinition> {
  const chosen = new Map<string, IndicatorDefinition>();
  const count = (d: IndicatorDefinition) => geography.values.get(d.key)?.size ?? 0;
  for (const definition of geography.definitions) {
    if (count(definition) === 0 || definition.key === ruralUrbanKey) continue;
    for (const domain of domainsOf(definition.key)) {
      const before = chosen.get(domain);
      if (
        !before ||
        count(definition) > count(before) ||
        (count(definition) === count(before) && definition.edition > before.edition)
      )
        chosen.set(domain, definition);
    }
  }
  return chosen;
}

/** The LSOAs inside an area of any level. */
function lsoasOf(geography: PartnershipGeography, area: AreaRecord): AreaRecord[] {
  if (area.level === 'lsoa') return [area];
  if (area.level === 'ward') return [...(geography.lsoasByWard.get(area.code) ?? [])];
  return [...geography.lsoasByWard.values()].flat();
}

/** The areas of one level, as records (with boundaries). */
export function areasAtLevel(geography: PartnershipGeography, level: GapLevel): AreaRecord[] {
  if (level === 'authority') return geography.authority ? [geography.authority] : [];
  if (level === 'ward') return [...geography.wards];
  return geography.wards.flatMap((w) => geography.lsoasByWard.get(w.code) ?? []);
}

/**
 * One indicator's value for an area: its own for an LSOA; above, the population-weighted mean of its LSOAs'
 * values, and of their need percentiles against England (so a ward is placed in the country, not re-ranked).
 */
function valueFor(
  geography: PartnershipGeography,
  key: string,
  area: AreaRecord,
  rankedAreas: number | null = null,
): AnalysisIndicatorValue | undefined {
  const values = geography.values.get(key);
  if (!values) return undefined;
  if (area.level === 'lsoa') {
    const own = values.get(area.code);
    return own ? { value: own.value, rank: own.rank, decile: own.decile } : undefined;
  }
  const lsoas = lsoasOf(geography, area);
  const populationOf = (code: string) => geography.population.get(code)?.population ?? null;
  const aggregate = aggregateFigures(
    lsoas.flatMap((l) => {
      const v = values.get(l.code)?.value;
      return v === null || v === undefined ? [] : [{ value: v, population: populationOf(l.code) }];
    }),
  );
  const nationalPercentile = populationWeightedPercentile(
    lsoas.flatMap((l) => {
      const v = values.get(l.code);
      const percentile = v ? nationalNeedPercentile(v.rank, v.decile, rankedAreas) : null;
      return percentile === null ? [] : [{ percentile, population: populationOf(l.code) }];
    }),
  );
  if (!aggregate && nationalPercentile === null) return undefined;
  return { value: aggregate?.value ?? null, rank: null, decile: null, nationalPercentile };
}

export function analysisIndicators(
  geography: PartnershipGeography,
  definitions: readonly IndicatorDefinition[],
  areas: readonly AreaRecord[],
): AnalysisIndicator[] {
  return definitions.map((d) => {
    const rankedAreas = englandLsoaCount[d.geographyEdition] ?? null;
    const values = new Map<string, AnalysisIndicatorValue>();
    for (const area of areas) {
      const value = valueFor(geography, d.key, area, rankedAreas);
      if (value) values.set(area.code, value);
    }
    return {
      key: d.key,
      name: d.name,
      edition: d.edition,
      higherIsMoreNeed: d.higherIsMoreNeed,
      rankedAreas,
      values,
    };
  });
}

function ruralUrban(geography: PartnershipGeography, area: AreaRecord): RuralUrban | null {
  return reachClassOf(valueFor(geography, ruralUrbanKey, area)?.value);
}

function boundsCentre(area: AreaRecord) {
  if (!area.bounds) return null;
  const [west, south, east, north] = area.bounds;
  return { lat: (south + north) / 2, lng: (west + east) / 2 };
}

/** The areas of a level as the engine sees them; areas with no point at all are left out. */
export function analysisAreas(
  geography: PartnershipGeography,
  areas: readonly AreaRecord[],
  withBoundaries: boolean,
): AnalysisArea[] {
  const authorityCode = geography.authority?.code;
  const wardOf = new Map<string, string>();
  for (const [wardCode, lsoas] of geography.lsoasByWard) for (const l of lsoas) wardOf.set(l.code, wardCode);
  return areas.flatMap((area) => {
    const lsoas = area.level === 'lsoa' ? [] : lsoasOf(geography, area);
    const point = representativePoint(area, lsoas, geography.population) ?? boundsCentre(area);
    if (!point) return [];
    const ownPopulation = geography.population.get(area.code)?.population;
    const lsoaPopulations = lsoas.map((l) => geography.population.get(l.code)?.population ?? null);
    const summed =
      lsoas.length > 0 && lsoaPopulations.every((p) => p !== null)
        ? lsoaPopulations.reduce<number>((a, b) => a + (b ?? 0), 0)
        : null;
    const ancestors =
      area.level === 'lsoa'
        ? [wardOf.get(area.code), authorityCode]
        : area.level === 'ward'
          ? [authorityCode]
          : [];
    const descendants =
      area.level === 'authority'
        ? [...geography.wards.map((w) => w.code), ...lsoas.map((l) => l.code)]
        : lsoas.map((l) => l.code);
    return [
      {
        code: area.code,
        name: area.name,
        level: area.level,
        point: { lat: point.lat, lng: point.lng },
        population: ownPopulation ?? summed,
        ruralUrban: ruralUrban(geography, area),
        ancestorCodes: ancestors.filter((c): c is string => Boolean(c)),
        descendantCodes: descendants,
        ...(withBoundaries && area.boundary ? { boundary: JSON.parse(area.boundary) as unknown } : {}),
      },
    ];
  });
}
