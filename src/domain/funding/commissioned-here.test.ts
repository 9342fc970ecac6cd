import { describe, expect, it } from 'vitest';
import type { AnalysisService, ServiceContribution } from '../needs/analysis-types.js';
import { commissionedHere } from './commissioned-here.js';

const kmNorth = (km: number) => ({ lat: 53 + km / 111.19508, lng: -2 });
const service = (id: string, themes: string[], points = [kmNorth(4)]): AnalysisService => ({
  id,
  name: `Service ${id}`,
  organisationName: null,
  themes,
  open: true,
  points,
  areaCodes: [],
  polygons: [],
  capacityPerWeek: null,
  hoursPerWeek: null,
});
const counted = (serviceId: string): ServiceContribution => ({
  serviceId,
  name: serviceId,
  reason: 'nearby',
  distanceKm: 1,
  distanceFactor: 0.5,
  capacityFactor: 1,
  hoursFactor: 1,
  contribution: 0.5,
});
const area = { point: kmNorth(0) };
const services = [
  service('debt', ['money']),
  service('energy', ['fuel', 'money'], [kmNorth(1)]),
  service('food', ['food']),
  service('phone', ['money'], []),
];

describe('commissionedHere', () => {
  it.each<[string, string[], string, ServiceContribution[], [string, number | null, boolean][]]>([
    ['nothing commissioned', [], 'money', [], []],
    [
      'two advice services, beyond the reach: named with their distance, not counted',
      ['debt', 'energy'],
      'money',
      [],
      [
        ['energy', 1, false],
        ['debt', 4, false],
      ],
    ],
    ['counted when the analysis counts it', ['energy'], 'money', [counted('energy')], [['energy', 1, true]]],
    ['another theme: left out', ['food'], 'money', [], []],
    ['no place: no distance', ['phone'], 'money', [], [['phone', null, false]]],
  ])('%s', (_name, ids, theme, contributions, expected) => {
    const found = commissionedHere(ids, theme, area, services, contributions);
    expect(
      found.map((c) => [
        c.serviceId,
        c.distanceKm === null ? null : Math.round(c.distanceKm * 1000) / 1000,
        c.counted,
      ]),
    ).toEqual(expected);
  });
});
