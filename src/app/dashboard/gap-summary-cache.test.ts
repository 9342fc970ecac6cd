import { describe, expect, it } from 'vitest';
import { createGapSummaryCache } from './gap-summary-cache.js';

describe('the dashboard gap summary cache', () => {
  const counter = () => {
    let calls = 0;
    return {
      compute: () => Promise.resolve(`summary ${++calls}`),
      calls: () => calls,
    };
  };

  it.each([
    ['just after', 1_000, 'summary 1', 1],
    ['a moment before the time runs out', 59_999, 'summary 1', 1],
    ['when the time has run out', 60_000, 'summary 2', 2],
    ['when the clock went backwards', -1, 'summary 2', 2],
  ])('%s it answers %s', async (_label, later, expected, calls) => {
    const cache = createGapSummaryCache<string>(60_000);
    const c = counter();
    expect(await cache.get('p1', 100_000, c.compute)).toBe('summary 1');
    expect(await cache.get('p1', 100_000 + later, c.compute)).toBe(expected);
    expect(c.calls()).toBe(calls);
  });

  it('keeps each partnership apart', async () => {
    const cache = createGapSummaryCache<string>(60_000);
    expect(await cache.get('p1', 0, () => Promise.resolve('one'))).toBe('one');
    expect(await cache.get('p2', 0, () => Promise.resolve('two'))).toBe('two');
    expect(await cache.get('p1', 10, () => Promise.resolve('changed'))).toBe('one');
  });

  it('does not keep a failure', async () => {
    const cache = createGapSummaryCache<string>(60_000);
    await expect(cache.get('p1', 0, () => Promise.reject(new Error('database gone')))).rejects.toThrow(
      'database gone',
    );
    expect(await cache.get('p1', 10, () => Promise.resolve('recovered'))).toBe('recovered');
  });

  it('shares one analysis between requests that arrive together', async () => {
    const cache = createGapSummaryCache<string>(60_000);
    const c = counter();
    const [a, b] = await Promise.all([cache.get('p1', 0, c.compute), cache.get('p1', 5, c.compute)]);
    expect([a, b]).toEqual(['summary 1', 'summary 1']);
    expect(c.calls()).toBe(1);
  });
});
