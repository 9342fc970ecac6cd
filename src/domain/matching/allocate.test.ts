import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationInput, MatchDemand, MatchService } from './allocation-types.js';
import { allocate, unmetPenaltyMetres } from './allocate.js';
import type { FlowProblem } from './min-cost-flow.js';
import { referenceMinCost } from './reference-min-cost.js';

/**
 * The allocation on random small instances against references that share none of its code: the feasible pairs
 * found by trying every pair with the rules written out again here, then the optimum by enumerating every
 * assignment of every person (tiny instances) or by Bellman-Ford successive shortest paths (small ones).
 */

const haversineKm = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const r = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(r(b.lat - a.lat) / 2) ** 2 +
    Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** Travel in whole metres when the service can take the demand's people, or null. */
function pairMetres(service: MatchService, demand: MatchDemand, maxKm: number): number | null {
  if (!service.open || !service.themes.includes(demand.theme)) return null;
  const age = demand.circumstances?.age;
  const { minimumAge, maximumAge } = service.eligibility;
  if (
    age !== undefined &&
    ((minimumAge !== null && age < minimumAge) || (maximumAge !== null && age > maximumAge))
  ) {
    return null;
  }
  const spoken = (demand.circumstances?.languages ?? []).map((l) => l.toLowerCase());
  const offered = service.languages.map((l) => l.toLowerCase());
  if (spoken.length > 0 && offered.length > 0 && !spoken.some((l) => offered.includes(l))) return null;
  const codes = [demand.areaCode, ...(demand.relatedAreaCodes ?? [])];
  if (service.areaCodes.some((c) => codes.includes(c))) return 0;
  const nearest = Math.min(...service.points.map((p) => haversineKm(demand.point, p)));
  return nearest <= (demand.maxTravelKm ?? maxKm) ? Math.round(nearest * 1000) : null;
}

const capacityOf = (service: MatchService) => (service.open ? Math.max(0, service.capacity ?? 0) : 0);

/** The least cost (metres) by trying every assignment of every person. */
function bruteForce(input: AllocationInput, penalty: number): number {
  const people: number[] = input.demands.flatMap((d, i) => Array<number>(d.units).fill(i));
  const room = input.services.map(capacityOf);
  let best = Infinity;
  const visit = (p: number, cost: number) => {
    if (cost >= best) return;
    if (p === people.length) {
      best = cost;
      return;
    }
    const demand = input.demands[people[p] as number] as MatchDemand;
    visit(p + 1, cost + penalty);
    input.services.forEach((service, s) => {
      const metres = pairMetres(service, demand, input.options.maxTravelKm);
      if (metres === null || (room[s] as number) <= 0) return;
      room[s] = (room[s] as number) - 1;
      visit(p + 1, cost + metres);
      room[s] = (room[s] as number) + 1;
    });
  };
  visit(0, 0);
  return best;
}

/** The same problem over every feasible pair (no spatial index, no merging), for the Bellman-Ford reference. */
function allPairsProblem(input: AllocationInput, penalty: number): FlowProblem {
  const starts = [0];
  const heads: number[] = [];
  const costs: number[] = [];
  for (const demand of input.demands) {
    input.services.forEach((service, s) => {
      const metres = pairMetres(service, demand, input.options.maxTravelKm);
      if (metres === null) return;
      heads.push(s);
      costs.push(metres);
    });
    starts.push(heads.length);
  }
  return {
    supply: Float64Array.from(input.demands, (d) => d.units),
    capacity: Float64Array.from(input.services, capacityOf),
    arcStart: Uint32Array.from(starts),
    arcHead: Uint32Array.from(heads),
    arcCost: Float64Array.from(costs),
    penalty,
  };
}

const point = fc.record({
  lat: fc.double({ min: 53.4, max: 53.46, noNaN: true }),
  lng: fc.double({ min: -2.35, max: -2.25, noNaN: true }),
});
const areaCode = fc.constantFrom('A1', 'A2', 'A3');
const language = fc.constantFrom('English', 'urdu', 'Polish');

const demandArbitrary = (maxUnits: number) =>
  fc.record({
    needId: fc.constant(null),
    areaCode,
    theme: fc.constantFrom('food', 'money'),
    // Two spots so that demands merge now and then.
    point: fc.oneof(point, fc.constant({ lat: 53.43, lng: -2.3 })),
    units: fc.integer({ min: 0, max: maxUnits }),
    circumstances: fc.record(
      { age: fc.integer({ min: 10, max: 90 }), languages: fc.array(language, { maxLength: 2 }) },
      { requiredKeys: [] },
    ),
    // Now and then the demand's own reach (the reach rule for its area's class) instead of the run's.
    reach: fc.option(fc.constantFrom(1, 3, 8), { nil: undefined }),
  });

const serviceArbitrary = fc.record({
  name: fc.constantFrom('Pantry', 'Advice', 'Hub'),
  themes: fc.subarray(['food', 'money'], { minLength: 1 }),
  open: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  points: fc.array(point, { maxLength: 2 }),
  areaCodes: fc.oneof(fc.constant([] as string[]), fc.constantFrom(['A1'], ['W1'])),
  capacity: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(null)),
  eligibility: fc.record({
    minimumAge: fc.oneof(fc.constant(null), fc.integer({ min: 16, max: 60 })),
    maximumAge: fc.oneof(fc.constant(null), fc.integer({ min: 30, max: 80 })),
  }),
  languages: fc.subarray(['english', 'Urdu']),
  hoursPerWeek: fc.constant(null),
  lastCheckedOn: fc.constant(null),
});

const inputArbitrary = (maxDemands: number, maxUnits: number, maxServices: number) =>
  fc
    .record({
      demands: fc.array(demandArbitrary(maxUnits), { minLength: 1, maxLength: maxDemands }),
      services: fc.array(serviceArbitrary, { minLength: 1, maxLength: maxServices }),
      maxTravelKm: fc.double({ min: 0.5, max: 5, noNaN: true }),
      unmetPenalty: fc.oneof(fc.constant(undefined), fc.double({ min: 0, max: 6, noNaN: true })),
    })
    .map(({ demands, services, maxTravelKm, unmetPenalty }): AllocationInput => ({
      demands: demands.map(({ reach, ...d }, i) => ({
        ...d,
        id: `d${i}`,
        // A2 is in ward W1, so a service covering W1 covers it.
        relatedAreaCodes: d.areaCode === 'A2' ? ['W1'] : [],
        ...(reach === undefined ? {} : { maxTravelKm: reach }),
      })),
      services: services.map((s, i) => ({ ...s, id: `s${i}` })),
      options: unmetPenalty === undefined ? { maxTravelKm } : { maxTravelKm, unmetPenalty },
    }));

/** Every rule an allocation must keep, whatever its cost. */
function expectFeasible(input: AllocationInput): ReturnType<typeof allocate> {
  const allocation = allocate(input);
  const byId = new Map(input.services.map((s) => [s.id, s]));
  const demandsById = new Map(input.demands.map((d) => [d.id, d]));
  const used = new Map<string, number>();
  const placed = new Map<string, number>();
  for (const flow of allocation.flows) {
    const service = byId.get(flow.serviceId) as MatchService;
    const demand = demandsById.get(flow.demandId) as MatchDemand;
    const metres = pairMetres(service, demand, input.options.maxTravelKm);
    expect(metres, `${flow.demandId} → ${flow.serviceId} is not a feasible pair`).not.toBeNull();
    expect(flow.distanceKm * 1000).toBeCloseTo(metres as number, 6);
    expect(flow.units).toBeGreaterThan(0);
    used.set(flow.serviceId, (used.get(flow.serviceId) ?? 0) + flow.units);
    placed.set(flow.demandId, (placed.get(flow.demandId) ?? 0) + flow.units);
  }
  for (const service of input.services)
    expect(used.get(service.id) ?? 0).toBeLessThanOrEqual(capacityOf(service));
  for (const load of allocation.loads) expect(load.load).toBe(used.get(load.serviceId) ?? 0);
  input.demands.forEach((demand, i) => {
    const outcome = allocation.demands[i];
    expect(outcome?.allocated).toBe(placed.get(demand.id) ?? 0);
    expect((outcome?.allocated ?? 0) + (outcome?.unmet ?? 0)).toBe(demand.units);
  });
  return allocation;
}

describe('allocate', () => {
  it('equals the optimum found by trying every assignment (tiny instances)', () => {
    fc.assert(
      fc.property(inputArbitrary(3, 2, 3), (input) => {
        const allocation = expectFeasible(input);
        const penalty = unmetPenaltyMetres(input);
        expect(Math.round(allocation.cost * 1000)).toBe(bruteForce(input, penalty));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the Bellman-Ford optimum over every pair (small instances)', () => {
    fc.assert(
      fc.property(inputArbitrary(10, 8, 8), (input) => {
        const allocation = expectFeasible(input);
        const penalty = unmetPenaltyMetres(input);
        expect(Math.round(allocation.cost * 1000)).toBe(referenceMinCost(allPairsProblem(input, penalty)));
        expect(allocation.cost).toBeLessThanOrEqual(allocation.greedyCost + 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('covers as many people as possible under the default penalty', () => {
    fc.assert(
      fc.property(inputArbitrary(8, 6, 6), (input) => {
        const { options } = input;
        const allocation = allocate({ ...input, options: { maxTravelKm: options.maxTravelKm } });
        // The most people that can be placed: the same flow with travel free and a positive penalty.
        const problem = allPairsProblem(input, 1);
        problem.arcCost.fill(0);
        expect(allocation.unmetUnits).toBe(referenceMinCost(problem));
      }),
      { numRuns: 200 },
    );
  });
});

describe('each demand’s own reach (the reach rule for its area)', () => {
  const kmNorth = (km: number) => ({ lat: 53 + km / 111.19508, lng: -2 });
  const pantry: MatchService = {
    id: 'pantry',
    name: 'Pantry',
    themes: ['food'],
    open: true,
    points: [kmNorth(4)],
    areaCodes: [],
    capacity: 100,
    eligibility: { minimumAge: null, maximumAge: null },
    languages: [],
    hoursPerWeek: null,
    lastCheckedOn: null,
  };
  const demand = (id: string, maxTravelKm?: number): MatchDemand => ({
    id,
    needId: null,
    areaCode: id,
    theme: 'food',
    point: kmNorth(0),
    units: 10,
    ...(maxTravelKm === undefined ? {} : { maxTravelKm }),
  });

  it.each<[string, number | undefined, number, number]>([
    ['urban, 3 km: the pantry 4 km away is beyond it', 3, 5, 0],
    ['rural, 10 km: the pantry is within it', 10, 5, 10],
    ['none of its own: the run’s 5 km', undefined, 5, 10],
    ['none of its own, run of 2 km', undefined, 2, 0],
  ])('%s', (_name, reach, runKm, placed) => {
    const allocation = allocate({
      demands: [demand('A', reach)],
      services: [pantry],
      options: { maxTravelKm: runKm },
    });
    expect(allocation.allocatedUnits).toBe(placed);
  });

  it('prices an unmet person above the longest reach in the run', () => {
    const input: AllocationInput = {
      demands: [demand('A', 3), demand('B', 12)],
      services: [pantry],
      options: { maxTravelKm: 5 },
    };
    expect(unmetPenaltyMetres(input)).toBe(13_000 * 2);
  });
});
