import { emailDelivery } from '../../domain/shared/email-delivery.js';
import type { ServiceDeps } from '../service-deps.js';
import { deliverQueuedEmail } from './outbox.js';
import { repeatWithoutOverlap } from './repeat-without-overlap.js';
import type { MailSender } from './system-ports.js';

/** The audit log and the email outbox. */
export function sharedServices(deps: ServiceDeps) {
  const { store, clock } = deps;
  return {
    audit: {
      listForPartnership: (partnershipId: string) => store.audit.listForPartnership(partnershipId, 200),
    },
    outbox: {
      metadataForPartnership: (partnershipId: string) => store.outbox.listMetadata(partnershipId, 200),
      recentWithBodies: () => store.outbox.listRecent(100),
      findWithBody: (id: string) => store.outbox.findById(id),
      deliver: (sender: MailSender) => deliverQueuedEmail(store, clock, sender),
      /** Delivers every second until stopped, one run at a time (docs/email.md). */
      startDelivering: (sender: MailSender, onError: (error: unknown) => void) =>
        repeatWithoutOverlap(
          () => deliverQueuedEmail(store, clock, sender),
          emailDelivery.pollSeconds * 1_000,
          onError,
        ),
    },
  };
}
