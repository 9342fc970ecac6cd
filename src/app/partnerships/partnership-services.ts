import type { UserRecord } from '../accounts/account-store.js';
import type { ServiceDeps } from '../service-deps.js';
import type { Actor } from '../shared/audit.js';
import { partnershipGetStarted } from './get-started.js';
import {
  acceptInvitation,
  changeMember,
  checkInvitation,
  inviteMember,
  removeMember,
  revokeInvitation,
} from './members.js';
import { addOrganisation } from './organisations.js';
import type { PartnershipRecord } from './partnership-store.js';
import { accessPartnership, createPartnership, type NewPartnership } from './partnerships.js';

/** Partnerships, their organisations and members, and an admin's "Get started" list. */
export function partnershipServices(deps: ServiceDeps) {
  const { store, clock, baseUrl } = deps;
  const memberDeps = { store, clock, baseUrl };
  return {
    partnerships: {
      create: (input: NewPartnership, actor: Actor) => createPartnership(store, clock, input, actor),
      list: () => store.partnerships.list(),
      listForUser: (user: UserRecord) => store.partnerships.listForUser(user.id),
      access: (user: UserRecord, slug: string) => accessPartnership(store, user, slug),
      findBySlug: (slug: string) => store.partnerships.findBySlug(slug),
    },
    organisations: {
      list: (partnershipId: string) => store.organisations.listByPartnership(partnershipId),
      add: (partnershipId: string, input: { name: string; kind: string; identifier: string }, actor: Actor) =>
        addOrganisation(store, clock, partnershipId, input, actor),
    },
    members: {
      list: (partnershipId: string) => store.memberships.listByPartnership(partnershipId),
      find: (partnershipId: string, membershipId: string) =>
        store.memberships.findById(partnershipId, membershipId),
      pendingInvitations: (partnershipId: string) =>
        store.invitations.listPending(partnershipId, clock.now().toISOString()),
      invite: (
        partnership: PartnershipRecord,
        input: { email: string; role: string; organisationId: string | null },
        actor: Actor,
      ) => inviteMember(memberDeps, partnership, input, actor),
      checkInvitation: (token: string) => checkInvitation(memberDeps, token),
      acceptInvitation: (token: string, accept: Parameters<typeof acceptInvitation>[2]) =>
        acceptInvitation(memberDeps, token, accept),
      change: (
        partnershipId: string,
        membershipId: string,
        change: { role: string; organisationId: string | null },
        actor: Actor,
      ) => changeMember(memberDeps, partnershipId, membershipId, change, actor),
      remove: (partnershipId: string, membershipId: string, actor: Actor) =>
        removeMember(memberDeps, partnershipId, membershipId, actor),
      withdrawInvitation: (partnershipId: string, invitationId: string, actor: Actor) =>
        revokeInvitation(memberDeps, partnershipId, invitationId, actor),
    },
    /** A partnership admin's "Get started" list, ticked off from the partnership's records. */
    getStarted: (partnership: PartnershipRecord) => partnershipGetStarted({ store, clock }, partnership),
  };
}
