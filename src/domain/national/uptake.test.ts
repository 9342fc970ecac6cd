import { describe, expect, it } from 'vitest';
import { showPeopleCount, summariseUptake, type UptakeInput } from './uptake.js';

describe('showPeopleCount', () => {
  it.each([
    [0, 0],
    [1, 'fewer-than-minimum'],
    [4, 'fewer-than-minimum'],
    [5, 5],
    [120, 120],
  ])('%s people show as %s', (count, shown) => {
    expect(showPeopleCount(count)).toBe(shown);
  });
});

describe('summariseUptake', () => {
  const input: UptakeInput = {
    today: '2026-06-01',
    partnerships: [
      { id: 'a', councilType: 'metropolitan', region: 'North West', benchmarkOptIn: true },
      { id: 'b', councilType: 'unitary', region: 'North West', benchmarkOptIn: false },
      { id: 'c', councilType: 'london-borough', region: 'London', benchmarkOptIn: true },
      { id: 'd', councilType: undefined, region: undefined, benchmarkOptIn: false },
    ],
    rounds: [
      { partnershipId: 'a', opensOn: '2026-01-01', closesOn: '2026-01-31', closedAt: null }, // closed by date
      { partnershipId: 'a', opensOn: '2026-05-20', closesOn: '2026-06-20', closedAt: null }, // open
      { partnershipId: 'c', opensOn: '2026-05-20', closesOn: '2026-06-20', closedAt: '2026-05-30T10:00:00Z' },
      { partnershipId: 'c', opensOn: '2026-07-01', closesOn: '2026-07-31', closedAt: null }, // scheduled
    ],
    respondents: [
      { groupKind: 'council', submitted: 6 },
      { groupKind: 'council', submitted: 3 }, // another partnership: 9 in all
      { groupKind: 'faith', submitted: 2 }, // too few to show
    ],
    activeActions: [
      { partnershipId: 'a', active: 4 },
      { partnershipId: 'c', active: 1 },
    ],
  };

  it('counts each region, with the unrecorded region last and empty regions left out', () => {
    const uptake = summariseUptake(input);
    expect(
      uptake.regions.map((r) => [r.region, r.partnerships, r.withRounds, r.roundsClosed, r.roundsOpen]),
    ).toEqual([
      ['North West', 2, 1, 1, 1],
      ['London', 1, 1, 1, 0],
      [undefined, 1, 0, 0, 0],
    ]);
    expect(uptake.regions[0]?.byCouncilType).toMatchObject({ metropolitan: 1, unitary: 1, county: 0 });
    expect(uptake.regions[2]?.byCouncilType.unknown).toBe(1);
  });

  it('totals partnerships, rounds, actions and benchmarking', () => {
    const { totals } = summariseUptake(input);
    expect(totals).toMatchObject({
      partnerships: 4,
      withRounds: 2,
      roundsClosed: 2,
      roundsOpen: 1,
      activeActions: 5,
      benchmarking: 2,
    });
  });

  it('adds respondents up nationally by group kind and hides small totals', () => {
    expect(summariseUptake(input).respondents).toEqual([
      { groupKind: 'council', submitted: 9 },
      { groupKind: 'faith', submitted: 'fewer-than-minimum' },
    ]);
  });
});
