import { describe, expect, it } from 'vitest';
import { checkRoundDraft, roundStatus, ukDate, type RoundDraft } from './round-rules.js';

const base: RoundDraft = {
  name: 'Spring 2027 full assessment',
  kind: 'full',
  threshold: '',
  opensOn: '2027-03-01',
  closesOn: '2027-03-31',
  groups: [
    { kind: 'council', name: 'Council', side: '' },
    { kind: 'vcs', name: 'Voluntary and community sector', side: '' },
    { kind: 'custom', name: 'Housing associations', side: 'community' },
  ],
};
const today = '2027-02-20';

describe('checkRoundDraft', () => {
  it('accepts a good round with defaults: threshold 5, health and council on the council side', () => {
    const result = checkRoundDraft(
      { ...base, groups: [...base.groups, { kind: 'health', name: 'Health', side: 'community' }] },
      today,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.threshold).toBe(5);
    expect(result.value.groups.map((g) => g.side)).toEqual(['council', 'community', 'community', 'council']);
  });

  it.each([
    [{ threshold: '2' }, 'threshold'],
    [{ threshold: '3.5' }, 'threshold'],
    [{ threshold: '51' }, 'threshold'],
    [{ name: 'ab' }, 'name'],
    [{ kind: 'medium' }, 'kind'],
    [{ opensOn: '2027-02-30' }, 'opensOn'],
    [{ closesOn: '2027-02-28' }, 'closesOn'], // before the opening date
    [{ opensOn: '2027-01-01', closesOn: '2027-02-19' }, 'closesOn'], // in the past
    [{ groups: [] }, 'groups'],
    [{ groups: [{ kind: 'custom', name: 'Housing', side: '' }] }, 'groups-0-side'],
    [
      {
        groups: [
          { kind: 'vcs', name: 'VCS', side: '' },
          { kind: 'faith', name: 'vcs', side: '' },
        ],
      },
      'groups-1-name',
    ],
  ] as const)('rejects %o on %s', (change, field) => {
    const result = checkRoundDraft({ ...base, ...change } as RoundDraft, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toContain(field);
  });

  it('accepts the minimum threshold of 3', () => {
    const result = checkRoundDraft({ ...base, threshold: '3' }, today);
    expect(result.ok && result.value.threshold).toBe(3);
  });
});

describe('roundStatus', () => {
  const round = { opensOn: '2027-03-01', closesOn: '2027-03-31', closedAt: null };
  it.each([
    ['2027-02-28', 'scheduled'],
    ['2027-03-01', 'open'],
    ['2027-03-31', 'open'],
    ['2027-04-01', 'closed'],
  ] as const)('on %s it is %s', (day, status) => expect(roundStatus(round, day)).toBe(status));

  it('is closed once closed early', () => {
    expect(roundStatus({ ...round, closedAt: '2027-03-10T09:00:00.000Z' }, '2027-03-11')).toBe('closed');
  });
});

describe('ukDate', () => {
  it.each([
    ['2027-06-30T22:30:00.000Z', '2027-06-30'], // 23:30 BST is still the 30th
    ['2027-06-30T23:30:00.000Z', '2027-07-01'], // 00:30 BST is the 1st
    ['2027-01-31T23:30:00.000Z', '2027-01-31'], // GMT in winter
  ])('%s is %s in the UK', (instant, expected) => expect(ukDate(new Date(instant))).toBe(expected));
});
