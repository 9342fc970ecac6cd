import { looksLikeEmail, normaliseEmail } from '../../domain/accounts/email-address.js';
import { isPartnershipRole } from '../../domain/accounts/roles.js';
import { ValidationError } from '../errors.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import type { UserRecord } from './account-store.js';
import { recordAudit, type Actor } from '../shared/audit.js';
import { newId } from '../shared/secrets.js';

export interface NewUser {
  readonly email: string;
  readonly displayName?: string;
  readonly passwordHash?: string | null;
  readonly role: string;
  readonly partnershipId?: string;
  readonly organisationId?: string | null;
}

/** Creates an account, and its membership unless the role is national-admin. */
export async function createUser(
  store: Store,
  clock: Clock,
  input: NewUser,
  actor: Actor,
): Promise<UserRecord> {
  const email = normaliseEmail(input.email);
  if (!looksLikeEmail(email))
    throw new ValidationError({ email: 'Enter an email address like name@example.org' });
  const national = input.role === 'national-admin';
  if (!national && !isPartnershipRole(input.role)) {
    throw new ValidationError({
      role: 'Choose a role: partnership-admin, council-member, vcs-member, viewer or national-admin',
    });
  }
  if (!national && !input.partnershipId) {
    throw new ValidationError({ partnership: 'Say which partnership this person belongs to' });
  }
  if (await store.users.findByEmail(email)) {
    throw new ValidationError({ email: `An account for ${email} already exists` });
  }
  const now = clock.now().toISOString();
  const user: UserRecord = {
    id: newId(),
    email,
    displayName: input.displayName?.trim() || email.split('@')[0] || email,
    passwordHash: input.passwordHash ?? null,
    isNationalAdmin: national,
    createdAt: now,
  };
  await store.transaction(async (trx) => {
    await trx.users.insert(user);
    if (!national && input.partnershipId && isPartnershipRole(input.role)) {
      await trx.memberships.insert({
        id: newId(),
        partnershipId: input.partnershipId,
        userId: user.id,
        role: input.role,
        organisationId: input.organisationId ?? null,
        createdAt: now,
      });
    }
    await recordAudit(trx, clock, {
      partnershipId: input.partnershipId ?? null,
      actor,
      action: 'account-created',
      subject: `${email} as ${input.role}`,
    });
  });
  return user;
}
