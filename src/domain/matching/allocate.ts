import type {
  Allocation,
  AllocationFlow,
  AllocationInput,
  AreaAllocationExplanation,
  DemandOutcome,
  RankQuery,
  ServiceRanking,
} from './allocation-types.js';
import { buildCandidateGraph, demandsInScope } from './candidate-graph.js';
import { explainArea } from './explain.js';
import { greedyAllocation } from './greedy.js';
import { solveMinCostFlow } from './min-cost-flow.js';
import { rankServicesFor } from './rank-services.js';

/**
 * Matching needs to services. `allocate` places need units on services' capacity at the least people-weighted
 * travel, covering as many people as possible (an exact minimum-cost flow); `explainAllocation` says for one
 * area where each unit went and why; `rankServices` scores every service for one need ("who can help").
 * docs/matching.md explains the model and the algorithm.
 */

/** The penalty for one unmet person in whole metres: as given, or more than any rearrangement of travel costs. */
export function unmetPenaltyMetres(input: AllocationInput): number {
  const given = input.options.unmetPenalty;
  if (given !== undefined && Number.isFinite(given) && given >= 0) return Math.round(given * 1000);
  const inScope = demandsInScope(input);
  let longestKm = input.options.maxTravelKm;
  input.demands.forEach((d, i) => {
    if (inScope[i] && d.maxTravelKm !== undefined && d.maxTravelKm > longestKm) longestKm = d.maxTravelKm;
  });
  const demands = inScope.filter(Boolean).length;
  return Math.round((Math.max(0, longestKm) + 1) * 1000) * Math.max(1, demands);
}

export function allocate(input: AllocationInput): Allocation {
  const unknownCapacity = input.options.unknownCapacity ?? 0;
  const graph = buildCandidateGraph(input, unknownCapacity);
  const penalty = unmetPenaltyMetres(input);
  const solution = solveMinCostFlow({ ...graph, penalty });

  // Hand each node's flows out to the demands merged into it, in order: they are alike, so any split is optimal.
  const flows: AllocationFlow[] = [];
  const allocated = new Float64Array(input.demands.length);
  graph.nodeDemands.forEach((members, node) => {
    let m = 0;
    let left = Math.floor(input.demands[members[0] as number]?.units ?? 0);
    for (let k = graph.arcStart[node] as number; k < (graph.arcStart[node + 1] as number); k += 1) {
      let units = solution.flow[k] as number;
      while (units > 0 && m < members.length) {
        const i = members[m] as number;
        const take = Math.min(units, left);
        if (take > 0) {
          flows.push({
            demandId: input.demands[i]?.id ?? '',
            serviceId: input.services[graph.arcHead[k] as number]?.id ?? '',
            units: take,
            distanceKm: (graph.arcCost[k] as number) / 1000,
            reach: graph.arcCovers[k] === 1 ? 'covers the area' : 'nearby',
          });
          allocated[i] = (allocated[i] as number) + take;
        }
        units -= take;
        left -= take;
        if (left <= 0) {
          m += 1;
          left = Math.floor(input.demands[members[m] as number]?.units ?? 0);
        }
      }
    }
  });

  const inScope = demandsInScope(input);
  const demands: DemandOutcome[] = input.demands.map((demand, i) => {
    const units = inScope[i] ? Math.floor(demand.units) : 0;
    const placed = allocated[i] as number;
    return { demandId: demand.id, units, allocated: placed, unmet: units - placed };
  });
  const loads = input.services.map((service, s) => ({
    serviceId: service.id,
    capacity: graph.capacity[s] as number,
    load: solution.load[s] as number,
  }));
  const allocatedUnits = demands.reduce((sum, d) => sum + d.allocated, 0);
  const unmetUnits = demands.reduce((sum, d) => sum + d.unmet, 0);
  const travelMetres = solution.cost - penalty * unmetUnits;
  const greedy = greedyAllocation(graph);
  return {
    flows,
    demands,
    loads,
    allocatedUnits,
    unmetUnits,
    travelKm: travelMetres / 1000,
    unmetPenalty: penalty / 1000,
    cost: solution.cost / 1000,
    greedyCost: (greedy.travelMetres + penalty * greedy.unmet) / 1000,
    greedyUnmetUnits: greedy.unmet,
    counts: {
      demands: inScope.filter(Boolean).length,
      units: allocatedUnits + unmetUnits,
      services: input.services.length,
      demandNodes: graph.nodeDemands.length,
      candidatePairs: graph.arcHead.length,
      searches: solution.searches,
    },
  };
}

/** For one area: its demands, where each unit went and why, and what was left unmet and why. */
export function explainAllocation(
  input: AllocationInput,
  allocation: Allocation,
  areaCode: string,
): AreaAllocationExplanation {
  return explainArea(input, allocation, areaCode);
}

/** "Who can help": every service scored with its reasons, best first, and the others with why they were left out. */
export function rankServices(query: RankQuery): ServiceRanking {
  return rankServicesFor(query);
}
