import { describe, expect, it } from 'vitest';
import { isLocalAuthorityCode, isPartnershipSlug } from '../partnerships/local-authority-code.js';
import { buildDemoWorld } from './demo-partnerships.js';

describe('buildDemoWorld', () => {
  const world = buildDemoWorld();

  it('is the same for the same seed and differs for another', () => {
    expect(buildDemoWorld()).toEqual(world);
    expect(buildDemoWorld(1)).not.toEqual(world);
  });

  it('has well-formed partnerships and one person per role', () => {
    for (const partnership of world.partnerships) {
      expect(isPartnershipSlug(partnership.slug)).toBe(true);
      expect(isLocalAuthorityCode(partnership.localAuthorityCode)).toBe(true);
    }
    const roles = new Set(world.people.flatMap((p) => p.memberships.map((m) => m.role)));
    expect([...roles].sort()).toEqual(['council-member', 'partnership-admin', 'vcs-member', 'viewer']);
    expect(world.people.filter((p) => p.nationalAdmin)).toHaveLength(1);
  });

  it('only names organisations that exist in the partnership', () => {
    for (const person of world.people) {
      for (const membership of person.memberships) {
        const partnership = world.partnerships.find((p) => p.slug === membership.partnership);
        expect(partnership).toBeDefined();
        if (membership.organisation) {
          expect(partnership?.organisations.map((o) => o.key)).toContain(membership.organisation);
        }
      }
    }
  });

  it('includes council, voluntary and faith organisations', () => {
    const kinds = new Set(world.partnerships[0]?.organisations.map((o) => o.kind));
    expect(kinds).toEqual(
      new Set(['council', 'infrastructure', 'vcs', 'faith', 'social-enterprise', 'health']),
    );
  });
});
