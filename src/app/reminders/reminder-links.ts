import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isReminderKind, type ReminderKind } from '../../domain/reminders/reminders.js';
import type { Store } from '../ports.js';

/**
 * The "stop these reminders" link in every reminder email works without signing in: it names who (a user, or
 * a round invitation for invitees without an account) and which kind, signed with a secret kept in the settings
 * table so nobody can make a link for someone else.
 */

export type ReminderOwnerType = 'user' | 'invitation';

export interface ReminderOwner {
  readonly type: ReminderOwnerType;
  readonly id: string;
}

export interface StopLink {
  readonly owner: ReminderOwner;
  readonly kind: ReminderKind;
}

const typeCodes: Record<ReminderOwnerType, string> = { user: 'u', invitation: 'i' };

async function linkSecret(store: Store): Promise<string> {
  let secret = await store.settings.get('reminder-link-secret');
  if (!secret) {
    await store.settings.setIfMissing('reminder-link-secret', randomBytes(32).toString('base64url'));
    secret = await store.settings.get('reminder-link-secret');
    if (!secret) throw new Error('The reminder link secret could not be stored');
  }
  return secret;
}

const signature = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** The token for a stop link: `u.<id>.<kind>.<signature>`. */
export async function stopToken(store: Store, owner: ReminderOwner, kind: ReminderKind): Promise<string> {
  const payload = `${typeCodes[owner.type]}.${owner.id}.${kind}`;
  return `${payload}.${signature(await linkSecret(store), payload)}`;
}

/** What a stop link's token stands for, or undefined when it is not one this service signed. */
export async function readStopToken(store: Store, token: string): Promise<StopLink | undefined> {
  const parts = token.split('.');
  if (parts.length !== 4) return undefined;
  const [code, id, kind, given] = parts as [string, string, string, string];
  const type = code === 'u' ? 'user' : code === 'i' ? 'invitation' : undefined;
  if (!type || !/^[0-9a-f-]{36}$/.test(id) || !isReminderKind(kind)) return undefined;
  const expected = Buffer.from(signature(await linkSecret(store), `${code}.${id}.${kind}`));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return { owner: { type, id }, kind };
}
