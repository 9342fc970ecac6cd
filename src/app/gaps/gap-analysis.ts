import type { ThemeVocabulary } from '../../domain/directory/themes.js';
import { analyseGaps, explainGap } from '../../domain/needs/analyse.js';
import { reachKmFor } from '../../domain/needs/reach-rule.js';
import type {
  AnalysisNeed,
  GapAnalysis,
  GapAnalysisInput,
  GapExplanation,
} from '../../domain/needs/analysis-types.js';
import { resolveLinks, type IndicatorThemes } from '../../domain/needs/indicator-themes.js';
import type { NeedRecord } from '../../domain/needs/model.js';
import { themeEvidence, type ThemeEvidence } from '../../domain/needs/theme-evidence.js';
import type { AreaRecord } from '../areas/area-records.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import {
  analysisAreas,
  analysisIndicators,
  areasAtLevel,
  keysByDomain,
  loadGeography,
  type GapLevel,
} from './gap-areas.js';
import { readGapSettings, type PartnershipGapSettings } from './gap-settings.js';
import { servicesForThemes, type GapService } from './gap-services.js';

export interface GapDeps {
  readonly store: Store;
  readonly themes: ThemeVocabulary;
  readonly indicatorThemes: IndicatorThemes;
}

/** An analysis with what the pages need beside it: the areas (with boundaries), the services and the records. */
export interface GapReport {
  readonly level: GapLevel;
  readonly input: GapAnalysisInput;
  readonly analysis: GapAnalysis;
  readonly areas: readonly AreaRecord[];
  readonly authority: AreaRecord | undefined;
  readonly services: readonly GapService[];
  readonly needs: readonly NeedRecord[];
  readonly settings: PartnershipGapSettings;
  /** The indicator domains with figures for the partnership's LSOAs: what the theme mapping can use. */
  readonly evidenceDomains: ReadonlySet<string>;
}

/** The theme ids asked for that are in the vocabulary; every theme when none is asked for. */
export function knownThemes(vocabulary: ThemeVocabulary, ids: readonly string[]) {
  const asked = new Set(ids);
  return vocabulary.themes
    .filter((t) => asked.size === 0 || asked.has(t.id))
    .map((t) => ({ id: t.id, name: t.name }));
}

/**
 * Gathers everything the engine needs for a partnership, some themes and one level of areas: the authority's
 * areas with points, populations, rural/urban class and statistics (LSOA figures averaged up, weighted by
 * population), the services for those themes with their located places (never hidden ones), the local needs
 * records and the partnership's settings. Nothing is cached between requests.
 */
export async function assembleGapInput(
  deps: GapDeps,
  partnership: PartnershipRecord,
  themeIds: readonly string[],
  level: GapLevel,
): Promise<Omit<GapReport, 'analysis'>> {
  const { store } = deps;
  const themes = knownThemes(deps.themes, themeIds);
  const ids = themes.map((t) => t.id);
  const [geography, services, allNeeds, settings, organisationCounts] = await Promise.all([
    loadGeography(store, partnership),
    servicesForThemes(store, partnership.id, ids),
    store.needs.listForPartnership(partnership.id),
    readGapSettings(store, partnership.id),
    store.organisationThemes.countsByTheme(partnership.id),
  ]);
  const areas = areasAtLevel(geography, level);
  const chosen = keysByDomain(geography);
  const links = resolveLinks(
    deps.indicatorThemes,
    new Map([...chosen].map(([domain, d]) => [domain, d.key])),
    settings.linkWeights,
    new Set(ids),
  );
  const linked = new Set(links.map((l) => l.indicatorKey));
  const definitions = [...chosen.values()].filter((d) => linked.has(d.key));
  const needs = allNeeds.filter((n) => ids.includes(n.theme));
  const analysisNeeds: AnalysisNeed[] = needs.map((n) => ({
    id: n.id,
    areaCode: n.areaCode,
    theme: n.theme,
    severity: n.severity,
    peopleAffected: n.peopleAffected,
    reportedOn: n.reportedOn,
    source: n.source,
  }));
  const withBoundaries = services.some((s) => s.polygons.length > 0);
  const input: GapAnalysisInput = {
    areas: analysisAreas(geography, areas, withBoundaries),
    themes,
    indicators: analysisIndicators(geography, definitions, areas),
    links,
    needs: analysisNeeds,
    services,
    // Organisations' themes (confirmed or suggested from their own words): a theme with organisations but no
    // service is not "no provision data", and those listing no service are potential provision.
    themesWithOrganisations: new Set(organisationCounts.map((c) => c.themeId)),
    potentialProvision: new Map(
      organisationCounts.filter((c) => c.withoutServices > 0).map((c) => [c.themeId, c.withoutServices]),
    ),
    settings: settings.settings,
  };
  return {
    level,
    input,
    areas,
    authority: geography.authority,
    services,
    needs,
    settings,
    evidenceDomains: new Set(chosen.keys()),
  };
}

export async function gapReport(
  deps: GapDeps,
  partnership: PartnershipRecord,
  themeIds: readonly string[],
  level: GapLevel,
): Promise<GapReport> {
  const assembled = await assembleGapInput(deps, partnership, themeIds, level);
  return { ...assembled, analysis: analyseGaps(assembled.input) };
}

export interface GapExplanationView {
  readonly report: Omit<GapReport, 'analysis'>;
  readonly area: AreaRecord;
  readonly theme: { readonly id: string; readonly name: string };
  readonly explanation: GapExplanation;
  /** The theme's statistics in use here, and those it lacks with the public data set that would fill each. */
  readonly evidence: ThemeEvidence;
}

/** Why one of the partnership's areas has its class for one theme; undefined when the area or theme is not its. */
export async function gapExplanation(
  deps: GapDeps,
  partnership: PartnershipRecord,
  areaCode: string,
  themeId: string,
): Promise<GapExplanationView | undefined> {
  const theme = deps.themes.themes.find((t) => t.id === themeId);
  if (!theme) return undefined;
  const code = areaCode.trim().toUpperCase();
  const found = (await deps.store.areas.findByCode(code))[0];
  if (!found) return undefined;
  const report = await assembleGapInput(deps, partnership, [theme.id], found.level);
  const area = report.areas.find((a) => a.code === code);
  if (!area) return undefined;
  const explanation = explainGap(report.input, code, theme.id);
  const evidence = themeEvidence(
    deps.indicatorThemes,
    theme.id,
    report.evidenceDomains,
    report.settings.linkWeights,
  );
  return explanation
    ? { report, area, theme: { id: theme.id, name: theme.name }, explanation, evidence }
    : undefined;
}

/** One area's need and gap for every theme, and the local needs records made for it. */
export async function areaGaps(deps: GapDeps, partnership: PartnershipRecord, area: AreaRecord) {
  const report = await gapReport(deps, partnership, [], area.level);
  const names = new Map(report.input.themes.map((t) => [t.id, t.name]));
  const serviceNames = new Map(report.services.map((s) => [s.id, s.name]));
  const analysed = report.input.areas.find((a) => a.code === area.code);
  return {
    /** The reach rule for this area's class (km), and its class. */
    reachKm: reachKmFor(report.input.settings.reachKm, analysed?.ruralUrban),
    reachClass: analysed?.ruralUrban ?? null,
    cells: report.analysis.cells
      .filter((c) => c.areaCode === area.code)
      .map((cell) => ({
        cell,
        themeName: names.get(cell.theme) ?? cell.theme,
        nearestName: cell.nearestServiceId ? (serviceNames.get(cell.nearestServiceId) ?? null) : null,
      })),
    needs: report.needs
      .filter((n) => n.areaCode === area.code)
      .map((need) => ({ need, themeName: names.get(need.theme) ?? need.theme })),
  };
}
