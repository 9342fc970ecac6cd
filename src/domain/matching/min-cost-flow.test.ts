import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveMinCostFlow, type FlowProblem } from './min-cost-flow.js';
import { referenceMinCost } from './reference-min-cost.js';

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
