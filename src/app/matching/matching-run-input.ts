import type { Allocation, AllocationInput } from '../../domain/matching/allocation-types.js';
import type { ReachRule } from '../../domain/needs/reach-rule.js';
import type { DemandArea } from './matching-demand.js';

/** The assumptions a run made where the records were silent; the pages show each one that applied. */
export interface RunAssumptions {
  /** Needs records with no number of people, counted as `peoplePerSeverity` × severity. */
  readonly needsWithoutPeople: number;
  readonly peoplePerSeverity: number;
  /** Services with no capacity, counted as `capacityPerWeek` people a week. */
  readonly servicesWithoutCapacity: number;
  readonly capacityPerWeek: number;
  /** Needs records left out because their area has no point (not in the partnership's loaded areas). */
  readonly unplacedNeeds: number;
}

/** What a run saves as its input: everything needed to show it again, or to re-run it changed, as it was. */
export interface SavedRunInput {
  readonly version: 1;
  readonly themes: readonly { readonly id: string; readonly name: string }[];
  /** The furthest anyone in the run was asked to travel (km). */
  readonly maxKm: number;
  /**
   * The partnership's reach rule when the run used it (each need's area takes the reach for its class); absent
   * when one distance was asked for the whole run, and in runs saved before the reach rule.
   */
  readonly reachRule?: ReachRule;
  readonly allocation: AllocationInput;
  readonly assumptions: RunAssumptions;
  /** The areas the demand sits in (and the authority's wards), named as they were at the time. */
  readonly areas: readonly DemandArea[];
  /** Organisation names and public places of the services, for the pages (never hidden or area-only places). */
  readonly serviceDetails: Readonly<
    Record<
      string,
      {
        readonly organisationName: string | null;
        readonly publicPoints: readonly { lat: number; lng: number }[];
      }
    >
  >;
}

/** Reads a saved run's JSON back; throws when it is not a run this version of the service wrote. */
export function readSavedRun(
  inputJson: string,
  resultJson: string,
): {
  input: SavedRunInput;
  allocation: Allocation;
} {
  const input = JSON.parse(inputJson) as SavedRunInput;
  const allocation = JSON.parse(resultJson) as Allocation;
  if (input.version !== 1 || !Array.isArray(input.allocation?.demands) || !Array.isArray(allocation?.loads))
    throw new Error('This saved run was written by a different version of the service and cannot be shown');
  return { input, allocation };
}
