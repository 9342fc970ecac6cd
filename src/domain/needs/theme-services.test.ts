import { describe, expect, it } from 'vitest';
import type { AnalysisArea, AnalysisService } from './analysis-types.js';
import { analysedAreas, type AreaQuery } from './area-query.js';
import { servicesByTheme, ThemeServices } from './theme-services.js';

// Due north of the area's point, 1 km is 1/111.195 degrees of latitude (the haversine's earth radius).
const kmPerDegree = (6371.0088 * Math.PI) / 180;
const north = (km: number) => ({ lat: 53 + km / kmPerDegree, lng: -2 });

const area: AnalysisArea = {
  code: 'L1',
  name: 'L1',
  level: 'lsoa',
  point: { lat: 53, lng: -2 },
  population: 1500,
  ruralUrban: 'urban',
  ancestorCodes: ['W1', 'AUTH'],
  descendantCodes: ['OA1'],
};

const service = (id: string, more: Partial<AnalysisService> = {}): AnalysisService => ({
  id,
  name: `Service ${id}`,
  organisationName: null,
  themes: ['food'],
  open: true,
  points: [],
  areaCodes: [],
  polygons: [],
  capacityPerWeek: null,
  hoursPerWeek: null,
  ...more,
});

// A square about 2 km across around the point, and one well away from it.
const square = (lat: number, lng: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - 0.015, lat - 0.01],
      [lng + 0.015, lat - 0.01],
      [lng + 0.015, lat + 0.01],
      [lng - 0.015, lat + 0.01],
      [lng - 0.015, lat - 0.01],
    ],
  ],
});

/** Provision of food in one area (reach 8 km if rural, else 1.6 km) from these services. */
function foodProvision(services: readonly AnalysisService[], at: AnalysisArea = area) {
  const analysed = analysedAreas([at], () => (at.ruralUrban === 'rural' ? 8 : 1.6));
  const provider = new ThemeServices(servicesByTheme(services).get('food') ?? [], analysed);
  const query = analysed.queries[0] as AreaQuery;
  return { at: () => provider.at(query), contributions: () => provider.contributions(query) };
}

describe('ThemeServices', () => {
  const far = north(30);
  it.each<[string, AnalysisService[], Partial<AnalysisArea>, number, number]>([
    ['a place on the spot', [service('a', { points: [north(0)] })], {}, 1, 1],
    ['a place half the reach away', [service('a', { points: [north(0.8)] })], {}, 0.5, 1],
    ['a place at the full reach', [service('a', { points: [north(1.6)] })], {}, 0, 0],
    ['rural: half of 8 km', [service('a', { points: [north(4)] })], { ruralUrban: 'rural' }, 0.5, 1],
    ['unknown class is urban', [service('a', { points: [north(4)] })], { ruralUrban: null }, 0, 0],
    [
      'capacity 25 and 70 hours',
      [service('a', { points: [north(0)], capacityPerWeek: 25, hoursPerWeek: 70 })],
      {},
      0.75,
      1,
    ],
    ['covers the area by its code', [service('a', { points: [far], areaCodes: ['L1'] })], {}, 1, 1],
    ['covers its ward', [service('a', { areaCodes: ['W1'] })], {}, 1, 1],
    ['covers an area inside it', [service('a', { areaCodes: ['OA1'] })], {}, 1, 1],
    ['covers another area', [service('a', { areaCodes: ['L2'] })], {}, 0, 0],
    ['a polygon around the point', [service('a', { polygons: [square(53, -2)] })], {}, 1, 1],
    ['a polygon elsewhere', [service('a', { polygons: [square(53.5, -2)] })], {}, 0, 0],
    ['a closed service', [service('a', { points: [north(0)], areaCodes: ['L1'], open: false })], {}, 0, 0],
    ['another theme', [service('a', { points: [north(0)], themes: ['housing'] })], {}, 0, 0],
    ['nearest of two places, once', [service('a', { points: [north(0.8), north(0.4)] })], {}, 0.75, 1],
    [
      'near and covering counts once, at the larger',
      [
        service('a', {
          points: [north(0.8)],
          areaCodes: ['L1', 'AUTH'],
          polygons: [square(53, -2)],
          capacityPerWeek: 100,
        }),
      ],
      {},
      2,
      1,
    ],
    [
      'two services add up',
      [service('a', { points: [north(0)] }), service('b', { points: [north(0.8)] })],
      {},
      1.5,
      2,
    ],
  ])('%s', (_, services, areaChanges, provision, count) => {
    const provider = foodProvision(services, { ...area, ...areaChanges });
    const result = provider.at();
    expect(result.provision).toBeCloseTo(provision, 10);
    expect(result.serviceCount).toBe(count);
    const contributions = provider.contributions();
    expect(contributions).toHaveLength(count);
    expect(contributions.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(result.provision, 12);
    for (const c of contributions) {
      expect(c.contribution).toBeCloseTo(c.distanceFactor * c.capacityFactor * c.hoursFactor, 12);
    }
  });

  it('explains each contribution with its reason and factors', () => {
    const services = [
      service('near', { points: [north(0.8)], capacityPerWeek: 25, hoursPerWeek: 70 }),
      service('covering', { points: [far], areaCodes: ['W1'] }),
    ];
    const contributions = foodProvision(services).contributions();
    expect(
      contributions.map((c) => ({ ...c, distanceKm: Math.round((c.distanceKm ?? -1) * 1000) / 1000 })),
    ).toEqual([
      {
        serviceId: 'near',
        name: 'Service near',
        reason: 'nearby',
        distanceKm: 0.8,
        distanceFactor: expect.closeTo(0.5, 10),
        capacityFactor: 0.5,
        hoursFactor: 1.5,
        contribution: expect.closeTo(0.375, 10),
      },
      {
        serviceId: 'covering',
        name: 'Service covering',
        reason: 'covers the area',
        distanceKm: 30,
        distanceFactor: 1,
        capacityFactor: 1,
        hoursFactor: 1,
        contribution: 1,
      },
    ]);
  });

  it.each<[string, AnalysisService[], number | null, string | null]>([
    ['nothing with the theme', [service('a', { themes: ['housing'], points: [north(1)] })], null, null],
    [
      'within the reach',
      [service('a', { points: [north(1.2)] }), service('b', { points: [north(0.5)] })],
      0.5,
      'b',
    ],
    [
      'beyond the reach, within three reaches',
      [service('a', { points: [north(4)] }), service('b', { points: [north(3)] })],
      3,
      'b',
    ],
    [
      'far beyond the reach',
      [service('a', { points: [north(20)] }), service('b', { points: [north(35)] })],
      20,
      'a',
    ],
    [
      'a closed service nearer',
      [service('a', { points: [north(0.1)], open: false }), service('b', { points: [north(5)] })],
      5,
      'b',
    ],
    ['a covering service with no place', [service('a', { areaCodes: ['L1'] })], null, null],
  ])('access, %s: nearest %s km, service %s', (_, services, km, id) => {
    const result = foodProvision(services).at();
    if (km === null) expect(result.nearestKm).toBeNull();
    else expect(result.nearestKm).toBeCloseTo(km, 6);
    expect(result.nearestServiceId).toBe(id);
  });

  it('finds the nearest place in the corner of the search box without missing a nearer one outside it', () => {
    // Diagonal corner of the 1.6 km box is about 2.26 km away; a place due north at 1.8 km is nearer.
    const corner = {
      lat: 53 + 1.59 / kmPerDegree,
      lng: -2 + 1.59 / kmPerDegree / Math.cos((53 * Math.PI) / 180),
    };
    const services = [service('corner', { points: [corner] }), service('north', { points: [north(1.8)] })];
    const result = foodProvision(services).at();
    expect(result.nearestServiceId).toBe('north');
    expect(result.nearestKm).toBeCloseTo(1.8, 6);
  });
});
