import type { SessionPolicy } from '../../domain/accounts/session-policy.js';
import { sessionExpiry, shouldRefreshLastSeen } from '../../domain/accounts/session-policy.js';
import type { Clock, PasswordHasher } from '../shared/system-ports.js';
import type { SessionRecord, UserRecord } from './account-store.js';
import type { Store } from '../ports.js';
import { recordAudit } from '../shared/audit.js';
import { hashSecret, newSecretToken } from '../shared/secrets.js';
import { normaliseEmail } from '../../domain/accounts/email-address.js';

export interface SessionDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: PasswordHasher;
  readonly policy: SessionPolicy;
}

export interface SignedIn {
  readonly token: string;
  readonly user: UserRecord;
}

// Verifying against a real hash when the email is unknown keeps the timing the same either way.
let dummyHash: Promise<string> | undefined;

/** Checks an email and password; on success starts a new session (a fresh id, so ids rotate at sign-in). */
export async function signIn(
  deps: SessionDeps,
  email: string,
  password: string,
): Promise<SignedIn | undefined> {
  const user = await deps.store.users.findByEmail(normaliseEmail(email));
  if (!user?.passwordHash) {
    dummyHash ??= deps.hasher.hash('not-a-real-password-at-all');
    await deps.hasher.verify(await dummyHash, password);
    return undefined;
  }
  if (!(await deps.hasher.verify(user.passwordHash, password))) return undefined;
  const token = await startSession(deps, user);
  await recordAudit(deps.store, deps.clock, {
    partnershipId: null,
    actor: { userId: user.id, label: user.email },
    action: 'signed-in',
    subject: user.email,
  });
  return { token, user };
}

const roleRank = ['partnership-admin', 'council-member', 'vcs-member', 'viewer'];

/** Where a new session starts: the partnership in which the person has the most responsibility. */
function startingPartnership<T extends { role: string }>(partnerships: readonly T[]): T | undefined {
  return [...partnerships].sort((a, b) => roleRank.indexOf(a.role) - roleRank.indexOf(b.role))[0];
}

export async function startSession(
  deps: Pick<SessionDeps, 'store' | 'clock'>,
  user: UserRecord,
): Promise<string> {
  const token = newSecretToken();
  const now = deps.clock.now().toISOString();
  const partnerships = await deps.store.partnerships.listForUser(user.id);
  await deps.store.sessions.insert({
    id: hashSecret(token),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    currentPartnershipId: startingPartnership(partnerships)?.id ?? null,
  });
  return token;
}

export interface LiveSession {
  readonly session: SessionRecord;
  readonly user: UserRecord;
}

/** The session behind a cookie value, or undefined when it is unknown or has timed out (it is then removed). */
export async function resumeSession(deps: SessionDeps, token: string): Promise<LiveSession | undefined> {
  const session = await deps.store.sessions.findById(hashSecret(token));
  if (!session) return undefined;
  const now = deps.clock.now();
  if (sessionExpiry(session, now, deps.policy)) {
    await deps.store.sessions.remove(session.id);
    return undefined;
  }
  const user = await deps.store.users.findById(session.userId);
  if (!user) return undefined;
  if (shouldRefreshLastSeen(session, now)) {
    await deps.store.sessions.touch(session.id, now.toISOString());
  }
  return { session, user };
}

export async function signOut(deps: SessionDeps, live: LiveSession): Promise<void> {
  await deps.store.sessions.remove(live.session.id);
  await recordAudit(deps.store, deps.clock, {
    partnershipId: null,
    actor: { userId: live.user.id, label: live.user.email },
    action: 'signed-out',
    subject: live.user.email,
  });
}
