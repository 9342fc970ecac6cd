import { describe, expect, it } from 'vitest';
import { needSeverities, needSources } from '../needs/model.js';
import { findPersonalData } from '../needs/personal-data.js';
import { buildDemoGeography, demoAuthorityPlaces } from './demo-areas.js';
import { demoNeedAreaCode, northmoorDemoNeeds } from './demo-needs.js';
import { buildDemoWorld } from './demo-partnerships.js';

describe('the demo needs register', () => {
  const northmoor = buildDemoWorld().partnerships.find((p) => p.slug === 'northmoor');
  const place = demoAuthorityPlaces.northmoor;
  const geography =
    northmoor && place
      ? buildDemoGeography({
          code: northmoor.localAuthorityCode,
          name: place.name,
          centre: place.centre,
          authorityNumber: 1,
        })
      : { areas: [], values: [] };

  it('has about 25 needs with unique keys, in areas of Northmoor at every level', () => {
    expect(northmoorDemoNeeds.length).toBeGreaterThanOrEqual(22);
    expect(new Set(northmoorDemoNeeds.map((n) => n.key)).size).toBe(northmoorDemoNeeds.length);
    const codes = northmoorDemoNeeds.map((n) => demoNeedAreaCode(n.area, geography.areas));
    expect(codes.filter((c) => c === undefined)).toEqual([]);
    const levels = new Set(codes.map((code) => geography.areas.find((a) => a.code === code)?.level));
    expect([...levels].sort()).toEqual(['authority', 'lsoa', 'ward']);
  });

  it('uses theme ids, known severities, sources and Northmoor organisations, across several themes', () => {
    const organisations = new Set(northmoor?.organisations.map((o) => o.key));
    for (const need of northmoorDemoNeeds) {
      expect(need.theme).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(needSeverities).toContain(need.severity);
      expect(needSources).toContain(need.source);
      if (need.reporter !== null) expect(organisations).toContain(need.reporter);
    }
    const themes = new Set(northmoorDemoNeeds.map((n) => n.theme));
    for (const theme of [
      'food',
      'fuel-and-energy',
      'money-debt-and-benefits',
      'loneliness-and-isolation',
      'mental-health-and-wellbeing',
    ])
      expect(themes).toContain(theme);
  });

  it('holds no personal data: the guard passes every need', () => {
    const flagged = northmoorDemoNeeds
      .map((n) => ({ key: n.key, findings: findPersonalData(n.evidence, { currentYear: 2026 }) }))
      .filter((n) => n.findings.length > 0);
    expect(flagged).toEqual([]);
  });
});
