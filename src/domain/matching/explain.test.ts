import { describe, expect, it } from 'vitest';
import type { AllocationInput, MatchDemand, MatchService } from './allocation-types.js';
import { allocate, explainAllocation } from './allocate.js';

/**
 * A hand-worked instance. One degree of latitude is 111.195 km, so 4.9 km is 0.044066 degrees.
 *
 *   S2 (4.9 km north of A, 1 place)
 *   A and S1 at the same spot (S1 has 1 place); A can use S1 or S2
 *   B (4.9 km south of S1): only S1 is in reach (S2 is 9.8 km away)
 *
 * Cheapest for travel alone is A → S1 and B unmet; covering everyone needs A → S2 (4.9 km) and B → S1 (4.9 km).
 */
const north = 4.9 / 111.19508;
const base = { lat: 53, lng: -2 };
const demand = (id: string, areaCode: string, lat: number, theme = 'food', units = 1): MatchDemand => ({
  id,
  needId: `need-${id}`,
  areaCode,
  theme,
  point: { lat, lng: base.lng },
  units,
});
const service = (id: string, name: string, lat: number, capacity: number): MatchService => ({
  id,
  name,
  themes: ['food'],
  open: true,
  points: [{ lat, lng: base.lng }],
  areaCodes: [],
  capacity,
  eligibility: { minimumAge: null, maximumAge: null },
  languages: [],
  hoursPerWeek: null,
  lastCheckedOn: null,
});
const input: AllocationInput = {
  demands: [
    demand('a', 'E01000001', base.lat),
    demand('b', 'E01000002', base.lat - north),
    demand('c', 'E01000002', base.lat - north, 'housing', 3),
  ],
  services: [service('s1', 'Pantry', base.lat, 1), service('s2', 'Larder', base.lat + north, 1)],
  options: { maxTravelKm: 5 },
};

describe('allocate and explainAllocation on a hand-worked instance', () => {
  it('moves A to the further service so that B, who has no other choice, is served', () => {
    const allocation = allocate(input);
    expect(allocation.flows.map((f) => [f.demandId, f.serviceId, f.units, f.distanceKm])).toEqual([
      ['a', 's2', 1, 4.9],
      ['b', 's1', 1, 4.9],
    ]);
    expect(allocation.unmetUnits).toBe(3);
    // Default penalty: (5 + 1) km × 3 demands = 18 km a person; 9.8 km of travel and 3 unmet.
    expect(allocation.unmetPenalty).toBe(18);
    expect(allocation.cost).toBeCloseTo(9.8 + 3 * 18, 9);
    // The greedy baseline sends A to the nearest (S1) and leaves B unmet.
    expect(allocation.greedyUnmetUnits).toBe(4);
    expect(allocation.greedyCost).toBeCloseTo(4 * 18, 9);
  });

  it('explains where each person went and why the rest were unmet', () => {
    const allocation = allocate(input);
    const first = explainAllocation(input, allocation, 'E01000001');
    expect(first).toMatchObject({ units: 1, allocated: 1, unmet: 0 });
    expect(first.demands[0]?.placements[0]?.why).toBe(
      'Larder is 4.9 km away. Nearer services that could take them were full: Pantry (0.0 km, 1 of 1 places used).',
    );
    const second = explainAllocation(input, allocation, 'E01000002');
    expect(second).toMatchObject({ units: 4, allocated: 1, unmet: 3 });
    expect(second.demands[0]?.placements[0]?.why).toBe(
      'Pantry is 4.9 km away. No service that could take them is nearer.',
    );
    expect(second.demands[1]).toMatchObject({
      unmet: 3,
      unmetReason: 'no eligible service in range',
      feasibleServices: 0,
    });
  });

  it('with a penalty below the detour, leaves B unmet because all services in range are full', () => {
    const cheap = { ...input, options: { maxTravelKm: 5, unmetPenalty: 6 } };
    const allocation = allocate(cheap);
    expect(allocation.flows.map((f) => [f.demandId, f.serviceId])).toEqual([['a', 's1']]);
    expect(allocation.cost).toBeCloseTo(4 * 6, 9);
    const explained = explainAllocation(cheap, allocation, 'E01000002');
    expect(explained.demands[0]).toMatchObject({ unmet: 1, unmetReason: 'all services in range full' });
    expect(explained.demands[0]?.unmetDetail).toBe(
      '1 person could not be placed: every service that could take them was full: Pantry (1 of 1 places used).',
    );
  });

  it('only allocates the chosen themes', () => {
    const allocation = allocate({ ...input, options: { maxTravelKm: 5, themes: ['housing'] } });
    expect(allocation.flows).toEqual([]);
    expect(allocation.demands.map((d) => d.units)).toEqual([0, 0, 3]);
    expect(allocation.unmetUnits).toBe(3);
  });
});
