import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisArea, AnalysisService, GapAnalysisInput } from './analysis-types.js';
import { analyseGaps, defaultGapSettings, explainGap } from './analyse.js';
import { combineNeed, localNeedFrom } from './local-need.js';

const kmPerDegree = (6371.0088 * Math.PI) / 180;
const north = (km: number) => ({ lat: 53 + km / kmPerDegree, lng: -2 });

const area = (code: string, more: Partial<AnalysisArea> = {}): AnalysisArea => ({
  code,
  name: code,
  level: 'lsoa',
  point: { lat: 53, lng: -2 },
  population: 1000,
  ruralUrban: 'urban',
  ancestorCodes: ['W1'],
  descendantCodes: [],
  ...more,
});

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

// L1 is most deprived (decile 1: 95), L2 least (decile 10: 5); L3 has no statistic but a severe record.
const input: GapAnalysisInput = {
  areas: [
    area('L1'),
    area('L2', { point: north(10) }),
    area('L3', { point: north(20), ruralUrban: 'rural' }),
  ],
  themes: [
    { id: 'food', name: 'Food' },
    { id: 'housing', name: 'Housing' },
  ],
  indicators: [
    {
      key: 'income',
      name: 'Income deprivation',
      edition: 'IMD 2025',
      higherIsMoreNeed: true,
      values: new Map([
        ['L1', { value: 0.4, rank: 10, decile: 1 }],
        ['L2', { value: 0.02, rank: 30000, decile: 10 }],
      ]),
    },
  ],
  links: [{ theme: 'food', indicatorKey: 'income', weight: 1 }],
  needs: [
    {
      id: 'n1',
      areaCode: 'L3',
      theme: 'food',
      severity: 4,
      peopleAffected: null,
      reportedOn: '2026-10-01',
      source: 'survey',
    },
  ],
  services: [
    service('on-the-spot', { points: [north(0)], capacityPerWeek: 25 }), // L1: 1 × 0.5
    service('covers-ward', { areaCodes: ['W1'], hoursPerWeek: 7 }), // every area: 1 × 0.25
    service('rural-4km', { points: [north(16)] }), // L3 (rural, 8 km reach): 0.5
    service('closed', { points: [north(10)], open: false }),
  ],
  // The hand-computed figures below use these reaches.
  settings: { ...defaultGapSettings, reachKm: { urban: 1.6, town: 4, rural: 8 } },
};

describe('analyseGaps', () => {
  const { cells } = analyseGaps(input);

  it('gives one cell per area and theme, area by area', () => {
    expect(cells.map((c) => `${c.areaCode}:${c.theme}`)).toEqual([
      'L1:food',
      'L1:housing',
      'L2:food',
      'L2:housing',
      'L3:food',
      'L3:housing',
    ]);
  });

  it.each([
    // code, theme, need, provision, services, class, nearest km, nearest service
    ['L1', 'food', 95, 0.75, 2, 'thin-provision', 0, 'on-the-spot'],
    ['L2', 'food', 5, 0.25, 1, 'balanced', 6, 'rural-4km'],
    ['L3', 'food', 80, 0.75, 2, 'thin-provision', 4, 'rural-4km'],
    ['L1', 'housing', null, 0, 0, 'no-data', null, null],
  ] as const)('%s %s: need %s, provision %s', (code, theme, need, provision, count, gapClass, km, id) => {
    const cell = cells.find((c) => c.areaCode === code && c.theme === theme);
    expect(cell?.need ?? null).toEqual(need === null ? null : expect.closeTo(need, 10));
    expect(cell?.provision).toBeCloseTo(provision, 10);
    expect(cell?.serviceCount).toBe(count);
    expect(cell?.gapClass).toBe(gapClass);
    if (km === null) expect(cell?.nearestKm).toBeNull();
    else expect(cell?.nearestKm).toBeCloseTo(km, 6);
    expect(cell?.nearestServiceId).toBe(id);
  });

  it('re-weights need when the settings change', () => {
    const settings = { ...input.settings, weights: { statistics: 1, localRecords: 0 } };
    const reweighted = analyseGaps({ ...input, settings }).cells.find((c) => c.areaCode === 'L3');
    expect(reweighted?.need).toBeNull();
    expect(reweighted?.gapClass).toBe('no-data');
  });
});

describe('need against England and the place within the partnership', () => {
  it.each([
    // Deciles only: L1 95, L2 5; L3 has only its severe record (80).
    ['from national deciles', null, { L1: 95, L2: 5, L3: 80 }],
    // Ranks out of 33,755: L1 100 × 33,745 ÷ 33,754, L2 100 × 3,755 ÷ 33,754.
    ['from national ranks', 33_755, { L1: (100 * 33_745) / 33_754, L2: (100 * 3_755) / 33_754, L3: 80 }],
  ])('scores %s and places L1, L3, L2 in that order', (_, rankedAreas, expected) => {
    const ranked: GapAnalysisInput = {
      ...input,
      indicators: input.indicators.map((i) => ({ ...i, rankedAreas })),
    };
    const food = analyseGaps(ranked).cells.filter((c) => c.theme === 'food');
    for (const cell of food)
      expect(cell.need, cell.areaCode).toBeCloseTo(expected[cell.areaCode as 'L1'], 10);
    expect(food.map((c) => [c.areaCode, c.localRank, c.localRankOutOf])).toEqual([
      ['L1', 1, 3],
      ['L2', 3, 3],
      ['L3', 2, 3],
    ]);
  });

  it('places no area for a theme with no evidence', () => {
    const housing = analyseGaps(input).cells.filter((c) => c.theme === 'housing');
    expect(housing.map((c) => [c.need, c.localRank, c.localRankOutOf, c.gapClass])).toEqual([
      [null, null, 0, 'no-data'],
      [null, null, 0, 'no-data'],
      [null, null, 0, 'no-data'],
    ]);
  });
});

describe('explainGap', () => {
  it('explains a cell: the same numbers as the analysis, contributions that add up, the need recomputed', () => {
    const explanation = explainGap(input, 'L1', 'food');
    const cell = analyseGaps(input).cells.find((c) => c.areaCode === 'L1' && c.theme === 'food');
    expect(explanation?.cell).toEqual(cell);
    expect(explanation?.contributions.map((c) => [c.serviceId, c.reason, c.contribution])).toEqual([
      ['on-the-spot', 'nearby', 0.5],
      ['covers-ward', 'covers the area', 0.25],
    ]);
    expect(explanation?.reachKm).toBe(1.6);
    expect(explanation?.classReason).toContain('below the thin-provision threshold of 1.5');
    expect(explanation?.need.statistics.map((s) => [s.indicatorKey, s.edition, s.needPercentile])).toEqual([
      ['income', 'IMD 2025', 95],
    ]);
  });

  it('uses the rural reach for a rural area', () => {
    expect(explainGap(input, 'L3', 'food')?.reachKm).toBe(8);
  });

  it.each([
    ['urban', 'urban', 1.6],
    ['town', 'town', 4],
    ['rural', 'rural', 8],
    ['not known (as urban)', null, 1.6],
  ] as const)('takes the reach rule for a %s area', (_name, ruralUrban, km) => {
    const one = { ...input, areas: [area('L9', { ruralUrban })] };
    expect(explainGap(one, 'L9', 'food')?.reachKm).toBe(km);
  });
});

describe('no provision data', () => {
  // Housing has a need score in L1 but no service or organisation anywhere.
  const withHousingNeed: GapAnalysisInput = {
    ...input,
    links: [...input.links, { theme: 'housing', indicatorKey: 'income', weight: 1 }],
  };

  it.each([
    ['no service and no organisation', undefined, 'no-provision-data', 0, 0],
    ['an organisation with a service elsewhere works on it', new Set(['housing']), 'unmet-need', 95, 0],
    // an organisation that lists no service is potential provision: thin, and the gap score stays need ÷ 1
    ['an organisation listing no service works on it', new Set(['housing']), 'thin-provision', 95, 2],
  ] as const)(
    'with %s, housing in L1 is %s',
    (_name, themesWithOrganisations, gapClass, score, potential: number) => {
      const run = {
        ...withHousingNeed,
        ...(themesWithOrganisations ? { themesWithOrganisations } : {}),
        ...(potential ? { potentialProvision: new Map([['housing', potential]]) } : {}),
      };
      const cell = analyseGaps(run).cells.find((c) => c.areaCode === 'L1' && c.theme === 'housing');
      expect(cell?.gapClass).toBe(gapClass);
      expect(cell?.gapScore).toBeCloseTo(score, 6);
      expect(explainGap(run, 'L1', 'housing')?.cell).toEqual(cell);
    },
  );

  it('names the organisations that list no service in the reason', () => {
    const run = {
      ...withHousingNeed,
      themesWithOrganisations: new Set(['housing']),
      potentialProvision: new Map([['housing', 2]]),
    };
    expect(explainGap(run, 'L1', 'housing')?.classReason).toContain(
      'but 2 charities or groups work on this but list no service, so provision is thin',
    );
  });

  it('says why, and what to do', () => {
    expect(explainGap(withHousingNeed, 'L1', 'housing')?.classReason).toBe(
      'Need is 95, but no service or organisation anywhere in the partnership is recorded for this theme, so provision is not known: import or add the services and organisations that work on it.',
    );
  });

  it('counts a closed service as data: provision is then known to be nothing open', () => {
    const closed = {
      ...withHousingNeed,
      services: [...input.services, service('shut', { themes: ['housing'], open: false })],
    };
    const cell = analyseGaps(closed).cells.find((c) => c.areaCode === 'L1' && c.theme === 'housing');
    expect(cell?.gapClass).toBe('unmet-need');
  });

  it.each([
    ['an unknown area', 'E01999999', 'food'],
    ['an unknown theme', 'L1', 'gardening'],
  ])('is undefined for %s', (_, code, theme) => {
    expect(explainGap(input, code, theme)).toBeUndefined();
  });

  it('always adds up (contributions to the provision, need inputs to the need score) and matches the analysis', () => {
    const place = fc.record({
      lat: fc.double({ min: 52.95, max: 53.05, noNaN: true }),
      lng: fc.double({ min: -2.05, max: -1.95, noNaN: true }),
    });
    const randomService = fc.record({
      points: fc.array(place, { maxLength: 3 }),
      areaCodes: fc.subarray(['L1', 'L2', 'W1', 'W9']),
      polygons: fc.array(
        place.map(({ lat, lng }) => ({
          type: 'Polygon',
          coordinates: [
            [
              [lng - 0.05, lat - 0.05],
              [lng + 0.05, lat - 0.05],
              [lng + 0.05, lat + 0.05],
              [lng - 0.05, lat + 0.05],
              [lng - 0.05, lat - 0.05],
            ],
          ],
        })),
        { maxLength: 1 },
      ),
      open: fc.boolean(),
      capacityPerWeek: fc.option(fc.integer({ min: 0, max: 400 })),
      hoursPerWeek: fc.option(fc.double({ min: 0, max: 168, noNaN: true })),
    });
    fc.assert(
      fc.property(
        fc.array(randomService, { maxLength: 12 }),
        fc.constantFrom('L1', 'L2', 'L3'),
        (specs, code) => {
          const services = specs.map((spec, i) => service(`s${i}`, spec));
          const explanation = explainGap({ ...input, services }, code, 'food');
          if (!explanation) throw new Error('Expected an explanation');
          const cells = analyseGaps({ ...input, services }).cells;
          expect(explanation.cell).toEqual(cells.find((c) => c.areaCode === code && c.theme === 'food'));
          const sum = explanation.contributions.reduce((total, c) => total + c.contribution, 0);
          expect(sum).toBeCloseTo(explanation.cell.provision, 9);
          expect(explanation.contributions).toHaveLength(explanation.cell.serviceCount);
          const { need } = explanation;
          const weightSum = need.statistics.reduce((total, s) => total + s.weight, 0);
          const stats =
            weightSum > 0
              ? need.statistics.reduce((t, s) => t + s.weight * s.needPercentile, 0) / weightSum
              : null;
          expect(stats).toBe(need.statisticsNeed);
          expect(localNeedFrom(need.records.map((r) => r.score))).toBe(need.localNeed);
          expect(combineNeed(stats, need.localNeed, need.weights)).toBe(explanation.cell.need);
        },
      ),
      { numRuns: 200 },
    );
  });
});
