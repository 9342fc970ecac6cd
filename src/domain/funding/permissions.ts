import type { PartnershipRole } from '../accounts/roles.js';

/** Who may do what in the funding pipeline and with commissioning intentions. Viewers only read. */

interface Member {
  readonly role: PartnershipRole;
  readonly organisationId: string | null;
  readonly userId: string;
}

/** Admins, council members and VCS members may add opportunities to the shared register. */
export function mayAddOpportunities(member: Pick<Member, 'role'>): boolean {
  return member.role !== 'viewer';
}

/** Admins change any opportunity; other members (not viewers) change the ones they added. */
export function mayChangeOpportunity(
  member: Member,
  opportunity: { readonly createdBy: string | null },
): boolean {
  if (member.role === 'partnership-admin') return true;
  if (member.role === 'viewer') return false;
  return opportunity.createdBy !== null && opportunity.createdBy === member.userId;
}

/** Admins register interest for any organisation; other members (not viewers) only for their own. */
export function mayRegisterInterestFor(
  member: Pick<Member, 'role' | 'organisationId'>,
  organisationId: string,
): boolean {
  if (member.role === 'partnership-admin') return true;
  if (member.role === 'viewer') return false;
  return member.organisationId !== null && member.organisationId === organisationId;
}

/** Commissioning intentions are the council's plans: admins and council members manage them. */
export function mayManageCommissioning(member: Pick<Member, 'role'>): boolean {
  return member.role === 'partnership-admin' || member.role === 'council-member';
}
