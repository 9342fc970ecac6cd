import { describe, expect, it } from 'vitest';
import { checkIntentionDraft, isMultiYear, parseNeedCell, type IntentionDraft } from './commissioning.js';
import { mayChangeOpportunity, mayManageCommissioning, mayRegisterInterestFor } from './permissions.js';

const rules = {
  areaCodes: new Set(['E05000001']),
  themeIds: new Set(['food']),
  serviceIds: new Set(['service-1']),
};
const draft = (overrides: Partial<IntentionDraft> = {}): IntentionDraft => ({
  title: 'Food support',
  needCells: ['E05000001:food'],
  outcomes: 'Nobody goes hungry\n\n- Referrals in two days',
  budget: '£120,000',
  currency: 'GBP',
  durationMonths: '24',
  route: 'social-investment',
  serviceIds: ['service-1'],
  status: '',
  ...overrides,
});

describe('checkIntentionDraft', () => {
  it('accepts an intention, reading outcomes one a line and the budget in pence', () => {
    expect(checkIntentionDraft(draft(), rules)).toMatchObject({
      ok: true,
      value: {
        needCells: [{ areaCode: 'E05000001', theme: 'food' }],
        outcomes: ['Nobody goes hungry', 'Referrals in two days'],
        budget: 12_000_000,
        durationMonths: 24,
        status: 'idea',
      },
    });
  });
  it.each([
    [{ title: 'ab' }, 'title'],
    [{ needCells: [] }, 'needCells'],
    [{ needCells: ['E05999999:food'] }, 'needCells'],
    [{ needCells: ['not a cell'] }, 'needCells'],
    [{ outcomes: ' \n ' }, 'outcomes'],
    [{ budget: 'lots' }, 'budget'],
    [{ durationMonths: '1.5' }, 'durationMonths'],
    [{ durationMonths: '0' }, 'durationMonths'],
    [{ route: 'lottery' }, 'route'],
    [{ serviceIds: ['someone-elses'] }, 'serviceIds'],
    [{ status: 'maybe' }, 'status'],
  ] as const)('rejects %o with a problem on %s', (overrides, field) => {
    const result = checkIntentionDraft(draft(overrides), rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual([field]);
  });
  it.each([
    [null, false],
    [12, false],
    [13, true],
    [36, true],
  ] as const)('%s months is multi-year: %s', (months, expected) => {
    expect(isMultiYear(months)).toBe(expected);
  });
  it('reads need cells only in the form AREA:theme', () => {
    expect(parseNeedCell('E05000001:money-debt-and-benefits')).toEqual({
      areaCode: 'E05000001',
      theme: 'money-debt-and-benefits',
    });
    expect(parseNeedCell('E05000001')).toBeNull();
  });
});

describe('funding permissions', () => {
  const admin = { role: 'partnership-admin', organisationId: 'council', userId: 'u1' } as const;
  const vcs = { role: 'vcs-member', organisationId: 'foodbank', userId: 'u2' } as const;
  const viewer = { role: 'viewer', organisationId: 'foodbank', userId: 'u3' } as const;
  const council = { role: 'council-member', organisationId: 'council', userId: 'u4' } as const;
  it.each([
    [admin, 'advice', true],
    [vcs, 'foodbank', true],
    [vcs, 'advice', false],
    [viewer, 'foodbank', false],
    [council, 'council', true],
  ] as const)('%o may register interest for %s: %s', (member, organisationId, expected) => {
    expect(mayRegisterInterestFor(member, organisationId)).toBe(expected);
  });
  it('lets admins and the person who added an opportunity change it, never a viewer', () => {
    expect(mayChangeOpportunity(admin, { createdBy: null })).toBe(true);
    expect(mayChangeOpportunity(vcs, { createdBy: 'u2' })).toBe(true);
    expect(mayChangeOpportunity(vcs, { createdBy: 'u1' })).toBe(false);
    expect(mayChangeOpportunity({ ...viewer, userId: 'u3' }, { createdBy: 'u3' })).toBe(false);
  });
  it('keeps commissioning to admins and council members', () => {
    expect([admin, council, vcs, viewer].map(mayManageCommissioning)).toEqual([true, true, false, false]);
  });
});
