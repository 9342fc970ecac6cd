import { randomUUID } from 'node:crypto';
import type {
  ApiTokenRecord,
  AuditEvent,
  InvitationRecord,
  MembershipRecord,
  OneTimeTokenRecord,
  OrganisationRecord,
  OutboxMessage,
  PartnershipRecord,
  SessionRecord,
  Store,
  UserRecord,
} from '../../src/app/ports.js';
import type { PartnershipRole } from '../../src/domain/accounts/roles.js';

/** Record builders for the repository contract tests: unique ids and emails, fixed timestamps. */

export const id = (): string => randomUUID();
const short = (): string => randomUUID().slice(0, 8);

/** An ISO timestamp `minutes` after 1 January 2026, so tests control the order of rows. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
}

export function aUser(overrides: Partial<UserRecord> = {}): UserRecord {
  const key = short();
  return {
    id: id(),
    email: `person-${key}@example.org`,
    displayName: `Person ${key}`,
    passwordHash: null,
    isNationalAdmin: false,
    createdAt: at(0),
    ...overrides,
  };
}

export function aPartnership(overrides: Partial<PartnershipRecord> = {}): PartnershipRecord {
  const key = short();
  return {
    id: id(),
    slug: `p-${key}`,
    name: `Partnership ${key}`,
    localAuthorityCode: 'E08000009',
    createdAt: at(0),
    ...overrides,
  };
}

export function anOrganisation(
  partnershipId: string,
  overrides: Partial<OrganisationRecord> = {},
): OrganisationRecord {
  return {
    id: id(),
    partnershipId,
    name: `Organisation ${short()}`,
    kind: 'vcs',
    identifier: null,
    createdAt: at(0),
    ...overrides,
  };
}

export function aMembership(
  partnershipId: string,
  userId: string,
  overrides: Partial<MembershipRecord> = {},
): MembershipRecord {
  return {
    id: id(),
    partnershipId,
    userId,
    role: 'viewer',
    organisationId: null,
    createdAt: at(0),
    ...overrides,
  };
}

export function aSession(userId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { id: id(), userId, createdAt: at(0), lastSeenAt: at(0), currentPartnershipId: null, ...overrides };
}

export function aOneTimeToken(
  userId: string,
  overrides: Partial<OneTimeTokenRecord> = {},
): OneTimeTokenRecord {
  return {
    id: id(),
    userId,
    purpose: 'set-password',
    createdAt: at(0),
    expiresAt: at(60),
    usedAt: null,
    ...overrides,
  };
}

export function anInvitation(
  partnershipId: string,
  overrides: Partial<InvitationRecord> = {},
): InvitationRecord {
  return {
    id: id(),
    tokenHash: `hash-${id()}`,
    partnershipId,
    email: `invitee-${short()}@example.org`,
    role: 'viewer',
    organisationId: null,
    invitedByUserId: null,
    createdAt: at(0),
    expiresAt: at(7 * 24 * 60),
    acceptedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function anApiToken(userId: string, overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord {
  return {
    id: id(),
    userId,
    name: `Token ${short()}`,
    tokenHash: `hash-${id()}`,
    createdAt: at(0),
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function aMessage(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: id(),
    partnershipId: null,
    recipient: `someone-${short()}@example.org`,
    subject: 'Hello',
    bodyText: `Secret link https://example.org/password/${short()}`,
    kind: 'invitation',
    status: 'queued',
    attempts: 0,
    createdAt: at(0),
    sentAt: null,
    lastError: null,
    nextAttemptAt: null,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: id(),
    partnershipId: null,
    actorUserId: null,
    actorLabel: 'System',
    action: 'something-happened',
    subject: `Subject ${short()}`,
    createdAt: at(0),
    ...overrides,
  };
}

/** Inserts a partnership and returns it. */
export async function givenPartnership(
  store: Store,
  overrides: Partial<PartnershipRecord> = {},
): Promise<PartnershipRecord> {
  const partnership = aPartnership(overrides);
  await store.partnerships.insert(partnership);
  return partnership;
}

/** Inserts a user and returns it. */
export async function givenUser(store: Store, overrides: Partial<UserRecord> = {}): Promise<UserRecord> {
  const user = aUser(overrides);
  await store.users.insert(user);
  return user;
}

/** Inserts a user who is a member of the partnership with this role. */
export async function givenMember(
  store: Store,
  partnershipId: string,
  role: PartnershipRole = 'viewer',
  overrides: { user?: Partial<UserRecord>; membership?: Partial<MembershipRecord> } = {},
): Promise<{ user: UserRecord; membership: MembershipRecord }> {
  const user = await givenUser(store, overrides.user);
  const membership = aMembership(partnershipId, user.id, { role, ...overrides.membership });
  await store.memberships.insert(membership);
  return { user, membership };
}
