import type { GapAnalysisInput } from '../src/domain/needs/analysis-types.js';
import { analyseGaps, defaultGapSettings } from '../src/domain/needs/analyse.js';
import {
  benchLinks,
  loadEnglandLsoas,
  loadImdDomains,
  loadThemes,
  syntheticNeeds,
  syntheticServices,
  type EnglandLsoa,
} from './gaps-data.js';
import { measure, type Benchmark } from './measure.js';

const ENGLAND_SERVICES = 100_000;
const squaredDegrees = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  (a.lat - b.lat) ** 2 + ((a.lng - b.lng) * Math.cos((b.lat * Math.PI) / 180)) ** 2;
const NEEDS_PER_1000_AREAS = 300;

/**
 * `npm run bench -- gaps`: the whole gap analysis (need, provision, access and classes for every area and theme)
 * on real LSOA geography with IMD 2025 domains and seeded synthetic services. First one council (the authority
 * with the most LSOAs) and the 1,000 LSOAs around it, each with 5,000 services; then how cost grows from 1,000
 * areas to all of England (33,755 LSOAs, 100,000 services, scaled in proportion). Loading the data is setup and
 * not measured.
 */
export const gapsBenchmark: Benchmark = {
  name: 'gaps',
  async run(print) {
    const england = loadEnglandLsoas();
    const indicators = loadImdDomains();
    const themes = loadThemes();
    const links = benchLinks(themes);
    const inputFor = (lsoas: readonly EnglandLsoa[], services: number): GapAnalysisInput => ({
      areas: lsoas,
      themes,
      indicators,
      links,
      needs: syntheticNeeds(lsoas, themes, Math.round((lsoas.length * NEEDS_PER_1000_AREAS) / 1000)),
      services: syntheticServices(lsoas, themes, services),
      settings: defaultGapSettings,
    });
    // `readEveryCell`: also build every cell's object, as a page that lists them all would; otherwise the cells stay
    // in the analysis's columns, as they do for pages that read a few.
    const report = async (
      label: string,
      input: GapAnalysisInput,
      runs: number,
      warmUp: number,
      readEveryCell = false,
    ) => {
      let cells = 0;
      // CPU time of the process (all threads, so the garbage collector's helpers too) for each run: on a shared
      // machine it shows the work apart from waiting for a core.
      const cpuTimes: number[] = [];
      const result = await measure(
        runs,
        async () => {
          const start = process.cpuUsage();
          const analysis = analyseGaps(input);
          cells = readEveryCell ? analysis.cells.length : analysis.columns.length;
          const used = process.cpuUsage(start);
          cpuTimes.push((used.user + used.system) / 1000);
        },
        warmUp,
      );
      const measured = cpuTimes.slice(warmUp).sort((a, b) => a - b);
      print({
        case: label,
        areas: input.areas.length,
        themes: input.themes.length,
        services: input.services.length,
        needs: input.needs.length,
        cells,
        ...result,
        cpu_ms: Math.round(measured[Math.floor(measured.length / 2)] ?? 0),
      });
    };

    const byAuthority = new Map<string, EnglandLsoa[]>();
    for (const lsoa of england) {
      byAuthority.set(lsoa.authorityCode, [...(byAuthority.get(lsoa.authorityCode) ?? []), lsoa]);
    }
    const largest = [...byAuthority.values()].reduce((a, b) => (b.length > a.length ? b : a));
    await report(`council ${largest[0]?.authorityCode ?? ''}`, inputFor(largest, 5000), 30, 5);
    // The worst case the issue allows for one council: 1,000 LSOAs, here the ones nearest the largest council's
    // first LSOA (a dense city and its neighbours).
    const centre = largest[0]?.point ?? { lat: 52.48, lng: -1.9 };
    const nearest = [...england]
      .sort((a, b) => squaredDegrees(a.point, centre) - squaredDegrees(b.point, centre))
      .slice(0, 1000);
    await report('council-sized 1000', inputFor(nearest, 5000), 30, 5);

    for (const size of [1000, 4000, 16000, england.length]) {
      const lsoas = england.slice(0, size);
      const services = Math.round((ENGLAND_SERVICES * size) / england.length);
      const runs = size >= 16000 ? 3 : 10;
      await report(`england ${size}`, inputFor(lsoas, services), runs, 1);
    }
    const all = inputFor(england, ENGLAND_SERVICES);
    await report(`england ${england.length}, every cell read as an object`, all, 3, 1, true);
  },
};
