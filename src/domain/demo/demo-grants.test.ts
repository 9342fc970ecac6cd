import { describe, expect, it } from 'vitest';
import { isDecimal } from '../funding/decimal.js';
import { northmoorDemoGrants } from './demo-grants.js';

describe('Northmoor demo grants', () => {
  const grants = northmoorDemoGrants();

  it('are about 40, with unique keys and exact amounts, the same on every run', () => {
    expect(grants).toHaveLength(42);
    expect(new Set(grants.map((g) => g.key)).size).toBe(42);
    expect(grants.every((g) => isDecimal(g.amount))).toBe(true);
    expect(northmoorDemoGrants()).toEqual(grants);
  });

  it('mix multi-year and one-off, grants and contracts, faith groups and authority-wide grants', () => {
    expect(grants.filter((g) => g.durationMonths > 12).length).toBeGreaterThan(5);
    expect(grants.filter((g) => g.durationMonths <= 12).length).toBeGreaterThan(5);
    expect(grants.some((g) => g.kind === 'contract')).toBe(true);
    const faith = grants.filter(
      (g) =>
        ('organisation' in g.recipient && ['mosque', 'church'].includes(g.recipient.organisation)) ||
        ('name' in g.recipient && /Church/.test(g.recipient.name)),
    );
    expect(faith.length).toBeGreaterThanOrEqual(6);
    expect(grants.some((g) => 'authority' in g.place)).toBe(true);
  });
});
