import { normaliseEmail } from '../../domain/accounts/email-address.js';
import { passwordProblem } from '../../domain/accounts/password-policy.js';
import { ValidationError } from '../errors.js';
import type { Clock, PasswordHasher } from '../shared/system-ports.js';
import type { OneTimeTokenPurpose, UserRecord } from './account-store.js';
import type { Store } from '../ports.js';
import { recordAudit } from '../shared/audit.js';
import { queueEmail } from '../shared/outbox.js';
import { hashSecret, newSecretToken } from '../shared/secrets.js';

export interface PasswordDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly hasher: PasswordHasher;
  readonly baseUrl: string;
}

const lifetimes: Record<OneTimeTokenPurpose, number> = {
  'password-reset': 60 * 60_000,
  'set-password': 7 * 24 * 60 * 60_000,
};

/** A single-use link to choose a password; only its hash is stored. */
export async function createPasswordLink(
  deps: Pick<PasswordDeps, 'store' | 'clock' | 'baseUrl'>,
  user: UserRecord,
  purpose: OneTimeTokenPurpose,
): Promise<string> {
  const token = newSecretToken();
  const now = deps.clock.now();
  await deps.store.oneTimeTokens.insert({
    id: hashSecret(token),
    userId: user.id,
    purpose,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + lifetimes[purpose]).toISOString(),
    usedAt: null,
  });
  return `${deps.baseUrl}/password/${token}`;
}

/** Emails a reset link when the address has an account; says nothing either way, so accounts cannot be probed. */
export async function requestPasswordReset(deps: PasswordDeps, email: string): Promise<void> {
  const user = await deps.store.users.findByEmail(normaliseEmail(email));
  if (!user) return;
  await deps.store.transaction(async (store) => {
    const link = await createPasswordLink({ ...deps, store }, user, 'password-reset');
    await queueEmail(store, deps.clock, {
      partnershipId: null,
      to: user.email,
      subject: 'Reset your Common Ground password',
      kind: 'password-reset',
      text: [
        `Hello ${user.displayName},`,
        '',
        'Someone asked to reset the password for your Common Ground account.',
        'To choose a new password, open this link within 1 hour:',
        '',
        link,
        '',
        'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
      ].join('\n'),
    });
  });
}

export type PasswordLinkState =
  { status: 'valid'; user: UserRecord; purpose: OneTimeTokenPurpose } | { status: 'invalid' };

export async function checkPasswordLink(
  deps: Pick<PasswordDeps, 'store' | 'clock'>,
  token: string,
): Promise<PasswordLinkState> {
  const record = await deps.store.oneTimeTokens.findById(hashSecret(token));
  if (!record || record.usedAt || record.expiresAt <= deps.clock.now().toISOString())
    return { status: 'invalid' };
  const user = await deps.store.users.findById(record.userId);
  return user ? { status: 'valid', user, purpose: record.purpose } : { status: 'invalid' };
}

/** Sets a new password from a link, uses the link up and signs the person out everywhere. */
export async function setPasswordFromLink(
  deps: PasswordDeps,
  token: string,
  password: string,
  confirmation: string,
): Promise<UserRecord | undefined> {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError({ password: problem });
  if (password !== confirmation)
    throw new ValidationError({ confirmPassword: 'Enter the same password twice' });
  const state = await checkPasswordLink(deps, token);
  if (state.status === 'invalid') return undefined;
  const passwordHash = await deps.hasher.hash(password);
  return deps.store.transaction(async (store) => {
    if (!(await store.oneTimeTokens.markUsed(hashSecret(token), deps.clock.now().toISOString())))
      return undefined;
    await store.users.updatePasswordHash(state.user.id, passwordHash);
    await store.sessions.removeForUser(state.user.id);
    await recordAudit(store, deps.clock, {
      partnershipId: null,
      actor: { userId: state.user.id, label: state.user.email },
      action: 'password-changed',
      subject: state.user.email,
    });
    return state.user;
  });
}
