import type { AllocationInput } from '../src/domain/matching/allocation-types.js';
import { allocate } from '../src/domain/matching/allocate.js';
import { loadEnglandLsoas, loadThemes, type EnglandLsoa } from './gaps-data.js';
import { greaterManchester, syntheticDemands, syntheticMatchServices } from './matching-data.js';
import { solveWithHighs } from './matching-lp.js';
import { measure, type Benchmark } from './measure.js';

const maxTravelKm = 5;
const NATIONAL_UNITS = 300_000;
const NATIONAL_SERVICES = 100_000;

const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * `npm run bench -- matching`: the exact allocation (candidate graph and min-cost flow, greedy baseline included)
 * on seeded synthetic needs and services placed on real LSOA points. Three random instances of 2,500 units and
 * the county instance (Greater Manchester: 20,000 units, 5,000 services, 20 themes) are also solved as a linear
 * programme by HiGHS: `lp_cost` must equal `cost` within 1e-6 relative. Then national stress at 10%, 30% and
 * 100% of 300,000 units and 100,000 services. Loading the geography is setup and not measured; `rss_mb` is the
 * process's peak resident memory so far. MATCHING_BENCH=quick skips the national sizes; MATCHING_BENCH=shortage
 * runs a county instance with three times the people instead (slow: HiGHS takes minutes on it).
 */
export const matchingBenchmark: Benchmark = {
  name: 'matching',
  async run(print) {
    const england = loadEnglandLsoas();
    const themes = loadThemes();
    const county = england.filter((lsoa) => greaterManchester.includes(lsoa.authorityCode));

    const inputFor = (lsoas: readonly EnglandLsoa[], units: number, services: number, seed: number) => ({
      demands: syntheticDemands(lsoas, themes, units, seed),
      services: syntheticMatchServices(lsoas, themes, services, seed + 1),
      options: { maxTravelKm },
    });

    const report = async (
      label: string,
      input: AllocationInput,
      runs: number,
      warmUp: number,
      lp: boolean,
    ) => {
      let allocation = allocate(input);
      // CPU time of the process for each run as well: on a shared machine it shows the work apart from waiting
      // for a core.
      const cpuTimes: number[] = [];
      const result = await measure(
        runs,
        async () => {
          const start = process.cpuUsage();
          allocation = allocate(input);
          const used = process.cpuUsage(start);
          cpuTimes.push((used.user + used.system) / 1000);
        },
        warmUp,
      );
      const measured = cpuTimes.slice(warmUp).sort((a, b) => a - b);
      const line: Record<string, unknown> = {
        case: label,
        needs: allocation.counts.units,
        services: input.services.length,
        themes: new Set(input.demands.map((d) => d.theme)).size,
        demand_nodes: allocation.counts.demandNodes,
        pairs: allocation.counts.candidatePairs,
        searches: allocation.counts.searches,
        ...result,
        cpu_ms: Math.round(measured[Math.floor(measured.length / 2)] ?? 0),
        cost: round(allocation.cost),
        greedy_cost: round(allocation.greedyCost),
        travel_km: round(allocation.travelKm),
        unmet: allocation.unmetUnits,
        greedy_unmet: allocation.greedyUnmetUnits,
      };
      if (lp) {
        const highs = await solveWithHighs(input);
        Object.assign(line, {
          lp_cost: round(highs.costKm),
          lp_ms: highs.ms,
          lp_status: highs.status,
          lp_travel_km: round(highs.travelKm),
          relative_difference: Math.abs(highs.costKm - allocation.cost) / Math.max(1, Math.abs(highs.costKm)),
          travel_relative_difference:
            Math.abs(highs.travelKm - allocation.travelKm) / Math.max(1, Math.abs(highs.travelKm)),
          speed_up: round(highs.ms / result.ms, 1),
        });
      }
      print(line);
    };

    for (const seed of [101, 202, 303]) {
      await report(`random ${seed}`, inputFor(county, 2500, 800, seed), 10, 2, true);
    }
    await report('county Greater Manchester', inputFor(county, 20_000, 5000, 7), 10, 2, true);

    if (process.env.MATCHING_BENCH === 'shortage') {
      // Severe shortage: three times the people for the same services, half of them unmet. HiGHS takes minutes.
      await report('county severe shortage', inputFor(county, 60_000, 5000, 7), 2, 1, true);
      return;
    }
    if (process.env.MATCHING_BENCH === 'quick') return;
    for (const fraction of [0.1, 0.3, 1]) {
      const lsoas = england.slice(0, Math.round(england.length * fraction));
      const input = inputFor(
        lsoas,
        Math.round(NATIONAL_UNITS * fraction),
        Math.round(NATIONAL_SERVICES * fraction),
        9,
      );
      await report(`national ${fraction * 100}%`, input, fraction < 1 ? 3 : 2, 1, false);
    }
  },
};
