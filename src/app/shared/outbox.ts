import type { Clock, MailSender, OutboxMessage, Store } from '../ports.js';
import { newId } from './secrets.js';

export interface EmailToSend {
  readonly partnershipId: string | null;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly kind: string;
}

/** Every email is written to the outbox first, in the same transaction as the change that caused it. */
export async function queueEmail(store: Store, clock: Clock, email: EmailToSend): Promise<void> {
  const message: OutboxMessage = {
    id: newId(),
    partnershipId: email.partnershipId,
    recipient: email.to,
    subject: email.subject,
    bodyText: email.text,
    kind: email.kind,
    status: 'queued',
    attempts: 0,
    createdAt: clock.now().toISOString(),
    sentAt: null,
    lastError: null,
  };
  await store.outbox.enqueue(message);
}

export const maximumDeliveryAttempts = 5;

/** Sends queued messages through `sender`; a message that fails five times is marked failed. */
export async function deliverQueuedEmail(
  store: Store,
  clock: Clock,
  sender: MailSender,
  batchSize = 50,
): Promise<{ sent: number; failed: number }> {
  const queued = await store.outbox.listQueued(batchSize);
  let sent = 0;
  let failed = 0;
  for (const message of queued) {
    try {
      await sender.send({ to: message.recipient, subject: message.subject, text: message.bodyText });
      await store.outbox.markSent(message.id, clock.now().toISOString());
      sent += 1;
    } catch (error) {
      const giveUp = message.attempts + 1 >= maximumDeliveryAttempts;
      await store.outbox.markAttemptFailed(message.id, String(error), giveUp);
      failed += 1;
    }
  }
  return { sent, failed };
}
