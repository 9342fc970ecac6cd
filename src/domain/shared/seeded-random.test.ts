import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(new Set(first).size).toBe(5);
  });

  it('keeps integers in range and covers both ends', () => {
    const random = seededRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.integer(1, 4)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
  });

  it('refuses to pick from nothing', () => {
    expect(() => seededRandom(1).pick([])).toThrow(/empty/);
  });
});
