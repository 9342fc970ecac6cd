import type { PartnershipRole } from '../accounts/roles.js';

/** Who may do what with the needs register. Viewers only read. */

interface Member {
  readonly role: PartnershipRole;
  readonly organisationId: string | null;
  readonly userId: string;
}

/** Admins, council members and VCS members may record needs. */
export function mayRecordNeeds(member: Pick<Member, 'role'>): boolean {
  return member.role !== 'viewer';
}

/**
 * Admins manage every need. Other members (not viewers) change the needs their own organisation reported, and
 * needs they recorded themselves.
 */
export function mayChangeNeed(
  member: Member,
  need: { readonly reportingOrganisationId: string | null; readonly createdBy: string | null },
): boolean {
  if (member.role === 'partnership-admin') return true;
  if (member.role === 'viewer') return false;
  if (member.organisationId !== null && member.organisationId === need.reportingOrganisationId) return true;
  return need.createdBy !== null && need.createdBy === member.userId;
}

/** The organisations a member may name as a need's reporter: any for an admin, otherwise only their own. */
export function mayNameReporter(
  member: Pick<Member, 'role' | 'organisationId'>,
  organisationId: string | null,
): boolean {
  if (member.role === 'partnership-admin' || organisationId === null) return true;
  return organisationId === member.organisationId;
}
