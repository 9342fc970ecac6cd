import { ValidationError } from '../errors.js';
import type { ApiTokenRecord, UserRecord } from './account-store.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';
import { hashSecret, newId, newSecretToken } from '../shared/secrets.js';

const prefix = 'cg_';

/** Creates a personal access token. The token itself is returned once and only its hash is kept. */
export async function createApiToken(
  store: Store,
  clock: Clock,
  user: UserRecord,
  name: string,
): Promise<{ token: string; record: ApiTokenRecord }> {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 80) {
    throw new ValidationError({
      name: 'Enter a name for the token so you can recognise it later, up to 80 characters',
    });
  }
  const token = `${prefix}${newSecretToken()}`;
  const record: ApiTokenRecord = {
    id: newId(),
    userId: user.id,
    name: trimmed,
    tokenHash: hashSecret(token),
    createdAt: clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await store.apiTokens.insert(record);
  return { token, record };
}

/** The account behind a bearer token, or undefined for an unknown or revoked one. */
export async function authenticateApiToken(
  store: Store,
  clock: Clock,
  token: string,
): Promise<UserRecord | undefined> {
  if (!token.startsWith(prefix)) return undefined;
  const record = await store.apiTokens.findByHash(hashSecret(token));
  if (!record || record.revokedAt) return undefined;
  const now = clock.now().toISOString();
  if (!record.lastUsedAt || record.lastUsedAt.slice(0, 16) !== now.slice(0, 16)) {
    await store.apiTokens.touch(record.id, now);
  }
  return store.users.findById(record.userId);
}
