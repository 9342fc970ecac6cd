import { describe, expect, it } from 'vitest';
import type { Allocation, AllocationInput, MatchDemand } from './allocation-types.js';
import { outcomesByAreaAndTheme } from './summarise.js';

const demand = (id: string, areaCode: string, theme: string, units: number): MatchDemand => ({
  id,
  needId: null,
  areaCode,
  theme,
  point: { lat: 53, lng: -2 },
  units,
});

describe('outcomesByAreaAndTheme', () => {
  it('adds up each area and theme, most unmet first, leaving out demands outside the chosen themes', () => {
    const input: AllocationInput = {
      demands: [
        demand('a', 'E1', 'food', 4),
        demand('b', 'E1', 'food', 2),
        demand('c', 'E2', 'food', 3),
        demand('d', 'E1', 'money', 5),
      ],
      services: [],
      options: { maxTravelKm: 5, themes: ['food'] },
    };
    const allocation = {
      demands: [
        { demandId: 'a', units: 4, allocated: 4, unmet: 0 },
        { demandId: 'b', units: 2, allocated: 1, unmet: 1 },
        { demandId: 'c', units: 3, allocated: 0, unmet: 3 },
        { demandId: 'd', units: 0, allocated: 0, unmet: 0 },
      ],
    } as unknown as Allocation;
    expect(outcomesByAreaAndTheme(input, allocation)).toEqual([
      { areaCode: 'E2', theme: 'food', units: 3, allocated: 0, unmet: 3 },
      { areaCode: 'E1', theme: 'food', units: 6, allocated: 5, unmet: 1 },
    ]);
  });
});
