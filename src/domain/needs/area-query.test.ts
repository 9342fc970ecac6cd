import { describe, expect, it } from 'vitest';
import { chordKm, earthRadiusKm } from './area-query.js';

/** The squared chord on the unit sphere of a great-circle distance. */
const chord2Of = (km: number) => 4 * Math.sin(km / (2 * earthRadiusKm)) ** 2;

describe('chordKm', () => {
  it.each([
    { km: 0, why: 'the same point' },
    { km: 0.001, why: 'a metre' },
    { km: 3, why: 'the urban reach' },
    { km: 10, why: 'the rural reach' },
    { km: 12.7, why: 'just inside the series' },
    { km: 12.8, why: 'just beyond it, where Math.asin answers' },
    { km: 250, why: 'across England' },
    { km: Math.PI * earthRadiusKm, why: 'the far side of the earth' },
  ])('gives the great-circle distance back from its chord: $why', ({ km }) => {
    const back = chordKm(chord2Of(km));
    expect(Math.abs(back - km)).toBeLessThanOrEqual(1e-9 * Math.max(1, km));
  });

  it('never gives more than half the circumference, even for a chord rounded past the diameter', () => {
    expect(chordKm(4.000000000000001)).toBeCloseTo(Math.PI * earthRadiusKm, 9);
  });
});
