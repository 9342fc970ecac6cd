import { describe, expect, it } from 'vitest';
import {
  defaultReachRule,
  describeReachHere,
  describeReachRule,
  reachClassOf,
  reachKmFor,
  type ReachClass,
} from './reach-rule.js';

const rule = { urban: 2, town: 4.5, rural: 12 };

describe('the reach rule', () => {
  it.each<[string, ReachClass | null, number]>([
    ['urban', 'urban', 2],
    ['town', 'town', 4.5],
    ['rural', 'rural', 12],
    ['not known counts as urban', null, 2],
  ])('reach for %s', (_name, reachClass, km) => {
    expect(reachKmFor(rule, reachClass)).toBe(km);
  });

  it.each<[number | null, ReachClass | null]>([
    [0, 'urban'],
    [0.2, 'urban'],
    [0.25, 'town'],
    [0.5, 'town'],
    [0.74, 'town'],
    [0.75, 'rural'],
    [1, 'rural'],
    [null, null],
    [Number.NaN, null],
  ])('a rural share of %s is %s', (share, reachClass) => {
    expect(reachClassOf(share)).toBe(reachClass);
  });

  it('keeps its documented defaults, growing from urban to rural', () => {
    expect(defaultReachRule).toEqual({ urban: 3, town: 6, rural: 10 });
  });

  it('says the rule in plain words', () => {
    expect(describeReachRule(rule)).toBe(
      'Services count for an area when they are within 2 km in towns and cities, 4.5 km in small towns and larger villages and 12 km in smaller villages and the countryside: the partnership’s reach rule.',
    );
    expect(describeReachHere(rule, 'town')).toBe(
      'Services count within 4.5 km of this area (small towns and larger villages): the partnership’s reach rule.',
    );
    expect(describeReachHere(rule, null)).toContain('within 2 km of this area (towns and cities)');
  });
});
