import { describe, expect, it } from 'vitest';
import { isStale } from '../directory/freshness.js';
import { northmoorDemoServices } from './demo-directory.js';
import { buildDemoWorld } from './demo-partnerships.js';

describe('the demo directory', () => {
  it('belongs to Northmoor’s demo organisations, with unique keys, a hidden refuge and some records to check', () => {
    const northmoor = buildDemoWorld().partnerships.find((p) => p.slug === 'northmoor');
    const names = new Set(northmoor?.organisations.map((o) => o.name));
    expect(northmoorDemoServices.filter((s) => !names.has(s.owner))).toEqual([]);
    expect(new Set(northmoorDemoServices.map((s) => s.key)).size).toBe(northmoorDemoServices.length);
    const refuge = northmoorDemoServices.find((s) => s.key === 'refuge');
    expect(refuge?.details.locations.every((l) => l.visibility === 'hidden')).toBe(true);
    const now = new Date('2026-11-30T12:00:00Z');
    const checked = (s: (typeof northmoorDemoServices)[number]) =>
      s.checkedDaysAgo === null
        ? null
        : new Date(now.getTime() - s.checkedDaysAgo * 86_400_000).toISOString();
    expect(northmoorDemoServices.filter((s) => isStale(checked(s), now)).map((s) => s.key)).toEqual([
      'pantry',
      'energy-advice',
      'wellbeing-walks',
    ]);
  });
});
