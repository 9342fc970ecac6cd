import type {
  Allocation,
  AllocationInput,
  AreaAllocationExplanation,
  RankQuery,
  ServiceRanking,
} from './allocation-types.js';

/**
 * Matching needs to services. `allocate` places need units on services' capacity at the least people-weighted
 * travel, covering as many people as possible (an exact minimum-cost flow); `explainAllocation` says for one
 * area where each unit went and why; `rankServices` scores every service for one need ("who can help").
 * docs/matching.md explains the model and the algorithm.
 */

export function allocate(input: AllocationInput): Allocation {
  throw new Error(`allocate is not written yet (${input.demands.length} demands)`);
}

export function explainAllocation(
  input: AllocationInput,
  allocation: Allocation,
  areaCode: string,
): AreaAllocationExplanation {
  throw new Error(`explainAllocation is not written yet (${areaCode}, ${allocation.flows.length})`);
}

export function rankServices(query: RankQuery): ServiceRanking {
  throw new Error(`rankServices is not written yet (${query.theme})`);
}
