import type { AreaLevel } from '../areas/gss-code.js';
import type { NeedSeverity } from './model.js';
import type { ReachClass, ReachRule } from './reach-rule.js';

/**
 * The inputs and outputs of the gap analysis: need against provision for every area and theme. The engine is
 * pure and level-agnostic: the app layer hands it areas of one level with their indicator values already at that
 * level (LSOA figures aggregated to wards and the authority, population-weighted where population is known).
 */

export interface AnalysisPoint {
  readonly lat: number;
  readonly lng: number;
}

/** Urban, town (larger rural) or rural (smaller rural), from the 2021 Rural-Urban Classification. */
export type RuralUrban = ReachClass;

export interface AnalysisArea {
  readonly code: string;
  readonly name: string;
  readonly level: AreaLevel;
  /** The representative point: point on surface for an LSOA, population-weighted mean of LSOA points above. */
  readonly point: AnalysisPoint;
  readonly population: number | null;
  /** Its class for the reach rule (2021 Rural-Urban Classification), or null when not known (treated as urban). */
  readonly ruralUrban: RuralUrban | null;
  /** Codes of the areas that contain this one (its ward, its authority). */
  readonly ancestorCodes: readonly string[];
  /** Codes of the areas inside this one (a ward's LSOAs; an authority's wards and LSOAs). */
  readonly descendantCodes: readonly string[];
  /** The boundary (GeoJSON Polygon or MultiPolygon), when polygons must be tested; null otherwise. */
  readonly boundary?: unknown;
}

/** An indicator's value for one area. `decile` 1 is the most deprived tenth nationally. */
export interface AnalysisIndicatorValue {
  readonly value: number | null;
  readonly rank: number | null;
  readonly decile: number | null;
  /**
   * 0–100: the area's need against England. For a ward or authority, the population-weighted mean of its LSOAs'
   * percentiles; for an LSOA it is worked out from its national rank or decile when not given.
   */
  readonly nationalPercentile?: number | null;
}

export interface AnalysisIndicator {
  readonly key: string;
  readonly name: string;
  readonly edition: string;
  readonly higherIsMoreNeed: boolean;
  /** How many areas the national ranks run to (England's LSOAs), when known. */
  readonly rankedAreas?: number | null;
  /** Values by area code. */
  readonly values: ReadonlyMap<string, AnalysisIndicatorValue>;
}

/** One row of the editable mapping from statistics to themes: this indicator counts towards this theme. */
export interface ThemeIndicatorLink {
  readonly theme: string;
  readonly indicatorKey: string;
  readonly weight: number;
}

/** A local needs record as the analysis sees it (no free text). */
export interface AnalysisNeed {
  readonly id: string;
  readonly areaCode: string;
  readonly theme: string;
  readonly severity: NeedSeverity;
  readonly peopleAffected: number | null;
  readonly reportedOn: string;
  readonly source: string;
}

export interface AnalysisService {
  readonly id: string;
  readonly name: string;
  readonly organisationName: string | null;
  readonly themes: readonly string[];
  /** Only open services (status active) provide; others are listed as left out. */
  readonly open: boolean;
  /** Points of its located places (public and area-only; hidden places are never passed in). */
  readonly points: readonly AnalysisPoint[];
  /** ONS codes of the areas it covers. */
  readonly areaCodes: readonly string[];
  /** Service-area polygons (GeoJSON Polygon or MultiPolygon). */
  readonly polygons: readonly unknown[];
  /** People it can help per week, when known. */
  readonly capacityPerWeek: number | null;
  /** Hours open per week from its weekly schedule, when known. */
  readonly hoursPerWeek: number | null;
}

export interface GapSettings {
  /** How much the area statistics and the local needs records count in the need score (any non-negative numbers). */
  readonly weights: { readonly statistics: number; readonly localRecords: number };
  /** The partnership's reach rule (km by rural-urban class): a service's contribution decays to 0 at the reach. */
  readonly reachKm: ReachRule;
  readonly thresholds: GapThresholds;
}

/** Need scores are 0–100; provision is in service-equivalents (one full-time, average-capacity service on the spot is 1). */
export interface GapThresholds {
  /** Need at or above this is high. */
  readonly highNeed: number;
  /** Need below this is low. */
  readonly lowNeed: number;
  /** Provision below this is little (with high need: unmet need). */
  readonly littleProvision: number;
  /** Provision below this is thin (with need that is not low: thin provision). */
  readonly thinProvision: number;
  /** Provision at or above this, where need is low, is an overlap. */
  readonly overlapProvision: number;
}

export interface GapAnalysisInput {
  readonly areas: readonly AnalysisArea[];
  readonly themes: readonly { readonly id: string; readonly name: string }[];
  readonly indicators: readonly AnalysisIndicator[];
  readonly links: readonly ThemeIndicatorLink[];
  readonly needs: readonly AnalysisNeed[];
  readonly services: readonly AnalysisService[];
  /**
   * Themes that organisations in the partnership work on, even without a listed service (potential provision).
   * A theme with no service and no such organisation anywhere is classed "no provision data".
   */
  readonly themesWithOrganisations?: ReadonlySet<string>;
  /**
   * By theme, how many organisations of the partnership work on it but list no service (potential provision).
   * Never counted as provision; with them, a theme's high need and little provision is thin, not unmet.
   */
  readonly potentialProvision?: ReadonlyMap<string, number>;
  readonly settings: GapSettings;
}

export const gapClasses = [
  'unmet-need',
  'thin-provision',
  'balanced',
  'overlap',
  'no-data',
  'no-provision-data',
] as const;
export type GapClass = (typeof gapClasses)[number];

/** One area and theme: compact, so a national run stays small. Explanations are built on demand. */
export interface GapCell {
  readonly areaCode: string;
  readonly theme: string;
  /** 0–100, or null when there is neither a statistic nor a local record for it. */
  readonly need: number | null;
  readonly statisticsNeed: number | null;
  readonly localNeed: number | null;
  /** The area's place by need among the areas analysed with it (1 = most need); null without need. */
  readonly localRank?: number | null;
  /** How many of the areas analysed with it have a need score for the theme. */
  readonly localRankOutOf?: number;
  /** Service-equivalents. */
  readonly provision: number;
  /** How many services contributed. */
  readonly serviceCount: number;
  readonly gapClass: GapClass;
  /** Higher is a bigger gap: for sorting the gaps list. */
  readonly gapScore: number;
  /** Distance from the representative point to the nearest open service for the theme, or null if none. */
  readonly nearestKm: number | null;
  readonly nearestServiceId: string | null;
}

export interface GapAnalysis {
  readonly cells: readonly GapCell[];
  readonly settings: GapSettings;
}

/** Whether an indicator places an area in England or only among the areas analysed with it. */
export type NeedBasis = 'england' | 'local';

/** How a need score was made: every input, its weight and its edition. */
export interface NeedExplanation {
  readonly statistics: readonly {
    readonly indicatorKey: string;
    readonly name: string;
    readonly edition: string;
    readonly value: number | null;
    readonly decile: number | null;
    /** 0–100: how high this area's need is on this indicator. */
    readonly needPercentile: number;
    /** England when the percentile places the area in the country; local when only among the areas analysed. */
    readonly against: NeedBasis;
    readonly weight: number;
  }[];
  readonly statisticsNeed: number | null;
  readonly records: readonly {
    readonly needId: string;
    readonly areaCode: string;
    readonly severity: NeedSeverity;
    readonly peopleAffected: number | null;
    readonly score: number;
  }[];
  readonly localNeed: number | null;
  readonly weights: GapSettings['weights'];
  readonly need: number | null;
}

/** One service's part in an area's provision. */
export interface ServiceContribution {
  readonly serviceId: string;
  readonly name: string;
  readonly reason: 'nearby' | 'covers the area';
  readonly distanceKm: number | null;
  readonly distanceFactor: number;
  readonly capacityFactor: number;
  readonly hoursFactor: number;
  /** distanceFactor × capacityFactor × hoursFactor. */
  readonly contribution: number;
}

export interface GapExplanation {
  readonly cell: GapCell;
  readonly need: NeedExplanation;
  readonly contributions: readonly ServiceContribution[];
  readonly reachKm: number;
  readonly thresholds: GapThresholds;
  /** A sentence saying why the class was given, with the thresholds. */
  readonly classReason: string;
}
