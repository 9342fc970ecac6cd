import { describe, expect, it } from 'vitest';
import type { PartnershipDashboard } from '../../app/dashboard/dashboard.js';
import type { OpportunityView } from '../../app/funding/opportunities.js';
import type { ActionRecord } from '../../app/ports.js';
import { actionHighlights } from '../../domain/actions/highlights.js';
import type { GapCell } from '../../domain/needs/analysis-types.js';
import { DASHBOARD_LIST_LIMIT, dashboardView } from './dashboard-view.js';

const today = '2026-05-10';

const action = (n: number, overrides: Partial<ActionRecord> = {}): ActionRecord => ({
  id: `action-${n}`,
  partnershipId: 'p',
  roundId: null,
  title: `Action ${n}`,
  description: '',
  indicatorCodes: [],
  side: 'joint',
  ownerOrganisationId: 'org-1',
  leadName: 'Lead',
  dueOn: '2026-04-01',
  status: 'in-progress',
  source: 'manual',
  createdAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:00Z',
  ...overrides,
});

const opportunity = (id: string, deadline: string | null, clash: boolean): OpportunityView => ({
  opportunity: {
    id,
    partnershipId: 'p',
    funder: 'Funder',
    fundName: `Fund ${id}`,
    amountMin: 100_000,
    amountMax: 500_000,
    currency: 'GBP',
    deadline,
    themes: [],
    areaCodes: [],
    link: '',
    notes: '',
    coordinationKind: null,
    coordinationActionId: null,
    createdBy: null,
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-01T10:00:00Z',
  },
  interests: [],
  clash: clash
    ? { kind: 'clash', leadOrganisationIds: ['org-1', 'org-gone'] }
    : { kind: 'none', leadOrganisationIds: [] },
});

const cell = (areaCode: string, theme: string): GapCell => ({
  areaCode,
  theme,
  need: 90.04,
  statisticsNeed: 90,
  localNeed: null,
  provision: 0.125,
  serviceCount: 0,
  gapClass: 'unmet-need',
  gapScore: 88.26,
  nearestKm: null,
  nearestServiceId: null,
});

function dashboard(overrides: Partial<PartnershipDashboard> = {}): PartnershipDashboard {
  const actions = Array.from({ length: 7 }, (_v, n) => action(n + 1));
  return {
    today,
    round: undefined,
    figures: undefined,
    otherOpenRounds: [],
    actions: { ...actionHighlights(actions, today), total: actions.length },
    directory: { staleAfterMonths: 12, unchecked: 3, total: 10, uncheckedOwn: undefined, failingFeeds: [] },
    gaps: {
      level: 'ward',
      cells: [cell('E05000001', 'food'), cell('E05000002', 'unknown-theme')],
      unmetCount: 12,
      areaNames: new Map([['E05000001', 'Greenacres']]),
      themeNames: new Map([['food', 'Food']]),
      noProvisionData: ['Carers'],
    },
    funding: {
      clashes: [opportunity('a', '2026-05-12', true)],
      closingSoon: [opportunity('a', '2026-05-12', true), opportunity('b', null, false)],
      total: 4,
    },
    organisationNames: new Map([['org-1', 'Northmoor Food Bank']]),
    ...overrides,
  };
}

describe('dashboardView', () => {
  it(`lists at most ${DASHBOARD_LIST_LIMIT} actions and says how many more there are`, () => {
    const view = dashboardView(dashboard(), 'northmoor');
    expect(view.actions.overdue.items).toHaveLength(DASHBOARD_LIST_LIMIT);
    expect(view.actions.overdue.more).toBe(2);
    expect(view.actions.overdue.items[0]).toEqual({
      text: 'Action 1',
      href: '/p/northmoor/actions/action-1',
      detail: 'Northmoor Food Bank (joint), was due 1 April 2026.',
    });
    expect(view.actions.dueSoon).toEqual({ items: [], more: 0 });
    expect(view.actions.quarter).toBe('April to June 2026');
    expect(view.actions.total).toBe(7);
  });

  it('names an action with no owner, and says its status when due soon', () => {
    const soon = action(1, { ownerOrganisationId: null, side: 'vcs', dueOn: '2026-05-12' });
    const view = dashboardView(
      dashboard({ actions: { ...actionHighlights([soon], today), total: 1 } }),
      'northmoor',
    );
    expect(view.actions.dueSoon.items[0]?.detail).toBe(
      'No owner (voluntary and community sector), due 12 May 2026, in progress.',
    );
  });

  it('shows no round or figures when there are none', () => {
    const view = dashboardView(dashboard(), 'northmoor');
    expect(view.round).toBeUndefined();
    expect(view.figures).toBeUndefined();
    expect(view.roundsHref).toBe('/p/northmoor/rounds');
  });

  it.each([
    [undefined, false, 0],
    [0, true, 0],
    [2, true, 2],
  ])('directory: own unchecked %s gives hasOrganisation %s', (own, hasOrganisation, shown) => {
    const view = dashboardView(
      dashboard({
        directory: { staleAfterMonths: 12, unchecked: 3, total: 10, uncheckedOwn: own, failingFeeds: [] },
      }),
      'northmoor',
    );
    expect(view.directory).toMatchObject({ hasOrganisation, own: shown, unchecked: 3, total: 10 });
    expect(view.directory.ownHref).toBe('/p/northmoor/directory?check=yes&mine=yes');
  });

  it('names gap areas and themes, falling back to codes, with figures as the gaps page rounds them', () => {
    const view = dashboardView(dashboard(), 'northmoor');
    expect(view.gaps.rows).toEqual([
      {
        area: 'Greenacres',
        theme: 'Food',
        need: '90.0',
        provision: '0.13',
        score: '88.3',
        href: '/p/northmoor/needs/gaps/E05000001/food',
      },
      expect.objectContaining({ area: 'E05000002', theme: 'unknown-theme' }),
    ]);
    expect(view.gaps.allHref).toBe('/p/northmoor/needs/gaps?level=ward&class=unmet-need');
    expect(view.gaps.unmetCount).toBe(12);
    expect(view.gaps.noProvisionData).toEqual(['Carers']);
    expect(view.gaps.noProvisionDataHref).toBe('/p/northmoor/needs/gaps?level=ward&class=no-provision-data');
  });

  it('describes clashes with the lead bidders and deadlines with the amount', () => {
    const view = dashboardView(dashboard(), 'northmoor');
    expect(view.funding.clashes.items[0]).toEqual({
      text: 'Funder: Fund a',
      href: '/p/northmoor/funding/opportunities/a',
      detail:
        'Closes 12 May 2026. 2 partners plan to bid for this fund as lead bidders: Northmoor Food Bank and ' +
        'An organisation no longer in the partnership. Talk before you bid, or plan a joint bid.',
    });
    expect(view.funding.closingSoon.items.map((i) => i.detail)).toEqual([
      'Closes 12 May 2026, £1,000 to £5,000.',
      'No deadline given, £1,000 to £5,000.',
    ]);
    expect(view.funding.closingSoonDays).toBe(14);
  });
});
