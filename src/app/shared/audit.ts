import type { AuditEvent } from './shared-store.js';
import type { Clock } from './system-ports.js';
import type { Store } from '../ports.js';
import { newId } from './secrets.js';

export interface Actor {
  readonly userId: string | null;
  readonly label: string;
}

export const systemActor: Actor = { userId: null, label: 'System' };

export async function recordAudit(
  store: Store,
  clock: Clock,
  event: { partnershipId: string | null; actor: Actor; action: string; subject: string },
): Promise<void> {
  const record: AuditEvent = {
    id: newId(),
    partnershipId: event.partnershipId,
    actorUserId: event.actor.userId,
    actorLabel: event.actor.label,
    action: event.action,
    subject: event.subject,
    createdAt: clock.now().toISOString(),
  };
  await store.audit.record(record);
}
