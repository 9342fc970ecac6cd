import type { CandidateGraph } from './candidate-graph.js';

/**
 * The greedy baseline the benchmark and the results compare against: each demand node in turn sends its people
 * to its nearest feasible service with room, then the next nearest, and leaves the rest unmet. Returns the travel
 * (whole metres, people-weighted) and the people left unmet.
 */
export function greedyAllocation(graph: CandidateGraph): { travelMetres: number; unmet: number } {
  const room = Float64Array.from(graph.capacity);
  let travelMetres = 0;
  let unmet = 0;
  const order: number[] = [];
  for (let node = 0; node < graph.supply.length; node += 1) {
    let left = graph.supply[node] as number;
    const start = graph.arcStart[node] as number;
    const end = graph.arcStart[node + 1] as number;
    order.length = 0;
    for (let k = start; k < end; k += 1) order.push(k);
    order.sort((a, b) => (graph.arcCost[a] as number) - (graph.arcCost[b] as number));
    for (const k of order) {
      if (left <= 0) break;
      const s = graph.arcHead[k] as number;
      const take = Math.min(left, room[s] as number);
      if (take <= 0) continue;
      room[s] = (room[s] as number) - take;
      left -= take;
      travelMetres += take * (graph.arcCost[k] as number);
    }
    unmet += left;
  }
  return { travelMetres, unmet };
}
