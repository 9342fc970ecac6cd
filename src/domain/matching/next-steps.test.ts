import { describe, expect, it } from 'vitest';
import type { LeftOutService, ServiceRanking } from './allocation-types.js';
import { nearestBeyondReach } from './next-steps.js';

const far = (name: string, distanceKm?: number): LeftOutService => ({
  serviceId: name,
  name,
  reason: 'out of range',
  text: '',
  ...(distanceKm === undefined ? {} : { distanceKm }),
});
const other = (name: string, reason: LeftOutService['reason']): LeftOutService => ({
  serviceId: name,
  name,
  reason,
  text: '',
});

describe('nearestBeyondReach', () => {
  it.each<[string, LeftOutService[], number, string[]]>([
    ['nothing left out', [], 3, []],
    ['nearest first', [far('c', 9), far('a', 7.5), far('b', 12)], 3, ['a', 'c', 'b']],
    ['at most the limit', [far('c', 9), far('a', 7.5), far('b', 12)], 2, ['a', 'c']],
    ['ties by name', [far('b', 8), far('a', 8)], 3, ['a', 'b']],
    ['no place: not offered', [far('none'), far('a', 8)], 3, ['a']],
    [
      'closed, other theme, age or language: not offered',
      [other('c', 'closed'), other('t', 'different theme'), other('g', 'age'), other('l', 'language')],
      3,
      [],
    ],
  ])('%s', (_name, leftOut, limit, names) => {
    const ranking: ServiceRanking = { ranked: [], leftOut };
    expect(nearestBeyondReach(ranking, limit).map((s) => s.name)).toEqual(names);
  });

  it('keeps each distance', () => {
    expect(nearestBeyondReach({ ranked: [], leftOut: [far('a', 7.25)] })).toEqual([
      { serviceId: 'a', name: 'a', distanceKm: 7.25 },
    ]);
  });
});
