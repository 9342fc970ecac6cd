import { describe, expect, it } from 'vitest';
import { capacityFactor, distanceFactor, hoursFactor } from './provision.js';

describe('factors', () => {
  it.each([
    [0, 1.6, 1],
    [0.8, 1.6, 0.5],
    [1.6, 1.6, 0],
    [3, 1.6, 0],
    [4, 8, 0.5],
  ])('distance %s km with reach %s km: %s', (km, reach, factor) => {
    expect(distanceFactor(km, reach)).toBeCloseTo(factor, 10);
  });

  it.each([
    [null, 1],
    [50, 1],
    [25, 0.5],
    [75, 1.5],
    [5, 0.25],
    [500, 2],
  ])('capacity %s a week: %s', (capacity, factor) => {
    expect(capacityFactor(capacity)).toBe(factor);
  });

  it.each([
    [null, 1],
    [35, 1],
    [17.5, 0.5],
    [3, 0.25],
    [168, 1.5],
  ])('open %s hours a week: %s', (hours, factor) => {
    expect(hoursFactor(hours)).toBe(factor);
  });
});
