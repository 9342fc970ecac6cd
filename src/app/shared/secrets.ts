import { createHash, randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** A URL-safe secret with 256 bits of entropy, for links, sessions and API tokens. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored, so a copy of the database does not hand out working links. */
export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A readable random password for demo accounts. */
export function newReadablePassword(): string {
  const words = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `${words.slice(0, 4)}-${words.slice(4, 8)}-${words.slice(8, 12)}-${words.slice(12, 16)}`;
}
