import { describe, expect, it } from 'vitest';
import { groupsForMember, type MemberPlace } from './member-groups.js';

const council = { id: 'c', kind: 'council', position: 0 };
const vcs = { id: 'v', kind: 'vcs', position: 1 };
const faith = { id: 'f', kind: 'faith', position: 2 };
const health = { id: 'h', kind: 'health', position: 3 };
const custom = { id: 'x', kind: 'custom', position: 4 };
const officers = { id: 'o', kind: 'council', position: 5 };
const everyGroup = [council, vcs, faith, health, custom];

describe('groupsForMember', () => {
  const cases: readonly [string, MemberPlace, readonly (typeof council)[], readonly string[]][] = [
    [
      'a councillor with the council',
      { role: 'council-member', organisationKind: 'council' },
      everyGroup,
      ['c'],
    ],
    ['a food bank member', { role: 'vcs-member', organisationKind: 'vcs' }, everyGroup, ['v']],
    [
      'an infrastructure body member',
      { role: 'vcs-member', organisationKind: 'infrastructure' },
      everyGroup,
      ['v'],
    ],
    [
      'a social enterprise member',
      { role: 'vcs-member', organisationKind: 'social-enterprise' },
      everyGroup,
      ['v'],
    ],
    [
      'a mosque member when faith groups are asked',
      { role: 'vcs-member', organisationKind: 'faith' },
      everyGroup,
      ['f'],
    ],
    [
      'a mosque member when only the VCS is asked',
      { role: 'vcs-member', organisationKind: 'faith' },
      [council, vcs],
      ['v'],
    ],
    ['a health body member', { role: 'council-member', organisationKind: 'health' }, everyGroup, ['h']],
    [
      'a health body member when health is not asked',
      { role: 'council-member', organisationKind: 'health' },
      [council, vcs],
      [],
    ],
    [
      'an admin working for the council',
      { role: 'partnership-admin', organisationKind: 'council' },
      everyGroup,
      ['c'],
    ],
    ['an admin with no organisation', { role: 'partnership-admin', organisationKind: null }, everyGroup, []],
    [
      'a council member with no organisation',
      { role: 'council-member', organisationKind: null },
      everyGroup,
      ['c'],
    ],
    ['a VCS member with no organisation', { role: 'vcs-member', organisationKind: null }, everyGroup, ['v']],
    ['a viewer, whatever their organisation', { role: 'viewer', organisationKind: 'health' }, everyGroup, []],
    [
      'a councillor when only custom groups are asked',
      { role: 'council-member', organisationKind: 'council' },
      [custom],
      [],
    ],
    [
      'a councillor when two council groups are asked',
      { role: 'council-member', organisationKind: 'council' },
      [officers, vcs, council],
      ['c', 'o'],
    ],
  ];
  it.each(cases)('%s', (_name, member, groups, expected) => {
    expect(groupsForMember(groups, member).map((group) => group.id)).toEqual(expected);
  });
});
