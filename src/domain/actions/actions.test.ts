import { describe, expect, it } from 'vitest';
import {
  checkActionDraft,
  checkProgressNote,
  countByIndicator,
  filterActions,
  groupByPrinciple,
  groupByStatus,
  isOverdue,
  mayAddActions,
  mayManageAction,
  overdueFirst,
  principleOf,
  type ActionDraft,
  type ActionStatus,
} from './actions.js';

const context = { indicatorCodes: ['SF1', 'SF2', 'RC2', 'CR2'], organisationIds: ['org-a', 'org-b'] };
const good: ActionDraft = {
  title: 'Agree a shared funding calendar',
  description: 'Publish dates a year ahead.',
  indicatorCodes: ['SF1', 'RC2'],
  ownerOrganisationId: 'org-a',
  side: 'joint',
  leadName: 'Priya Shah',
  dueOn: '2026-06-30',
  status: '',
};

describe('checkActionDraft', () => {
  it('accepts a good draft, defaulting the status and removing repeated indicators', () => {
    const checked = checkActionDraft({ ...good, indicatorCodes: ['SF1', 'SF1', ' RC2 ', ''] }, context);
    expect(checked).toEqual({
      ok: true,
      value: {
        title: 'Agree a shared funding calendar',
        description: 'Publish dates a year ahead.',
        indicatorCodes: ['SF1', 'RC2'],
        ownerOrganisationId: 'org-a',
        side: 'joint',
        leadName: 'Priya Shah',
        dueOn: '2026-06-30',
        status: 'not-started',
      },
    });
  });

  it('treats a blank due date as none', () => {
    const checked = checkActionDraft({ ...good, dueOn: ' ' }, context);
    expect(checked.ok && checked.value.dueOn).toBeNull();
  });

  it.each<[string, Partial<ActionDraft>, string]>([
    ['title', { title: 'ab' }, 'Enter a title for the action, from 3 to 160 characters'],
    ['title', { title: 'x'.repeat(161) }, 'Enter a title for the action, from 3 to 160 characters'],
    ['description', { description: 'x'.repeat(4001) }, 'The description must be 4,000 characters or fewer'],
    ['indicatorCodes', { indicatorCodes: ['ZZ9'] }, 'Select indicators from the framework'],
    ['ownerOrganisationId', { ownerOrganisationId: '' }, 'Select the organisation that owns this action'],
    [
      'ownerOrganisationId',
      { ownerOrganisationId: 'org-x' },
      'Select one of the partnership’s organisations',
    ],
    ['side', { side: 'community' }, 'Select whether the council, the sector or both will do this'],
    ['leadName', { leadName: 'x'.repeat(121) }, 'The lead’s name must be 120 characters or fewer'],
    ['dueOn', { dueOn: '2026-02-30' }, 'Enter a real due date, or leave it blank'],
    ['status', { status: 'finished' }, 'Select the action’s status'],
  ])('%s: %j is refused', (field, change, message) => {
    const checked = checkActionDraft({ ...good, ...change }, context);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toEqual({ [field]: message });
  });

  it('accepts the limits exactly', () => {
    const checked = checkActionDraft(
      { ...good, title: 'x'.repeat(160), description: 'x'.repeat(4000), leadName: 'x'.repeat(120) },
      context,
    );
    expect(checked.ok).toBe(true);
  });
});

describe('checkProgressNote', () => {
  it.each<[{ note: string; status: string }, unknown]>([
    [
      { note: ' Met the team ', status: '' },
      { ok: true, value: { note: 'Met the team', status: null } },
    ],
    [
      { note: 'Done', status: 'done' },
      { ok: true, value: { note: 'Done', status: 'done' } },
    ],
    [
      { note: '', status: '' },
      { ok: false, problems: { note: 'Enter a progress note' } },
    ],
    [
      { note: 'x'.repeat(2001), status: '' },
      { ok: false, problems: { note: 'The note must be 2,000 characters or fewer' } },
    ],
    [
      { note: 'ok', status: 'nope' },
      { ok: false, problems: { status: 'Select the action’s status' } },
    ],
  ])('%j', (draft, expected) => {
    expect(checkProgressNote(draft)).toEqual(expected);
  });
});

describe('isOverdue', () => {
  it.each<[string | null, ActionStatus, boolean]>([
    ['2026-03-01', 'not-started', true],
    ['2026-03-01', 'in-progress', true],
    ['2026-03-01', 'done', false],
    ['2026-03-01', 'dropped', false],
    ['2026-03-02', 'in-progress', false],
    ['2026-03-03', 'in-progress', false],
    [null, 'in-progress', false],
  ])('due %s, %s → %s', (dueOn, status, expected) => {
    expect(isOverdue({ dueOn, status }, '2026-03-02')).toBe(expected);
  });
});

describe('grouping and filters', () => {
  const a = (name: string, codes: string[], status: ActionStatus, extra: Record<string, unknown> = {}) => ({
    name,
    indicatorCodes: codes,
    status,
    dueOn: null as string | null,
    side: 'council' as const,
    ownerOrganisationId: 'org-a' as string | null,
    ...extra,
  });

  it.each([
    ['SF1', 'SF'],
    ['RC12', 'RC'],
    ['x', ''],
  ])('principleOf(%s) = %s', (code, principle) => {
    expect(principleOf(code)).toBe(principle);
  });

  it('groups by the first indicator’s principle, in framework order, unlinked last', () => {
    const actions = [
      a('1', ['RC2'], 'done'),
      a('2', [], 'done'),
      a('3', ['SF1', 'RC2'], 'done'),
      a('4', ['SF2'], 'done'),
    ];
    expect(
      groupByPrinciple(actions, ['SF', 'RC', 'CR']).map((g) => [g.key, g.items.map((i) => i.name)]),
    ).toEqual([
      ['SF', ['3', '4']],
      ['RC', ['1']],
      ['', ['2']],
    ]);
  });

  it('groups by status in a fixed order', () => {
    const actions = [a('1', [], 'done'), a('2', [], 'not-started'), a('3', [], 'done')];
    expect(groupByStatus(actions).map((g) => [g.key, g.items.map((i) => i.name)])).toEqual([
      ['not-started', ['2']],
      ['done', ['1', '3']],
    ]);
  });

  it('puts overdue actions first, then by due date', () => {
    const actions = [
      a('later', [], 'not-started', { dueOn: '2026-09-01' }),
      a('undated', [], 'not-started'),
      a('overdue', [], 'in-progress', { dueOn: '2026-01-01' }),
      a('soon', [], 'not-started', { dueOn: '2026-04-01' }),
    ];
    expect(overdueFirst(actions, '2026-03-02').map((x) => x.name)).toEqual([
      'overdue',
      'soon',
      'later',
      'undated',
    ]);
  });

  it.each([
    [{}, ['1', '2', '3']],
    [{ ownerOrganisationId: 'org-b' }, ['2']],
    [{ side: 'vcs' as const }, ['3']],
    [{ ownerOrganisationId: 'org-a', side: 'council' as const }, ['1']],
  ])('filters %j', (filter, names) => {
    const actions = [
      a('1', [], 'done'),
      a('2', [], 'done', { ownerOrganisationId: 'org-b' }),
      a('3', [], 'done', { side: 'vcs' }),
    ];
    expect(filterActions(actions, filter).map((x) => x.name)).toEqual(names);
  });

  it('counts open and done actions per indicator', () => {
    const actions = [
      a('1', ['SF1', 'RC2'], 'in-progress'),
      a('2', ['SF1'], 'done'),
      a('3', ['SF1'], 'dropped'),
    ];
    expect(countByIndicator(actions)).toEqual({ SF1: { open: 1, done: 1 }, RC2: { open: 1, done: 0 } });
  });
});

describe('mayManageAction', () => {
  it.each<[string, string | null, string | null, boolean]>([
    ['partnership-admin', null, 'org-a', true],
    ['partnership-admin', 'org-b', null, true],
    ['vcs-member', 'org-a', 'org-a', true],
    ['vcs-member', 'org-b', 'org-a', false],
    ['vcs-member', null, null, false],
    ['council-member', 'org-c', 'org-c', true],
    ['council-member', 'org-c', 'org-a', false],
    ['viewer', 'org-a', 'org-a', false],
  ])('%s of %s on an action owned by %s → %s', (role, organisationId, owner, expected) => {
    expect(mayManageAction({ role, organisationId }, { ownerOrganisationId: owner })).toBe(expected);
  });

  it.each<[string, string | null, boolean]>([
    ['partnership-admin', null, true],
    ['vcs-member', 'org-a', true],
    ['vcs-member', null, false],
    ['council-member', 'org-a', true],
    ['viewer', 'org-a', false],
  ])('%s of %s may add actions → %s', (role, organisationId, expected) => {
    expect(mayAddActions({ role, organisationId })).toBe(expected);
  });
});
