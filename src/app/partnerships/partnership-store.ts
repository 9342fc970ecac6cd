import type { PartnershipRole } from '../../domain/accounts/roles.js';
import type { OrganisationKind } from '../../domain/partnerships/organisation-kinds.js';
import type { ReachClass } from '../../domain/needs/reach-rule.js';
import type { OrganisationRecord } from './organisation-record.js';

export interface PartnershipRecord {
  id: string;
  slug: string;
  name: string;
  localAuthorityCode: string;
  createdAt: string;
}

export interface MembershipRecord {
  id: string;
  partnershipId: string;
  userId: string;
  role: PartnershipRole;
  organisationId: string | null;
  createdAt: string;
}

export interface MemberView extends MembershipRecord {
  email: string;
  displayName: string;
  organisationName: string | null;
}

export interface InvitationRecord {
  id: string;
  tokenHash: string;
  partnershipId: string;
  email: string;
  role: PartnershipRole;
  organisationId: string | null;
  invitedByUserId: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** The partnerships area's part of the store: partnerships, their organisations, members and invitations. */
export interface PartnershipStores {
  readonly partnerships: {
    findById(id: string): Promise<PartnershipRecord | undefined>;
    findBySlug(slug: string): Promise<PartnershipRecord | undefined>;
    insert(partnership: PartnershipRecord): Promise<void>;
    list(): Promise<PartnershipRecord[]>;
    listForUser(userId: string): Promise<(PartnershipRecord & { role: PartnershipRole })[]>;
    /** The partnership's own reach rule (km by rural-urban class); a null class uses the default. */
    reachRule(id: string): Promise<{ [K in ReachClass]: number | null }>;
    setReachRule(id: string, rule: { [K in ReachClass]: number | null }): Promise<void>;
  };
  readonly organisations: {
    listByPartnership(partnershipId: string): Promise<OrganisationRecord[]>;
    findById(partnershipId: string, id: string): Promise<OrganisationRecord | undefined>;
    insert(organisation: OrganisationRecord): Promise<void>;
    update(
      partnershipId: string,
      id: string,
      change: { kind: OrganisationKind; identifier: string | null; updatedAt: string },
    ): Promise<void>;
  };
  readonly memberships: {
    find(partnershipId: string, userId: string): Promise<MembershipRecord | undefined>;
    findById(partnershipId: string, id: string): Promise<MemberView | undefined>;
    listByPartnership(partnershipId: string): Promise<MemberView[]>;
    countAdmins(partnershipId: string): Promise<number>;
    insert(membership: MembershipRecord): Promise<void>;
    update(
      partnershipId: string,
      id: string,
      change: { role: PartnershipRole; organisationId: string | null },
    ): Promise<void>;
    remove(partnershipId: string, id: string): Promise<void>;
  };
  readonly invitations: {
    insert(invitation: InvitationRecord): Promise<void>;
    findByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
    listPending(partnershipId: string, now: string): Promise<InvitationRecord[]>;
    markAccepted(id: string, acceptedAt: string): Promise<boolean>;
    revoke(partnershipId: string, id: string, revokedAt: string): Promise<boolean>;
  };
}
