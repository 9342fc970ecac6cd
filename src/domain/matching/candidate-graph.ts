import KDBush from 'kdbush';
import type { AllocationInput, MatchDemand, MatchService } from './allocation-types.js';
import { boxAround, distanceKm } from '../directory/distance.js';
import type { AnalysisPoint } from '../needs/analysis-types.js';
import { effectiveCapacity, ineligibility, toMetres, travelLimitKm } from './feasibility.js';

/**
 * The sparse candidate graph of an allocation: demand nodes (demands at the same point, area and theme with the
 * same circumstances merged), every service as a node with its capacity, and an arc only for each pair that is
 * feasible (open, theme, eligibility, and coverage of the area or a place within the travel limit). Pairs are
 * found per theme with a KD-tree of the theme's places (kdbush: the box holding the travel circle, then the exact
 * great-circle distance), never by trying all pairs.
 */

export interface CandidateGraph {
  /** The input demands (by index) merged into each node. */
  readonly nodeDemands: readonly (readonly number[])[];
  readonly supply: Float64Array;
  /** Per input service. */
  readonly capacity: Float64Array;
  readonly arcStart: Uint32Array;
  readonly arcHead: Uint32Array;
  /** Travel per person in whole metres. */
  readonly arcCost: Float64Array;
  /** 1 when the service covers the area (0 m), 0 when the person travels to its nearest place. */
  readonly arcCovers: Uint8Array;
}

const sortedLower = (values: readonly string[] | undefined) =>
  [...(values ?? [])].map((v) => v.trim().toLowerCase()).sort();

/** Demands that are alike in every way the allocation looks at share a key. */
function mergeKey(demand: MatchDemand): string {
  const c = demand.circumstances;
  return JSON.stringify([
    demand.theme,
    demand.areaCode,
    demand.point.lat,
    demand.point.lng,
    c?.age ?? null,
    sortedLower(c?.languages),
    sortedLower(c?.accessNeeds),
    [...(demand.relatedAreaCodes ?? [])].sort(),
    demand.maxTravelKm ?? null,
  ]);
}

/** The demands the allocation covers: with units, and in the chosen themes when themes are given. */
export function demandsInScope(input: AllocationInput): boolean[] {
  const themes = input.options.themes ? new Set(input.options.themes) : undefined;
  return input.demands.map((d) => d.units > 0 && (!themes || themes.has(d.theme)));
}

function mergeDemands(input: AllocationInput): { nodeDemands: number[][]; supply: Float64Array } {
  const inScope = demandsInScope(input);
  const byKey = new Map<string, number[]>();
  input.demands.forEach((demand, i) => {
    if (!inScope[i]) return;
    const key = mergeKey(demand);
    const members = byKey.get(key);
    if (members) members.push(i);
    else byKey.set(key, [i]);
  });
  const nodeDemands = [...byKey.values()];
  const supply = Float64Array.from(nodeDemands, (members) =>
    members.reduce((sum, i) => sum + Math.floor(input.demands[i]?.units ?? 0), 0),
  );
  return { nodeDemands, supply };
}

/** The open services with room for each theme, their places in a KD-tree, and which cover each area code. */
class ThemeIndex {
  readonly services: number[] = [];
  readonly placeService: number[] = [];
  readonly placePoints: AnalysisPoint[] = [];
  readonly places: KDBush | undefined;
  readonly byCode = new Map<string, number[]>();

  constructor(serviceIndices: readonly number[], services: readonly MatchService[]) {
    const points = this.placePoints;
    for (const s of serviceIndices) {
      const service = services[s] as MatchService;
      for (const p of service.points) {
        this.placeService.push(s);
        this.placePoints.push(p);
      }
      for (const code of service.areaCodes) {
        const list = this.byCode.get(code);
        if (list) list.push(s);
        else this.byCode.set(code, [s]);
      }
    }
    if (points.length > 0) {
      this.places = new KDBush(points.length);
      for (const p of points) this.places.add(p.lng, p.lat);
      this.places.finish();
    }
  }
}

export function buildCandidateGraph(input: AllocationInput, unknownCapacity: number): CandidateGraph {
  const { services, demands, options } = input;
  const { nodeDemands, supply } = mergeDemands(input);
  const capacity = Float64Array.from(services, (s) => (s.open ? effectiveCapacity(s, unknownCapacity) : 0));
  const servicesOfTheme = new Map<string, number[]>();
  services.forEach((service, s) => {
    if ((capacity[s] as number) <= 0) return;
    for (const theme of new Set(service.themes)) {
      const list = servicesOfTheme.get(theme);
      if (list) list.push(s);
      else servicesOfTheme.set(theme, [s]);
    }
  });
  const indexes = new Map<string, ThemeIndex>();
  const arcNode: number[] = [];
  const arcService: number[] = [];
  const arcMetres: number[] = [];
  const arcCovering: number[] = [];
  // Per service: the search that last saw it, and whether it covers the node's area.
  const seen = new Int32Array(services.length).fill(-1);
  const covering = new Uint8Array(services.length);
  const touched: number[] = [];
  const nearestKm = new Float64Array(services.length);

  nodeDemands.forEach((members, node) => {
    const demand = demands[members[0] as number] as MatchDemand;
    let index = indexes.get(demand.theme);
    if (!index) {
      index = new ThemeIndex(servicesOfTheme.get(demand.theme) ?? [], services);
      indexes.set(demand.theme, index);
    }
    touched.length = 0;
    const touch = (s: number) => {
      if (seen[s] === node) return;
      seen[s] = node;
      covering[s] = 0;
      nearestKm[s] = Infinity;
      touched.push(s);
    };
    const limitKm = travelLimitKm(demand, options);
    if (index.places && limitKm >= 0) {
      const { lat, lng } = demand.point;
      const box = boxAround({ latitude: lat, longitude: lng }, limitKm * 1.001 + 0.001);
      const ids = index.places.range(box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude);
      for (const id of ids) {
        const s = index.placeService[id] as number;
        const place = index.placePoints[id] as AnalysisPoint;
        const km = distanceKm(
          { latitude: lat, longitude: lng },
          { latitude: place.lat, longitude: place.lng },
        );
        if (km > limitKm) continue;
        touch(s);
        if (km < (nearestKm[s] as number)) nearestKm[s] = km;
      }
    }
    for (const code of [demand.areaCode, ...(demand.relatedAreaCodes ?? [])]) {
      for (const s of index.byCode.get(code) ?? []) {
        touch(s);
        covering[s] = 1;
      }
    }
    for (const s of touched) {
      if (ineligibility(services[s] as MatchService, demand.circumstances) !== null) continue;
      const covers = covering[s] === 1;
      const km = nearestKm[s] as number;
      arcNode.push(node);
      arcService.push(s);
      arcMetres.push(covers ? 0 : toMetres(km));
      arcCovering.push(covers ? 1 : 0);
    }
  });

  // Counting sort of the arcs by node: compressed sparse rows.
  const arcStart = new Uint32Array(nodeDemands.length + 1);
  for (const node of arcNode) arcStart[node + 1] = (arcStart[node + 1] as number) + 1;
  for (let n = 0; n < nodeDemands.length; n += 1) {
    arcStart[n + 1] = (arcStart[n + 1] as number) + (arcStart[n] as number);
  }
  const fill = arcStart.slice(0, nodeDemands.length);
  const arcHead = new Uint32Array(arcNode.length);
  const arcCost = new Float64Array(arcNode.length);
  const arcCovers = new Uint8Array(arcNode.length);
  arcNode.forEach((node, i) => {
    const at = fill[node] as number;
    fill[node] = at + 1;
    arcHead[at] = arcService[i] as number;
    arcCost[at] = arcMetres[i] as number;
    arcCovers[at] = arcCovering[i] as number;
  });
  return { nodeDemands, supply, capacity, arcStart, arcHead, arcCost, arcCovers };
}
