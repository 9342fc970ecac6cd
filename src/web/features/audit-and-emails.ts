import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { emailDelivery } from '../../domain/shared/email-delivery.js';
import { accessOf } from './members.js';

const actionLabels: Record<string, string> = {
  'signed-in': 'Signed in',
  'signed-out': 'Signed out',
  'password-changed': 'Changed password',
  'partnership-created': 'Created the partnership',
  'organisation-added': 'Added an organisation',
  'account-created': 'Created an account',
  'member-invited': 'Invited someone',
  'invitation-accepted': 'Accepted an invitation',
  'invitation-withdrawn': 'Withdrew an invitation',
  'role-changed': 'Changed a role',
  'access-removed': 'Removed someone’s access',
  'demo-loaded': 'Loaded demo data',
  'gap-settings-changed': 'Changed the needs map settings',
  'gap-settings-reset': 'Reset the needs map settings to the defaults',
};

/** What admins may see of the audit log and of the outbox (metadata only, never a message body). */
export function registerAuditAndEmails(app: FastifyInstance, services: Services): void {
  app.get(
    '/p/:slug/audit',
    { config: { access: { partnership: 'read-audit-log' } } },
    async (request, reply) => {
      const { partnership } = accessOf(request);
      const events = await services.audit.listForPartnership(partnership.id);
      return reply.page('audit/audit.njk', {
        title: 'Audit log',
        events: events.map((event) => ({
          ...event,
          actionLabel: actionLabels[event.action] ?? event.action,
        })),
      });
    },
  );

  app.get(
    '/p/:slug/emails',
    { config: { access: { partnership: 'read-outbox' } } },
    async (request, reply) => {
      const { partnership } = accessOf(request);
      const messages = await services.outbox.metadataForPartnership(partnership.id);
      return reply.page('audit/emails.njk', {
        title: 'Emails sent',
        messages,
        maximumAttempts: emailDelivery.maximumAttempts,
      });
    },
  );
}
