import type { PartnershipRole } from '../accounts/roles.js';
import type { OrganisationKind } from '../partnerships/organisation-kinds.js';
import type { GroupKind } from './round-rules.js';

/**
 * Which respondent group a partnership member answers in, without an invitation. A member's organisation
 * decides it; a member with no organisation is placed by their role. The kinds are in order of preference: a
 * faith group's member answers with the faith groups when the round asks them, otherwise with the voluntary and
 * community sector. Viewers read and change nothing, and custom groups are for invited people only, so neither
 * is ever matched here.
 */
const kindsForOrganisation: Record<OrganisationKind, readonly GroupKind[]> = {
  council: ['council'],
  vcs: ['vcs'],
  infrastructure: ['vcs'],
  'social-enterprise': ['vcs'],
  faith: ['faith', 'vcs'],
  health: ['health'],
};

const kindsForRoleAlone: Record<PartnershipRole, readonly GroupKind[]> = {
  'partnership-admin': [],
  'council-member': ['council'],
  'vcs-member': ['vcs'],
  viewer: [],
};

export interface MemberPlace {
  readonly role: PartnershipRole;
  /** The kind of the member's organisation, or null when they have none. */
  readonly organisationKind: OrganisationKind | null;
}

export function groupKindsForMember(member: MemberPlace): readonly GroupKind[] {
  if (member.role === 'viewer') return [];
  return member.organisationKind
    ? kindsForOrganisation[member.organisationKind]
    : kindsForRoleAlone[member.role];
}

/**
 * The round's groups this member may answer in: every group of the first preferred kind the round has, in the
 * round's order (more than one when, say, councillors and officers are asked apart). Empty when none fits.
 */
export function groupsForMember<G extends { readonly kind: string; readonly position: number }>(
  groups: readonly G[],
  member: MemberPlace,
): G[] {
  for (const kind of groupKindsForMember(member)) {
    const fitting = groups.filter((group) => group.kind === kind);
    if (fitting.length > 0) return [...fitting].sort((a, b) => a.position - b.position);
  }
  return [];
}
