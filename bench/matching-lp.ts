import type { LegacyHighs } from 'highs';
import type { AllocationInput } from '../src/domain/matching/allocation-types.js';
import { unmetPenaltyMetres } from '../src/domain/matching/allocate.js';
import { buildCandidateGraph } from '../src/domain/matching/candidate-graph.js';

/**
 * The same allocation as a transportation linear programme in CPLEX LP format, solved exactly by HiGHS (a dev
 * dependency, WebAssembly) so the benchmark can check the min-cost flow's optimum. Variables: x_k people on
 * candidate pair k, u_d people unmet at demand node d. Minimise Σ cost_k x_k + penalty Σ u_d (whole metres)
 * subject to Σ_k∈d x_k + u_d = people at d for every demand node, and Σ_k∈j x_k ≤ capacity for every service.
 */

export interface LpResult {
  readonly costKm: number;
  readonly travelKm: number;
  readonly unmetUnits: number;
  readonly ms: number;
  readonly status: string;
}

function lpString(input: AllocationInput): { text: string; penalty: number; arcs: number } {
  const graph = buildCandidateGraph(input, input.options.unknownCapacity ?? 0);
  const penalty = unmetPenaltyMetres(input);
  const lines: string[] = ['Minimize', ' obj:'];
  let line: string[] = [];
  const flush = () => {
    if (line.length > 0) lines.push(`  ${line.join(' ')}`);
    line = [];
  };
  const term = (text: string) => {
    line.push(text);
    if (line.length >= 12) flush();
  };
  graph.arcCost.forEach((cost, k) => term(`+ ${cost} x${k}`));
  graph.supply.forEach((_, d) => term(`+ ${penalty} u${d}`));
  flush();
  lines.push('Subject To');
  const byService: number[][] = graph.capacity.length > 0 ? Array.from(graph.capacity, () => []) : [];
  graph.supply.forEach((supply, d) => {
    lines.push(` d${d}:`);
    for (let k = graph.arcStart[d] as number; k < (graph.arcStart[d + 1] as number); k += 1) {
      term(`+ x${k}`);
      byService[graph.arcHead[k] as number]?.push(k);
    }
    term(`+ u${d}`);
    flush();
    lines.push(`  = ${supply}`);
  });
  byService.forEach((arcs, s) => {
    if (arcs.length === 0) return;
    lines.push(` s${s}:`);
    for (const k of arcs) term(`+ x${k}`);
    flush();
    lines.push(`  <= ${graph.capacity[s]}`);
  });
  lines.push('End');
  return { text: lines.join('\n'), penalty, arcs: graph.arcHead.length };
}

export async function solveWithHighs(input: AllocationInput): Promise<LpResult> {
  // The package is CommonJS with ES module types: its default export is the loader at run time.
  const loader = (await import('highs')).default as unknown as () => Promise<LegacyHighs>;
  const highs = await loader();
  const { text, penalty } = lpString(input);
  const start = process.hrtime.bigint();
  const solution = highs.solve(text, { output_flag: false });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let unmetUnits = 0;
  for (const [name, column] of Object.entries(solution.Columns)) {
    if (name.startsWith('u')) unmetUnits += (column as { Primal?: number }).Primal ?? 0;
  }
  const costMetres = solution.ObjectiveValue;
  return {
    costKm: costMetres / 1000,
    travelKm: (costMetres - penalty * unmetUnits) / 1000,
    unmetUnits,
    ms: Math.round(ms),
    status: solution.Status,
  };
}
