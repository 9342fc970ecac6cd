import { looksLikeEmail, normaliseEmail } from '../../domain/accounts/email-address.js';
import { isPartnershipRole, roleLabels, type PartnershipRole } from '../../domain/accounts/roles.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { InvitationRecord, PartnershipRecord } from './partnership-store.js';
import type { Store } from '../ports.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { queueEmail } from '../shared/outbox.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';

export interface MemberDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly baseUrl: string;
}

const invitationDays = 14;

async function checkOrganisation(store: Store, partnershipId: string, organisationId: string | null) {
  if (organisationId && !(await store.organisations.findById(partnershipId, organisationId))) {
    throw new ValidationError({ organisationId: 'Select an organisation from the list' });
  }
}

/** Invites someone by email. Returns the link, which the inviter sees once to pass on by other means. */
export async function inviteMember(
  deps: MemberDeps,
  partnership: PartnershipRecord,
  input: { email: string; role: string; organisationId: string | null },
  actor: Actor,
): Promise<{ link: string; invitation: InvitationRecord }> {
  const email = normaliseEmail(input.email);
  const problems: Record<string, string> = {};
  if (!looksLikeEmail(email))
    problems.email = 'Enter an email address in the correct format, like name@example.org';
  if (!isPartnershipRole(input.role)) problems.role = 'Select a role';
  const existing = await deps.store.users.findByEmail(email);
  if (existing && (await deps.store.memberships.find(partnership.id, existing.id))) {
    problems.email = `${email} is already a member of this partnership`;
  }
  if (Object.keys(problems).length > 0 || !isPartnershipRole(input.role)) throw new ValidationError(problems);
  await checkOrganisation(deps.store, partnership.id, input.organisationId);

  const token = newSecretToken();
  const now = deps.clock.now();
  const invitation: InvitationRecord = {
    id: newId(),
    tokenHash: hashSecret(token),
    partnershipId: partnership.id,
    email,
    role: input.role,
    organisationId: input.organisationId,
    invitedByUserId: actor.userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + invitationDays * 86_400_000).toISOString(),
    acceptedAt: null,
    revokedAt: null,
  };
  const link = `${deps.baseUrl}/invitations/${token}`;
  await deps.store.transaction(async (store) => {
    await store.invitations.insert(invitation);
    await queueEmail(store, deps.clock, {
      partnershipId: partnership.id,
      to: email,
      subject: `You are invited to join ${partnership.name} on Common Ground`,
      kind: 'invitation',
      text: [
        'Hello,',
        '',
        `${actor.label} has invited you to join ${partnership.name} on Common Ground as a ${roleLabels[invitation.role].toLowerCase()}.`,
        '',
        `To accept, open this link within ${invitationDays} days:`,
        '',
        link,
        '',
        'The link works once. If you were not expecting this invitation, you can ignore this email.',
      ].join('\n'),
    });
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor,
      action: 'member-invited',
      subject: `${email} as ${roleLabels[invitation.role]}`,
    });
  });
  return { link, invitation };
}

export type InvitationState =
  | { status: 'valid'; invitation: InvitationRecord; partnership: PartnershipRecord; hasAccount: boolean }
  | { status: 'invalid' };

export async function checkInvitation(
  deps: Pick<MemberDeps, 'store' | 'clock'>,
  token: string,
): Promise<InvitationState> {
  const invitation = await deps.store.invitations.findByTokenHash(hashSecret(token));
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    invitation.expiresAt <= deps.clock.now().toISOString()
  ) {
    return { status: 'invalid' };
  }
  const partnership = await deps.store.partnerships.findById(invitation.partnershipId);
  if (!partnership) return { status: 'invalid' };
  const hasAccount = Boolean(await deps.store.users.findByEmail(invitation.email));
  return { status: 'valid', invitation, partnership, hasAccount };
}

/**
 * Accepts an invitation: for a new person, creates the account with the password they chose; for an
 * existing account, the person must be signed in as the invited address. Returns the user id.
 */
export async function acceptInvitation(
  deps: Pick<MemberDeps, 'store' | 'clock'>,
  token: string,
  accept:
    | { kind: 'new-account'; displayName: string; passwordHash: string }
    | { kind: 'existing-account'; userId: string },
): Promise<{ userId: string; partnership: PartnershipRecord } | undefined> {
  const state = await checkInvitation(deps, token);
  if (state.status === 'invalid') return undefined;
  const { invitation, partnership } = state;
  return deps.store.transaction(async (store) => {
    const now = deps.clock.now().toISOString();
    if (!(await store.invitations.markAccepted(invitation.id, now))) return undefined;
    let userId: string;
    if (accept.kind === 'new-account') {
      if (await store.users.findByEmail(invitation.email)) return undefined;
      userId = newId();
      await store.users.insert({
        id: userId,
        email: invitation.email,
        displayName: accept.displayName.trim(),
        passwordHash: accept.passwordHash,
        isNationalAdmin: false,
        createdAt: now,
      });
    } else {
      const user = await store.users.findById(accept.userId);
      if (!user || user.email !== invitation.email) return undefined;
      userId = user.id;
    }
    if (!(await store.memberships.find(partnership.id, userId))) {
      await store.memberships.insert({
        id: newId(),
        partnershipId: partnership.id,
        userId,
        role: invitation.role,
        organisationId: invitation.organisationId,
        createdAt: now,
      });
    }
    await recordAudit(store, deps.clock, {
      partnershipId: partnership.id,
      actor: { userId, label: invitation.email },
      action: 'invitation-accepted',
      subject: `${invitation.email} as ${roleLabels[invitation.role]}`,
    });
    return { userId, partnership };
  });
}

/** Changes a member's role or organisation; a partnership always keeps at least one admin. */
export async function changeMember(
  deps: Pick<MemberDeps, 'store' | 'clock'>,
  partnershipId: string,
  membershipId: string,
  change: { role: string; organisationId: string | null },
  actor: Actor,
): Promise<void> {
  const member = await deps.store.memberships.findById(partnershipId, membershipId);
  if (!member) throw new NotFoundError('No such member');
  if (!isPartnershipRole(change.role)) throw new ValidationError({ role: 'Select a role' });
  const role: PartnershipRole = change.role;
  await checkOrganisation(deps.store, partnershipId, change.organisationId);
  await deps.store.transaction(async (store) => {
    if (
      member.role === 'partnership-admin' &&
      role !== 'partnership-admin' &&
      (await store.memberships.countAdmins(partnershipId)) <= 1
    ) {
      throw new ValidationError({
        role: 'This is the only partnership admin. Make someone else an admin before changing this role.',
      });
    }
    await store.memberships.update(partnershipId, membershipId, {
      role,
      organisationId: change.organisationId,
    });
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'role-changed',
      subject: `${member.email}: ${roleLabels[member.role]} to ${roleLabels[role]}`,
    });
  });
}

export async function removeMember(
  deps: Pick<MemberDeps, 'store' | 'clock'>,
  partnershipId: string,
  membershipId: string,
  actor: Actor,
): Promise<void> {
  const member = await deps.store.memberships.findById(partnershipId, membershipId);
  if (!member) throw new NotFoundError('No such member');
  await deps.store.transaction(async (store) => {
    if (member.role === 'partnership-admin' && (await store.memberships.countAdmins(partnershipId)) <= 1) {
      throw new ValidationError({
        confirm:
          'This is the only partnership admin. Make someone else an admin before removing this person.',
      });
    }
    await store.memberships.remove(partnershipId, membershipId);
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'access-removed',
      subject: member.email,
    });
  });
}

export async function revokeInvitation(
  deps: Pick<MemberDeps, 'store' | 'clock'>,
  partnershipId: string,
  invitationId: string,
  actor: Actor,
): Promise<void> {
  await deps.store.transaction(async (store) => {
    if (!(await store.invitations.revoke(partnershipId, invitationId, deps.clock.now().toISOString()))) {
      throw new NotFoundError('No such invitation');
    }
    await recordAudit(store, deps.clock, {
      partnershipId,
      actor,
      action: 'invitation-withdrawn',
      subject: invitationId,
    });
  });
}
