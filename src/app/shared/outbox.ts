import {
  emailDelivery,
  leaseExpiredBefore,
  nextDeliveryAttempt,
} from '../../domain/shared/email-delivery.js';
import type { Clock, MailSender } from './system-ports.js';
import type { OutboxMessage } from './shared-store.js';
import type { Store } from '../ports.js';
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
    nextAttemptAt: null,
  };
  await store.outbox.enqueue(message);
}

export interface DeliveryCounts {
  readonly sent: number;
  /** Attempts that failed in this run; each message is tried again later until it has failed for good. */
  readonly failed: number;
}

export interface DeliveryOptions {
  /** Messages claimed at a time. */
  readonly batchSize?: number;
  /** At most this many messages per run, so a run always ends; the next run takes the rest. */
  readonly maximumPerRun?: number;
}

/**
 * Sends every message that is due through `sender`, each exactly once however many runs overlap, in this
 * process or in other instances on the same database: a run claims a batch before sending it (see
 * Store['outbox'].claimDue) and renews each claim just before its send, so the lease only has to outlast one
 * send. A failed send is tried again later with a growing wait, until the last attempt marks it failed.
 */
export async function deliverQueuedEmail(
  store: Store,
  clock: Clock,
  sender: MailSender,
  options: DeliveryOptions = {},
): Promise<DeliveryCounts> {
  const batchSize = options.batchSize ?? 20;
  const maximumPerRun = options.maximumPerRun ?? 1_000;
  const token = newId();
  let sent = 0;
  let failed = 0;
  let handled = 0;
  while (handled < maximumPerRun) {
    const now = clock.now();
    const claimed = await store.outbox.claimDue({
      token,
      now: now.toISOString(),
      leaseExpiredBefore: leaseExpiredBefore(now).toISOString(),
      maximumAttempts: emailDelivery.maximumAttempts,
      limit: Math.min(batchSize, maximumPerRun - handled),
    });
    if (claimed.length === 0) break;
    handled += claimed.length;
    for (const message of claimed) {
      const outcome = await deliverClaimed(store, clock, sender, message, token);
      if (outcome === 'sent') sent += 1;
      if (outcome === 'failed') failed += 1;
    }
  }
  return { sent, failed };
}

async function deliverClaimed(
  store: Store,
  clock: Clock,
  sender: MailSender,
  message: OutboxMessage,
  token: string,
): Promise<'sent' | 'failed' | 'skipped'> {
  if (!(await store.outbox.renewClaim(message.id, token, clock.now().toISOString()))) return 'skipped';
  try {
    await sender.send({
      id: message.id,
      kind: message.kind,
      to: message.recipient,
      subject: message.subject,
      text: message.bodyText,
    });
  } catch (error) {
    const retryAt = nextDeliveryAttempt(message.attempts + 1, clock.now());
    await store.outbox.markAttemptFailed(message.id, token, String(error), retryAt?.toISOString() ?? null);
    return 'failed';
  }
  await store.outbox.markSent(message.id, token, clock.now().toISOString());
  return 'sent';
}
