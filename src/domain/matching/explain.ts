import type {
  Allocation,
  AllocationInput,
  AreaAllocationExplanation,
  DemandExplanation,
  MatchDemand,
  MatchReach,
  MatchService,
  PlacementExplanation,
} from './allocation-types.js';
import { demandsInScope } from './candidate-graph.js';
import {
  coversArea,
  effectiveCapacity,
  ineligibility,
  nearestPlaceKm,
  reachOf,
  travelLimitKm,
} from './feasibility.js';

/**
 * Why an area's allocation came out as it did, worked out again from the same rules the allocation used: for
 * each demand, the services that could have taken its people, where they went, and why the rest were unmet.
 */

interface Option {
  readonly service: MatchService;
  readonly km: number;
  readonly reach: MatchReach;
  readonly capacity: number;
  readonly load: number;
}

const km = (value: number) => `${value.toFixed(1)} km`;
const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

function optionsFor(input: AllocationInput, demand: MatchDemand, loads: Map<string, number>): Option[] {
  const unknownCapacity = input.options.unknownCapacity ?? 0;
  const options: Option[] = [];
  for (const service of input.services) {
    if (!service.open || !service.themes.includes(demand.theme)) continue;
    if (ineligibility(service, demand.circumstances) !== null) continue;
    const covers = coversArea(service, demand.areaCode, demand.relatedAreaCodes);
    const reach = reachOf(
      covers,
      covers ? null : nearestPlaceKm(service, demand.point),
      travelLimitKm(demand, input.options),
    );
    if (!reach) continue;
    options.push({
      service,
      km: reach.metres / 1000,
      reach: reach.reach,
      capacity: effectiveCapacity(service, unknownCapacity),
      load: loads.get(service.id) ?? 0,
    });
  }
  return options.sort((a, b) => a.km - b.km || a.service.name.localeCompare(b.service.name));
}

function whyHere(option: Option, nearer: readonly Option[]): string {
  const where =
    option.reach === 'covers the area'
      ? `${option.service.name} covers the area, so it serves people where they are.`
      : `${option.service.name} is ${km(option.km)} away.`;
  if (nearer.length === 0) return `${where} No service that could take them is nearer.`;
  const full = nearer.map((o) => `${o.service.name} (${km(o.km)}, ${o.load} of ${o.capacity} places used)`);
  return `${where} Nearer services that could take them were full: ${full.join('; ')}.`;
}

function explainDemand(
  input: AllocationInput,
  allocation: Allocation,
  demand: MatchDemand,
  loads: Map<string, number>,
): DemandExplanation {
  const options = optionsFor(input, demand, loads);
  const flows = allocation.flows.filter((flow) => flow.demandId === demand.id);
  const placements: PlacementExplanation[] = flows.map((flow) => {
    const option = options.find((o) => o.service.id === flow.serviceId);
    const nearer = options.filter((o) => option && o.km < option.km && o.load >= o.capacity);
    return {
      serviceId: flow.serviceId,
      serviceName: option?.service.name ?? flow.serviceId,
      units: flow.units,
      distanceKm: flow.distanceKm,
      reach: flow.reach,
      why: option ? whyHere(option, nearer) : 'This service is no longer in the inputs.',
    };
  });
  const outcome = allocation.demands.find((d) => d.demandId === demand.id);
  const unmet = outcome?.unmet ?? 0;
  const usable = options.filter((o) => o.capacity > 0);
  let unmetReason: DemandExplanation['unmetReason'] = null;
  let unmetDetail: string | null = null;
  if (unmet > 0 && usable.length === 0) {
    unmetReason = 'no eligible service in range';
    unmetDetail =
      options.length === 0
        ? `No open service for this theme that these people are eligible for covers the area or has a place within ${km(travelLimitKm(demand, input.options))}.`
        : `The services in range (${options.map((o) => o.service.name).join(', ')}) have no capacity recorded, so they take no one.`;
  } else if (unmet > 0) {
    unmetReason = 'all services in range full';
    const listed = usable.map((o) => `${o.service.name} (${o.load} of ${o.capacity} places used)`);
    unmetDetail = `${people(unmet)} could not be placed: every service that could take them was full: ${listed.join('; ')}.`;
  }
  return { demand, placements, unmet, unmetReason, unmetDetail, feasibleServices: options.length };
}

export function explainArea(
  input: AllocationInput,
  allocation: Allocation,
  areaCode: string,
): AreaAllocationExplanation {
  const loads = new Map(allocation.loads.map((l) => [l.serviceId, l.load]));
  const inScope = demandsInScope(input);
  const demands = input.demands
    .filter((demand, i) => inScope[i] && demand.areaCode === areaCode)
    .map((demand) => explainDemand(input, allocation, demand, loads));
  const units = demands.reduce((sum, d) => sum + Math.floor(d.demand.units), 0);
  const unmet = demands.reduce((sum, d) => sum + d.unmet, 0);
  return { areaCode, demands, units, allocated: units - unmet, unmet };
}
