import type {
  AnalysisArea,
  GapAnalysis,
  GapAnalysisInput,
  GapExplanation,
  GapSettings,
} from './analysis-types.js';
import { analysedAreas, type AreaQuery } from './area-query.js';
import { GapCellColumns } from './gap-cell-columns.js';
import { classifyGap, classReason, gapScore } from './gap-class.js';
import { localRanks } from './need-ranks.js';
import { needScorer } from './need-score.js';
import { defaultReachRule, reachKmFor } from './reach-rule.js';
import { servicesByTheme, ThemeServices } from './theme-services.js';

/**
 * The gap analysis: need against provision for every area and theme. Pure: the app layer loads the inputs.
 * docs/needs-scoring.md explains every formula, default and threshold.
 */

/** The settings a partnership starts with. */
export const defaultGapSettings: GapSettings = {
  weights: { statistics: 0.6, localRecords: 0.4 },
  reachKm: defaultReachRule,
  thresholds: {
    highNeed: 60,
    lowNeed: 30,
    littleProvision: 0.5,
    thinProvision: 1.5,
    overlapProvision: 3,
  },
};

/** How far a service reaches for an area: the reach rule for its class, urban when not known. */
export function reachFor(area: AnalysisArea, settings: GapSettings): number {
  return reachKmFor(settings.reachKm, area.ruralUrban);
}

/** The themes anything in the partnership is recorded for: a service (open or not) or an organisation. */
export function themesWithProvisionData(input: GapAnalysisInput): Set<string> {
  const themes = new Set(input.themesWithOrganisations ?? []);
  for (const service of input.services) for (const theme of service.themes) themes.add(theme);
  return themes;
}

function scorerFor(input: GapAnalysisInput) {
  return needScorer(input.areas, input.indicators, input.links, input.needs, input.settings.weights);
}

/** The analysis with its cells kept in columns; `cells` builds the objects on first read. */
export interface ColumnarGapAnalysis extends GapAnalysis {
  readonly columns: GapCellColumns;
}

/** Need against provision for every area and theme, area by area, themes in the order given. */
export function analyseGaps(input: GapAnalysisInput): ColumnarGapAnalysis {
  const { areas, themes, settings } = input;
  const scorer = scorerFor(input);
  const analysed = analysedAreas(areas, (area) => reachFor(area, settings));
  const columns = new GapCellColumns(
    areas.map((area) => area.code),
    themes.map((theme) => theme.id),
  );
  const byTheme = servicesByTheme(input.services);
  // Each theme's scores in typed arrays (NaN for none) rather than an object per area.
  const needs = new Float64Array(areas.length);
  const statistics = new Float64Array(areas.length);
  const locals = new Float64Array(areas.length);
  const orNull = (value: number) => (Number.isNaN(value) ? null : value);
  const recorded = themesWithProvisionData(input);
  themes.forEach((theme, t) => {
    const provider = new ThemeServices(byTheme.get(theme.id) ?? [], analysed);
    const known = recorded.has(theme.id);
    const potential = input.potentialProvision?.get(theme.id) ?? 0;
    for (let a = 0; a < areas.length; a += 1) {
      const score = scorer.score(a, theme.id);
      needs[a] = score.need ?? Number.NaN;
      statistics[a] = score.statisticsNeed ?? Number.NaN;
      locals[a] = score.localNeed ?? Number.NaN;
    }
    const { ranks, outOf } = localRanks(needs);
    columns.setRankedAreas(t, outOf);
    analysed.queries.forEach((query, a) => {
      const { provision, serviceCount, nearestKm, nearestServiceId } = provider.at(query);
      const need = orNull(needs[a] as number);
      columns.set(a, t, {
        need,
        statisticsNeed: orNull(statistics[a] as number),
        localNeed: orNull(locals[a] as number),
        localRank: ranks[a] as number,
        provision,
        serviceCount,
        gapClass: classifyGap(need, provision, settings.thresholds, known, potential),
        gapScore: gapScore(need, provision, known),
        nearestKm,
        nearestServiceId,
      });
    });
  });
  return {
    columns,
    get cells() {
      return columns.cells();
    },
    settings,
  };
}

/**
 * Why one area and theme has its class: every need input with its weight, and every contributing service with
 * its factors (the contributions add up to the cell's provision). Undefined when the area or theme is unknown.
 */
export function explainGap(
  input: GapAnalysisInput,
  areaCode: string,
  theme: string,
): GapExplanation | undefined {
  const { settings } = input;
  const a = input.areas.findIndex((area) => area.code === areaCode);
  const area = input.areas[a];
  if (!area || !input.themes.some((t) => t.id === theme)) return undefined;
  const reachKm = reachFor(area, settings);
  const analysed = analysedAreas([area], () => reachKm);
  const query = analysed.queries[0] as AreaQuery;
  const provider = new ThemeServices(servicesByTheme(input.services).get(theme) ?? [], analysed);
  const contributions = provider.contributions(query);
  const { provision, serviceCount, nearestKm, nearestServiceId } = provider.at(query);
  const scorer = scorerFor(input);
  const need = scorer.explain(a, theme);
  const { ranks, outOf } = localRanks(input.areas.map((_, i) => scorer.score(i, theme).need ?? Number.NaN));
  const known = themesWithProvisionData(input).has(theme);
  const potential = input.potentialProvision?.get(theme) ?? 0;
  return {
    cell: {
      areaCode,
      theme,
      need: need.need,
      statisticsNeed: need.statisticsNeed,
      localNeed: need.localNeed,
      localRank: ranks[a] || null,
      localRankOutOf: outOf,
      provision,
      serviceCount,
      gapClass: classifyGap(need.need, provision, settings.thresholds, known, potential),
      gapScore: gapScore(need.need, provision, known),
      nearestKm,
      nearestServiceId,
    },
    need,
    contributions: [...contributions].sort((x, y) => y.contribution - x.contribution),
    reachKm,
    thresholds: settings.thresholds,
    classReason: classReason(need.need, provision, settings.thresholds, known, potential),
  };
}
