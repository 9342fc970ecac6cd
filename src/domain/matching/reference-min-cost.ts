import type { FlowProblem } from './min-cost-flow.js';

/**
 * The reference the tests check the solver against, written to be obviously right rather than fast: the textbook successive shortest path with Bellman-Ford on an
 * explicit graph (source → demands → services → sink, plus demand → unmet → sink), which is exact because it
 * starts from zero flow with non-negative costs and always augments along a cheapest path.
 */
export function referenceMinCost(problem: FlowProblem): number {
  const demands = problem.supply.length;
  const services = problem.capacity.length;
  const source = demands + services;
  const unmetNode = source + 1;
  const sink = source + 2;
  const nodes = sink + 1;
  const from: number[] = [];
  const to: number[] = [];
  const cap: number[] = [];
  const cost: number[] = [];
  const add = (u: number, v: number, c: number, w: number) => {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  const big = problem.supply.reduce((a, b) => a + b, 0);
  for (let d = 0; d < demands; d += 1) {
    add(source, d, problem.supply[d] ?? 0, 0);
    add(d, unmetNode, big, problem.penalty);
    for (let k = problem.arcStart[d] ?? 0; k < (problem.arcStart[d + 1] ?? 0); k += 1) {
      add(d, demands + (problem.arcHead[k] ?? 0), big, problem.arcCost[k] ?? 0);
    }
  }
  for (let j = 0; j < services; j += 1) add(demands + j, sink, problem.capacity[j] ?? 0, 0);
  add(unmetNode, sink, big, 0);
  let total = 0;
  for (;;) {
    const dist = new Array<number>(nodes).fill(Infinity);
    const via = new Array<number>(nodes).fill(-1);
    dist[source] = 0;
    for (let round = 0; round < nodes; round += 1) {
      let changed = false;
      for (let e = 0; e < from.length; e += 1) {
        const u = from[e] as number;
        const v = to[e] as number;
        if ((cap[e] as number) > 0 && (dist[u] as number) + (cost[e] as number) < (dist[v] as number)) {
          dist[v] = (dist[u] as number) + (cost[e] as number);
          via[v] = e;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) return total;
    let amount = Infinity;
    for (let v = sink; v !== source; v = from[via[v] as number] as number) {
      amount = Math.min(amount, cap[via[v] as number] as number);
    }
    for (let v = sink; v !== source; v = from[via[v] as number] as number) {
      const e = via[v] as number;
      cap[e] = (cap[e] as number) - amount;
      cap[e ^ 1] = (cap[e ^ 1] as number) + amount;
    }
    total += amount * (dist[sink] as number);
  }
}
