import { reminderKinds } from '../reminders/reminders.js';

/**
 * Every kind of email the service queues (the outbox's `kind`). GOV.UK Notify sends each kind with a template of
 * its own (docs/email.md), so a kind added here needs a NOTIFY_TEMPLATE_… setting too.
 */
export const emailKinds = [
  'invitation',
  'password-reset',
  'round-invitation',
  'feed-failed',
  ...reminderKinds.map((kind) => `reminder-${kind}` as const),
] as const;
export type EmailKind = (typeof emailKinds)[number];

export function isEmailKind(value: string): value is EmailKind {
  return (emailKinds as readonly string[]).includes(value);
}
