import type {
  AnalysisArea,
  AnalysisIndicator,
  AnalysisNeed,
  GapSettings,
  NeedExplanation,
  ThemeIndicatorLink,
} from './analysis-types.js';
import { AreaCodes } from './area-query.js';
import { nationalNeedPercentile } from './national-need.js';

/**
 * The need score of an area for a theme (0–100), from area statistics and local needs records.
 * docs/needs-scoring.md explains every formula here in plain English.
 */

export { decileNeedPercentile } from './national-need.js';

/**
 * Need percentiles (0–100) of every area on one indicator, by area index, and whether each places the area in
 * England; NaN where the area has no value. England wins: a given national percentile (a ward's, weighted from
 * its LSOAs), else the national rank or decile. Only a statistic with no national position falls back to the
 * area's place among the analysed areas that have a value: the share of the others with less need, counting
 * ties as half (so the most in need is 100, the least 0, a lone area 50).
 */
export function indicatorPercentiles(
  areas: readonly AnalysisArea[],
  indicator: AnalysisIndicator,
): { percentiles: Float64Array; local: Uint8Array } {
  const percentiles = new Float64Array(areas.length).fill(Number.NaN);
  const local = new Uint8Array(areas.length);
  const ranked: { index: number; need: number }[] = [];
  const rankedAreas = indicator.rankedAreas ?? null;
  areas.forEach((area, index) => {
    const value = indicator.values.get(area.code);
    if (!value) return;
    const national =
      value.nationalPercentile ?? nationalNeedPercentile(value.rank, value.decile, rankedAreas);
    if (national !== null && Number.isFinite(national)) {
      percentiles[index] = national;
    } else if (value.value !== null && Number.isFinite(value.value)) {
      ranked.push({ index, need: indicator.higherIsMoreNeed ? value.value : -value.value });
      local[index] = 1;
    }
  });
  const count = ranked.length;
  ranked.sort((a, b) => a.need - b.need);
  let start = 0;
  while (start < count) {
    const need = ranked[start]?.need;
    let end = start;
    while (end + 1 < count && ranked[end + 1]?.need === need) end += 1;
    // `start` areas have less need; the others in the tie count as half.
    const percentile = count === 1 ? 50 : ((start + (end - start) / 2) / (count - 1)) * 100;
    for (let i = start; i <= end; i += 1) percentiles[ranked[i]?.index ?? 0] = percentile;
    start = end + 1;
  }
  return { percentiles, local };
}

/**
 * Each area's place by need (1 = most; ties share the better place) among the areas with a score, by area
 * index; 0 where the area has none. Also how many areas have a score.
 */
export function localRanks(needs: ArrayLike<number>): { ranks: Int32Array; outOf: number } {
  const ranks = new Int32Array(needs.length);
  // Negated, so the typed array's own (numeric, fast) ascending sort puts the most need first.
  const negated = new Float64Array(needs.length);
  let outOf = 0;
  for (let i = 0; i < needs.length; i += 1) {
    const need = needs[i] as number;
    if (Number.isFinite(need)) negated[outOf++] = -need;
  }
  const sorted = negated.subarray(0, outOf).sort();
  for (let i = 0; i < needs.length; i += 1) {
    const need = needs[i] as number;
    if (!Number.isFinite(need)) continue;
    // 1 + how many areas have strictly more need, so equal needs share a place (1, 2, 2, 4).
    let low = 0;
    let high = outOf;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) < -need) low = middle + 1;
      else high = middle;
    }
    ranks[i] = low + 1;
  }
  return { ranks, outOf };
}

/** Points for a record's severity: 20 for low up to 80 for severe. */
export const severityPoints = 20;
/** Up to this many points more for the share of people affected. */
export const shareMaxPoints = 20;
/** The share of the population affected that earns the full share points (one in ten). */
export const fullShare = 0.1;
/** Each further record for the same area and theme adds this many points (corroboration). */
export const furtherRecordPoints = 5;

/** A record's score: severity × 20, plus up to 20 for the share of people affected (full at 10%). */
export function recordScore(
  severity: number,
  peopleAffected: number | null,
  population: number | null,
): number {
  const base = severityPoints * severity;
  if (peopleAffected === null || population === null || population <= 0 || peopleAffected <= 0) return base;
  return base + Math.min(shareMaxPoints, (shareMaxPoints * (peopleAffected / population)) / fullShare);
}

/** Local need: the strongest record's score, plus 5 for each further record, at most 100; null with none. */
export function localNeedFrom(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return Math.min(100, Math.max(...scores) + furtherRecordPoints * (scores.length - 1));
}

/** Weighted mean of the parts that exist and have a positive weight; null when there are none. */
export function combineNeed(
  statisticsNeed: number | null,
  localNeed: number | null,
  weights: GapSettings['weights'],
): number | null {
  const ws = statisticsNeed === null ? 0 : Math.max(0, weights.statistics);
  const wl = localNeed === null ? 0 : Math.max(0, weights.localRecords);
  if (ws + wl === 0) return null;
  return ((statisticsNeed ?? 0) * ws + (localNeed ?? 0) * wl) / (ws + wl);
}

export interface NeedScore {
  readonly need: number | null;
  readonly statisticsNeed: number | null;
  readonly localNeed: number | null;
}

/** Scores need for any analysed area (by its index in the input) and theme; indexes are built once per run. */
export interface NeedScorer {
  score(areaIndex: number, theme: string): NeedScore;
  explain(areaIndex: number, theme: string): NeedExplanation;
}

interface ThemeLink {
  readonly link: ThemeIndicatorLink;
  readonly indicator: AnalysisIndicator;
  readonly percentiles: Float64Array;
  /** 1 where the percentile is only the area's place among the analysed areas. */
  readonly local: Uint8Array;
}

type StatisticRow = NeedExplanation['statistics'][number];
type RecordRow = NeedExplanation['records'][number];

export function needScorer(
  areas: readonly AnalysisArea[],
  indicators: readonly AnalysisIndicator[],
  links: readonly ThemeIndicatorLink[],
  needs: readonly AnalysisNeed[],
  weights: GapSettings['weights'],
): NeedScorer {
  return new NeedScores(areas, indicators, links, needs, weights);
}

/** A class rather than closures so the engine optimises its hot methods once for every run. */
class NeedScores implements NeedScorer {
  private readonly linksByTheme: Map<string, ThemeLink[]>;
  private readonly codes: AreaCodes;
  /** Each area's code ids: its own, then its ancestors', then its descendants'. */
  private readonly areaCodeIds: Int32Array[];
  /** Records by theme, then by code id. */
  private readonly recordsByTheme = new Map<string, (AnalysisNeed[] | undefined)[]>();
  private readonly populationOf: (code: string) => number | null;

  constructor(
    private readonly areas: readonly AnalysisArea[],
    indicators: readonly AnalysisIndicator[],
    links: readonly ThemeIndicatorLink[],
    needs: readonly AnalysisNeed[],
    private readonly weights: GapSettings['weights'],
  ) {
    this.linksByTheme = themeLinks(areas, indicators, links);
    this.codes = new AreaCodes(areas);
    this.areaCodeIds = areas.map((area) => this.codes.idsFor(area));
    for (const need of needs) {
      // A record for an area that is not analysed, nor contains nor is inside one, applies to none.
      const id = this.codes.idOf(need.areaCode);
      if (id === undefined) continue;
      let byCodeId = this.recordsByTheme.get(need.theme);
      if (!byCodeId) this.recordsByTheme.set(need.theme, (byCodeId = []));
      (byCodeId[id] ??= []).push(need);
    }
    this.populationOf = populationLookup(areas);
  }

  score(areaIndex: number, theme: string): NeedScore {
    const statisticsNeed = this.statistics(areaIndex, theme);
    const localNeed = this.records(areaIndex, theme);
    return { statisticsNeed, localNeed, need: combineNeed(statisticsNeed, localNeed, this.weights) };
  }

  explain(areaIndex: number, theme: string): NeedExplanation {
    const statisticRows: StatisticRow[] = [];
    const recordRows: RecordRow[] = [];
    const statisticsNeed = this.statistics(areaIndex, theme, statisticRows);
    const localNeed = this.records(areaIndex, theme, recordRows);
    return {
      statistics: statisticRows,
      statisticsNeed,
      records: recordRows,
      localNeed,
      weights: this.weights,
      need: combineNeed(statisticsNeed, localNeed, this.weights),
    };
  }

  /** The weighted mean of the linked indicators' need percentiles; rows are filled in when given. */
  private statistics(areaIndex: number, theme: string, rows?: StatisticRow[]): number | null {
    let total = 0;
    let weightSum = 0;
    for (const { link, indicator, percentiles, local } of this.linksByTheme.get(theme) ?? noLinks) {
      const percentile = percentiles[areaIndex] ?? Number.NaN;
      if (Number.isNaN(percentile)) continue;
      total += percentile * link.weight;
      weightSum += link.weight;
      if (rows) {
        const value = indicator.values.get(this.areas[areaIndex]?.code ?? '');
        rows.push({
          indicatorKey: indicator.key,
          name: indicator.name,
          edition: indicator.edition,
          value: value?.value ?? null,
          decile: value?.decile ?? null,
          needPercentile: percentile,
          against: local[areaIndex] === 1 ? 'local' : 'england',
          weight: link.weight,
        });
      }
    }
    return weightSum > 0 ? total / weightSum : null;
  }

  /** Local need from the records for the area, its ancestors and its descendants; rows are filled in when given. */
  private records(areaIndex: number, theme: string, rows?: RecordRow[]): number | null {
    const byCodeId = this.recordsByTheme.get(theme);
    const area = this.areas[areaIndex];
    const ids = this.areaCodeIds[areaIndex];
    if (!byCodeId || !area || !ids || !anyRecord(byCodeId, ids)) return null;
    const scores: number[] = [];
    ids.forEach((id, i) => {
      const records = byCodeId[id];
      if (!records) return;
      // Own records and records for an area inside this one count against this area's population; a record for
      // a containing area counts its people as a share of that area's population.
      const isAncestor = i >= 1 && i <= area.ancestorCodes.length;
      for (const record of records) {
        const population = isAncestor ? this.populationOf(record.areaCode) : area.population;
        const score = recordScore(record.severity, record.peopleAffected, population);
        scores.push(score);
        rows?.push({
          needId: record.id,
          areaCode: record.areaCode,
          severity: record.severity,
          peopleAffected: record.peopleAffected,
          score,
        });
      }
    });
    return localNeedFrom(scores);
  }
}

/** Whether there is a record for any of the codes (a loop: this runs for every area and theme). */
function anyRecord(byCodeId: readonly (AnalysisNeed[] | undefined)[], ids: Int32Array): boolean {
  for (let i = 0; i < ids.length; i += 1) if (byCodeId[ids[i] as number] !== undefined) return true;
  return false;
}

const noLinks: readonly ThemeLink[] = [];

/** The links of each theme with a positive weight and a known indicator, with that indicator's percentiles. */
function themeLinks(
  areas: readonly AnalysisArea[],
  indicators: readonly AnalysisIndicator[],
  links: readonly ThemeIndicatorLink[],
): Map<string, ThemeLink[]> {
  const indicatorByKey = new Map(indicators.map((i) => [i.key, i]));
  const percentilesByKey = new Map<string, ReturnType<typeof indicatorPercentiles>>();
  const byTheme = new Map<string, ThemeLink[]>();
  for (const link of links) {
    const indicator = indicatorByKey.get(link.indicatorKey);
    if (!indicator || !(link.weight > 0)) continue;
    let percentiles = percentilesByKey.get(indicator.key);
    if (!percentiles) {
      percentiles = indicatorPercentiles(areas, indicator);
      percentilesByKey.set(indicator.key, percentiles);
    }
    byTheme.set(link.theme, [...(byTheme.get(link.theme) ?? []), { link, indicator, ...percentiles }]);
  }
  return byTheme;
}

/**
 * The population of an analysed area, or of an area containing analysed areas (the sum of theirs, when every one
 * is known). Null when not known.
 */
function populationLookup(areas: readonly AnalysisArea[]): (code: string) => number | null {
  const known = new Map<string, number | null>();
  const summed = new Map<string, number | null>();
  for (const area of areas) {
    known.set(area.code, area.population);
    for (const code of area.ancestorCodes) {
      const sofar = summed.get(code);
      const add = area.population;
      summed.set(code, sofar === null || add === null ? null : (sofar ?? 0) + add);
    }
  }
  return (code) => {
    const own = known.get(code);
    if (own !== undefined) return own;
    return summed.get(code) ?? null;
  };
}
