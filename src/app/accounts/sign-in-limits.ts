import {
  defaultSignInLimits,
  minutesUntilAllowed,
  networkAddressKey,
  windowStart,
  type SignInLimits,
} from '../../domain/accounts/sign-in-limits.js';
import { normaliseEmail } from '../../domain/accounts/email-address.js';
import { hashSecret, newId } from '../shared/secrets.js';
import type { SignInKey } from './sign-in-failure-store.js';
import { signIn, type SessionDeps, type SignedIn } from './sessions.js';

export interface SignInLimitDeps extends SessionDeps {
  readonly limits?: SignInLimits;
}

export type SignInAttempt =
  | { readonly outcome: 'signed-in'; readonly signedIn: SignedIn }
  | { readonly outcome: 'refused' }
  /** Too many failures for the email address or the network address: the password was not checked. */
  | { readonly outcome: 'limited'; readonly waitMinutes: number };

const keyOf = (kind: SignInKey['kind'], value: string): SignInKey => ({
  kind,
  hash: hashSecret(`${kind}:${value}`),
});

/**
 * Signs in unless the email address or the network address has had too many failed sign-ins lately. Only
 * failures count: a successful sign-in removes its own attempt and forgets the account's earlier failures
 * (not the network address's, which other people's failures share).
 *
 * The attempt is written as a failure before the password is checked, so attempts made at the same moment,
 * on any instance, see each other and cannot all slip under the limit.
 */
export async function signInWithinLimits(
  deps: SignInLimitDeps,
  email: string,
  password: string,
  networkAddress: string,
): Promise<SignInAttempt> {
  const limits = deps.limits ?? defaultSignInLimits;
  const failures = deps.store.signInFailures;
  const now = deps.clock.now();
  const start = windowStart(now).toISOString();
  await failures.removeUntil(start);

  const account = keyOf('account', normaliseEmail(email));
  const address = keyOf('address', networkAddressKey(networkAddress));
  const attempt = { account: newId(), address: newId() };
  const failedAt = now.toISOString();
  await failures.add([
    { id: attempt.account, failedAt, ...account },
    { id: attempt.address, failedAt, ...address },
  ]);
  const ours = new Set(Object.values(attempt));
  const earlierFailures = async (key: SignInKey) =>
    (await failures.listAfter(key, start))
      .filter((failure) => !ours.has(failure.id))
      .map((failure) => new Date(failure.failedAt));
  const waits = [
    minutesUntilAllowed(await earlierFailures(account), limits.failuresPerAccount, now),
    minutesUntilAllowed(await earlierFailures(address), limits.failuresPerAddress, now),
  ].filter((wait) => wait !== undefined);
  if (waits.length > 0) {
    await failures.remove([...ours]);
    return { outcome: 'limited', waitMinutes: Math.max(...waits) };
  }

  let signedIn: SignedIn | undefined;
  try {
    signedIn = await signIn(deps, email, password);
  } catch (error) {
    await failures.remove([...ours]).catch(() => undefined);
    throw error;
  }
  if (!signedIn) return { outcome: 'refused' };
  await failures.clear(account);
  await failures.remove([attempt.address]);
  return { outcome: 'signed-in', signedIn };
}
