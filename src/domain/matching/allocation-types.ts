import type { AnalysisPoint } from '../needs/analysis-types.js';

/**
 * The inputs and outputs of matching needs to services: the allocation of need units (one person with one need)
 * to services' capacity, its explanation for an area, and the ranking of services for one need ("who can help").
 * The engine is pure: the app layer turns needs records, areas and services into these shapes.
 * docs/matching.md explains the model and the algorithm.
 */

/** What is known about the people in a demand group; anything missing is not held against a service. */
export interface MatchCircumstances {
  readonly age?: number;
  /** Languages the people speak, by name ("English", "Urdu"); compared without regard to case. */
  readonly languages?: readonly string[];
  /** Access needs in plain words ("step-free access"); shown beside each service's accessibility notes. */
  readonly accessNeeds?: readonly string[];
}

/**
 * A group of need units: `units` people with one need (theme) at one point. A needs record with N people affected
 * is N units at its area's representative point for its theme.
 */
export interface MatchDemand {
  readonly id: string;
  /** The needs record the units come from, or null for units entered another way (a what-if, a query). */
  readonly needId: string | null;
  readonly areaCode: string;
  /**
   * The codes of the areas that contain the demand's area and that it contains (ancestors and descendants), so a
   * service covering any of them, or the area itself, covers the demand (as in the gap analysis).
   */
  readonly relatedAreaCodes?: readonly string[];
  readonly theme: string;
  readonly point: AnalysisPoint;
  /** Whole people, zero or more. */
  readonly units: number;
  readonly circumstances?: MatchCircumstances;
  /** How far these people can be asked to travel (km): the reach rule for their area; else the run's maxTravelKm. */
  readonly maxTravelKm?: number;
}

export interface MatchEligibility {
  readonly minimumAge: number | null;
  readonly maximumAge: number | null;
}

/** A service as matching sees it. */
export interface MatchService {
  readonly id: string;
  readonly name: string;
  readonly themes: readonly string[];
  /** Only open (active) services take people; the others are listed as left out. */
  readonly open: boolean;
  /** Its open places. A service with only area coverage has none. */
  readonly points: readonly AnalysisPoint[];
  /** ONS codes of the areas it covers. */
  readonly areaCodes: readonly string[];
  /** People it can take per period (whole people), or null when not known (see AllocationOptions.unknownCapacity). */
  readonly capacity: number | null;
  readonly eligibility: MatchEligibility;
  /** Languages it works in, by name; empty when not recorded (then no one is turned away for language). */
  readonly languages: readonly string[];
  /** Its accessibility notes, free text, or null. */
  readonly accessibility?: string | null;
  /** Hours open per week, when known. */
  readonly hoursPerWeek: number | null;
  /** When its details were last checked (ISO date or date-time), or null. */
  readonly lastCheckedOn: string | null;
}

export interface AllocationOptions {
  /**
   * How far a person can be asked to travel to a service's place (km), for demands that carry no reach of their
   * own. A service covering the area has no limit.
   */
  readonly maxTravelKm: number;
  /**
   * The cost of leaving one person unmet, in km. By default (the longest reach + 1) × the number of demands, which is
   * more than any rearrangement of travel can cost: the allocation covers as many people as it possibly can, then
   * keeps travel as short as it can.
   */
  readonly unmetPenalty?: number;
  /** Only these themes (default: every theme in the demands). */
  readonly themes?: readonly string[];
  /** The capacity assumed for a service whose capacity is not known (default 0: it takes no one). */
  readonly unknownCapacity?: number;
}

export interface AllocationInput {
  readonly demands: readonly MatchDemand[];
  readonly services: readonly MatchService[];
  readonly options: AllocationOptions;
}

/** How a person reaches a service: travelling to its nearest place, or served where they are by its coverage. */
export type MatchReach = 'nearby' | 'covers the area';

export interface AllocationFlow {
  readonly demandId: string;
  readonly serviceId: string;
  readonly units: number;
  /** The travel distance counted (km, to the metre): 0 when the service covers the area. */
  readonly distanceKm: number;
  readonly reach: MatchReach;
}

export interface DemandOutcome {
  readonly demandId: string;
  readonly units: number;
  readonly allocated: number;
  readonly unmet: number;
}

export interface ServiceLoad {
  readonly serviceId: string;
  /** The capacity used (after AllocationOptions.unknownCapacity). */
  readonly capacity: number;
  readonly load: number;
}

export interface AllocationCounts {
  readonly demands: number;
  readonly units: number;
  readonly services: number;
  /** Demand groups after merging those at the same point and theme with the same circumstances. */
  readonly demandNodes: number;
  /** Feasible demand–service pairs in the candidate graph. */
  readonly candidatePairs: number;
  /** Shortest-path searches the solver ran. */
  readonly searches: number;
}

export interface Allocation {
  readonly flows: readonly AllocationFlow[];
  /** Every demand (in input order) with how many of its units were placed and how many are unmet. */
  readonly demands: readonly DemandOutcome[];
  /** Every service (in input order) with its load against its capacity. */
  readonly loads: readonly ServiceLoad[];
  readonly allocatedUnits: number;
  readonly unmetUnits: number;
  /** People-weighted travel (km). */
  readonly travelKm: number;
  readonly unmetPenalty: number;
  /** travelKm + unmetPenalty × unmetUnits: the minimum possible. */
  readonly cost: number;
  /** The same cost for the greedy baseline: each demand in turn to its nearest feasible service with room. */
  readonly greedyCost: number;
  readonly greedyUnmetUnits: number;
  readonly counts: AllocationCounts;
}

export type UnmetReason = 'no eligible service in range' | 'all services in range full';

/** Where some of a demand's units went, and why there. */
export interface PlacementExplanation {
  readonly serviceId: string;
  readonly serviceName: string;
  readonly units: number;
  readonly distanceKm: number;
  readonly reach: MatchReach;
  /** Plain English: why this service (and why not a nearer one). */
  readonly why: string;
}

export interface DemandExplanation {
  readonly demand: MatchDemand;
  readonly placements: readonly PlacementExplanation[];
  readonly unmet: number;
  /** Why units were left unmet, or null when none were. */
  readonly unmetReason: UnmetReason | null;
  /** Plain English detail for the unmet units, or null. */
  readonly unmetDetail: string | null;
  /** How many services could have taken these people (theme, eligibility, reach). */
  readonly feasibleServices: number;
}

export interface AreaAllocationExplanation {
  readonly areaCode: string;
  readonly demands: readonly DemandExplanation[];
  readonly units: number;
  readonly allocated: number;
  readonly unmet: number;
}

/** "Who can help" for one need: a point, a theme and circumstances. */
export interface RankQuery {
  readonly point: AnalysisPoint;
  readonly areaCode: string;
  readonly relatedAreaCodes?: readonly string[];
  readonly theme: string;
  readonly circumstances?: MatchCircumstances;
  readonly services: readonly MatchService[];
  /** The reach: the partnership's reach rule for the area's class, unless the person says how far they can go. */
  readonly maxTravelKm: number;
  /** Today's date (ISO), for how recently each service was checked: the clock is passed in. */
  readonly today: string;
  /** Each service's load from an allocation, by service id, to show how much room it has left. */
  readonly loads?: ReadonlyMap<string, number>;
  /** As in AllocationOptions. */
  readonly unknownCapacity?: number;
}

export type RankFactor =
  | 'theme'
  | 'eligibility'
  | 'language'
  | 'coverage'
  | 'distance'
  | 'hours'
  | 'capacity'
  | 'checked'
  | 'access';

/** One reason in a service's score: what was found and the points it earned. */
export interface RankReason {
  readonly factor: RankFactor;
  readonly points: number;
  readonly text: string;
}

export interface RankedService {
  readonly serviceId: string;
  readonly name: string;
  /** 0–100: the sum of the reasons' points. */
  readonly score: number;
  /** To its nearest place (km), or null when it has no places. */
  readonly distanceKm: number | null;
  readonly reach: MatchReach;
  readonly reasons: readonly RankReason[];
}

export type LeftOutReason = 'closed' | 'different theme' | 'age' | 'language' | 'out of range';

export interface LeftOutService {
  readonly serviceId: string;
  readonly name: string;
  readonly reason: LeftOutReason;
  readonly text: string;
  /** For a service out of range: the distance to its nearest place (km), so the page can offer the nearest. */
  readonly distanceKm?: number;
}

export interface ServiceRanking {
  /** Best first. */
  readonly ranked: readonly RankedService[];
  /** Every other service, with the first reason it could not help. */
  readonly leftOut: readonly LeftOutService[];
}
