import type {
  AnalysisArea,
  AnalysisIndicator,
  AnalysisNeed,
  GapSettings,
  NeedExplanation,
  ThemeIndicatorLink,
} from './analysis-types.js';
import { AreaCodes } from './area-query.js';
import { combineNeed, localNeedFrom, recordScore } from './local-need.js';
import { indicatorPercentiles } from './need-ranks.js';

/**
 * The need score of an area for a theme (0–100), from area statistics and local needs records.
 * docs/needs-scoring.md explains every formula here in plain English.
 */

export { decileNeedPercentile } from './national-need.js';

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
