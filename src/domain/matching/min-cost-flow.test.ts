import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMinCostFlow, type FlowProblem } from './min-cost-flow.js';

/**
 * The solver against an independent reference: the textbook successive shortest path with Bellman-Ford on an
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

const problemArbitrary = fc
  .record({
    supply: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }),
    capacity: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 6 }),
    penalty: fc.integer({ min: 0, max: 400 }),
    seed: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 48, maxLength: 48 }),
  })
  .map(({ supply, capacity, penalty, seed }): FlowProblem => {
    const starts = [0];
    const heads: number[] = [];
    const costs: number[] = [];
    supply.forEach((_, d) => {
      capacity.forEach((_, j) => {
        const r = seed[(d * 6 + j) % seed.length] as number;
        if (r < 55) {
          heads.push(j);
          costs.push(r * 3);
        }
      });
      starts.push(heads.length);
    });
    return {
      supply: Float64Array.from(supply),
      capacity: Float64Array.from(capacity),
      arcStart: Uint32Array.from(starts),
      arcHead: Uint32Array.from(heads),
      arcCost: Float64Array.from(costs),
      penalty,
    };
  });

describe('solveMinCostFlow', () => {
  it('finds the same minimum cost as Bellman-Ford successive shortest paths', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        expect(solveMinCostFlow(problem).cost).toBe(referenceMinCost(problem));
      }),
      { numRuns: 400 },
    );
  });

  it('conserves people and never exceeds a capacity', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const { flow, unmet, load } = solveMinCostFlow(problem);
        problem.supply.forEach((supply, d) => {
          let out = unmet[d] as number;
          for (let k = problem.arcStart[d] as number; k < (problem.arcStart[d + 1] as number); k += 1) {
            expect(flow[k]).toBeGreaterThanOrEqual(0);
            out += flow[k] as number;
          }
          expect(out).toBe(supply);
        });
        problem.capacity.forEach((capacity, j) => expect(load[j]).toBeLessThanOrEqual(capacity));
      }),
      { numRuns: 200 },
    );
  });

  it('moves an earlier person to a further service so a later one with no other choice is served', () => {
    // Demand 0 can use service 0 (0 m) or service 1 (10 m); demand 1 only service 0 (10 m). One place each.
    const problem: FlowProblem = {
      supply: Float64Array.from([1, 1]),
      capacity: Float64Array.from([1, 1]),
      arcStart: Uint32Array.from([0, 2, 3]),
      arcHead: Uint32Array.from([0, 1, 0]),
      arcCost: Float64Array.from([0, 10, 10]),
      penalty: 21,
    };
    const solution = solveMinCostFlow(problem);
    expect(Array.from(solution.flow)).toEqual([0, 1, 1]);
    expect(solution.cost).toBe(20);
    // With a penalty under the detour's cost, leaving demand 1 unmet is cheaper.
    expect(solveMinCostFlow({ ...problem, penalty: 19 }).cost).toBe(19);
  });
});
