import { describe, expect, it } from 'vitest';
import type { RoundResults } from '../../domain/results/index.js';
import { createResultsCache } from './results-cache.js';

const results = (label: string) => ({ threshold: Number(label.length) }) as unknown as RoundResults;

describe('createResultsCache', () => {
  it('returns results only for the same answers version', () => {
    const cache = createResultsCache();
    const first = results('a');
    cache.set('round-1', 3, first);
    expect(cache.get('round-1', 3)).toBe(first);
    expect(cache.get('round-1', 4)).toBeUndefined();
    expect(cache.get('round-2', 3)).toBeUndefined();
  });

  it('forgets the least recently used round beyond its capacity', () => {
    const cache = createResultsCache(2);
    cache.set('a', 1, results('a'));
    cache.set('b', 1, results('b'));
    expect(cache.get('a', 1)).toBeDefined(); // a is now the most recent
    cache.set('c', 1, results('c'));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('c', 1)).toBeDefined();
  });
});
