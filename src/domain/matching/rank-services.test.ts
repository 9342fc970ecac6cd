import { describe, expect, it } from 'vitest';
import type { MatchService, RankQuery } from './allocation-types.js';
import { rankServices } from './allocate.js';

/** One degree of latitude is 111.195 km. */
const kmNorth = (km: number) => 53 + km / 111.19508;
const service = (id: string, overrides: Partial<MatchService> = {}): MatchService => ({
  id,
  name: id,
  themes: ['food'],
  open: true,
  points: [{ lat: 53, lng: -2 }],
  areaCodes: [],
  capacity: 20,
  eligibility: { minimumAge: null, maximumAge: null },
  languages: [],
  accessibility: null,
  hoursPerWeek: 40,
  lastCheckedOn: '2026-10-01',
  ...overrides,
});
const query = (services: MatchService[], overrides: Partial<RankQuery> = {}): RankQuery => ({
  point: { lat: 53, lng: -2 },
  areaCode: 'E01000001',
  relatedAreaCodes: ['E05000001'],
  theme: 'food',
  circumstances: { age: 70, languages: ['Urdu'] },
  services,
  maxTravelKm: 5,
  today: '2026-11-30',
  ...overrides,
});

describe('rankServices', () => {
  it.each([
    ['closed', service('x', { open: false }), 'It is not open at the moment.'],
    ['different theme', service('x', { themes: ['money'] }), 'It does not work on this theme.'],
    [
      'age',
      service('x', { eligibility: { minimumAge: 18, maximumAge: 65 } }),
      'It is for people aged 18 to 65.',
    ],
    ['language', service('x', { languages: ['English', 'Polish'] }), 'It works in English, Polish only.'],
    [
      'out of range',
      service('x', { points: [{ lat: kmNorth(6), lng: -2 }] }),
      'Its nearest place is 6.0 km away, beyond 5.0 km, and it does not cover this area.',
    ],
    ['out of range', service('x', { points: [] }), 'It has no places and does not cover this area.'],
  ])('leaves a service out: %s', (reason, left, text) => {
    const ranking = rankServices(query([left]));
    expect(ranking.ranked).toEqual([]);
    expect(ranking.leftOut).toEqual([
      {
        serviceId: 'x',
        name: 'x',
        reason,
        text,
        ...(text.startsWith('Its nearest place is 6.0') ? { distanceKm: 6 } : {}),
      },
    ]);
  });

  it('keeps a far service that covers the area (through a related area), serving people where they are', () => {
    const far = service('far', { points: [{ lat: kmNorth(20), lng: -2 }], areaCodes: ['E05000001'] });
    const [ranked] = rankServices(query([far])).ranked;
    expect(ranked?.reach).toBe('covers the area');
    expect(ranked?.distanceKm).toBeCloseTo(20, 3);
    expect(ranked?.reasons.find((r) => r.factor === 'coverage')?.points).toBe(5);
    expect(ranked?.reasons.find((r) => r.factor === 'distance')?.points).toBe(25);
  });

  it('scores each factor as documented, and the score is their sum', () => {
    const loads = new Map([['near', 15]]);
    const near = service('near', {
      themes: ['food', 'money'],
      points: [{ lat: kmNorth(2), lng: -2 }],
      languages: ['English', 'Urdu'],
      hoursPerWeek: 20,
      lastCheckedOn: '2026-01-15',
    });
    const [ranked] = rankServices(query([near], { loads })).ranked;
    const points = Object.fromEntries(ranked?.reasons.map((r) => [r.factor, r.points]) ?? []);
    expect(points).toEqual({
      theme: 7,
      eligibility: 10,
      language: 10,
      coverage: 0,
      distance: 15, // 25 × (1 − 2 / 5)
      hours: 5, // 10 × 20 / 40
      capacity: 3.8, // 15 × 5 / 20 rounded
      checked: 5, // checked over 6 months but within 12 months ago
      access: 5, // no access needs given
    });
    expect(ranked?.score).toBe(60.8);
    expect(ranked?.reasons.find((r) => r.factor === 'capacity')?.text).toBe(
      'It has room for 5 more (15 of 20 places used).',
    );
    expect(ranked?.reasons.find((r) => r.factor === 'language')?.text).toBe('It works in Urdu.');
  });

  it('ranks best first, then nearest, then by name', () => {
    const services = [
      service('stale', { lastCheckedOn: '2024-01-01' }),
      service('b-fresh'),
      service('a-fresh'),
      service('far-fresh', { points: [{ lat: kmNorth(1), lng: -2 }] }),
    ];
    expect(rankServices(query(services)).ranked.map((r) => r.serviceId)).toEqual([
      'a-fresh',
      'b-fresh',
      'far-fresh',
      'stale',
    ]);
  });

  it('notes unrecorded capacity, hours, checks and accessibility against access needs', () => {
    const bare = service('bare', { capacity: null, hoursPerWeek: null, lastCheckedOn: null });
    const [ranked] = rankServices(
      query([bare], { circumstances: { accessNeeds: ['step-free access'] } }),
    ).ranked;
    expect(ranked?.reasons.filter((r) => r.points === 0).map((r) => r.text)).toEqual([
      'It does not cover this area; people travel to it.',
      'Its opening hours are not recorded.',
      'Its capacity is not recorded.',
      'Its details have never been checked.',
      'Its accessibility is not recorded: ask before referring.',
    ]);
  });
});
