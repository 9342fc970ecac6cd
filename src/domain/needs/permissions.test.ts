import { describe, expect, it } from 'vitest';
import type { PartnershipRole } from '../accounts/roles.js';
import { mayChangeNeed, mayNameReporter, mayRecordNeeds } from './permissions.js';

const member = (role: PartnershipRole, organisationId: string | null = 'org-a') => ({
  role,
  organisationId,
  userId: 'user-1',
});

describe('needs permissions', () => {
  it.each<[PartnershipRole, boolean]>([
    ['partnership-admin', true],
    ['council-member', true],
    ['vcs-member', true],
    ['viewer', false],
  ])('%s may record needs: %s', (role, allowed) => {
    expect(mayRecordNeeds({ role })).toBe(allowed);
  });

  it.each<
    [
      string,
      ReturnType<typeof member>,
      { reportingOrganisationId: string | null; createdBy: string | null },
      boolean,
    ]
  >([
    [
      'an admin, any need',
      member('partnership-admin', null),
      { reportingOrganisationId: 'org-b', createdBy: null },
      true,
    ],
    [
      'a VCS member, their organisation’s need',
      member('vcs-member'),
      { reportingOrganisationId: 'org-a', createdBy: null },
      true,
    ],
    [
      'a VCS member, another organisation’s need',
      member('vcs-member'),
      { reportingOrganisationId: 'org-b', createdBy: null },
      false,
    ],
    [
      'a VCS member, a need with no organisation',
      member('vcs-member'),
      { reportingOrganisationId: null, createdBy: null },
      false,
    ],
    [
      'a member, a need they recorded',
      member('council-member', null),
      { reportingOrganisationId: null, createdBy: 'user-1' },
      true,
    ],
    [
      'a member with no organisation, someone else’s need',
      member('council-member', null),
      { reportingOrganisationId: null, createdBy: 'user-2' },
      false,
    ],
    [
      'a viewer, a need they recorded before',
      member('viewer'),
      { reportingOrganisationId: 'org-a', createdBy: 'user-1' },
      false,
    ],
  ])('%s', (_, who, need, allowed) => {
    expect(mayChangeNeed(who, need)).toBe(allowed);
  });

  it.each<[PartnershipRole, string | null, boolean]>([
    ['partnership-admin', 'org-b', true],
    ['vcs-member', 'org-a', true],
    ['vcs-member', null, true],
    ['vcs-member', 'org-b', false],
  ])('%s may name %s as reporter: %s', (role, organisationId, allowed) => {
    expect(mayNameReporter(member(role), organisationId)).toBe(allowed);
  });
});
