import { createHash } from 'node:crypto';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for text shaped like a UUID (8-4-4-4-12 hex digits), whatever its version bits say. */
export function isUuidShaped(value: string): boolean {
  return uuidPattern.test(value);
}

/** The namespace of every stable id this service makes (itself a UUID, chosen once). */
export const commonGroundNamespace = '5b0f3c52-93a4-4b8e-9d1c-2f6a7c0e8d41';

/**
 * A UUID that is always the same for the same namespace and name: the name-based version 5 scheme of
 * RFC 9562 (SHA-1 of the namespace bytes then the name, with the version and variant bits set).
 * Used to give imported records with non-UUID source ids (or ids scoped to one feed) a stable id.
 */
export function stableUuid(namespace: string, name: string): string {
  if (!isUuidShaped(namespace)) throw new Error(`The namespace ${namespace} is not a UUID.`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
