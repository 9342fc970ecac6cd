import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';

/**
 * Demo mode only: a local mailbox showing whole messages, so someone trying the service can follow
 * invitation and password links without an email server. Never registered outside demo mode.
 */
export function registerDemoMail(app: FastifyInstance, services: Services): void {
  app.get('/demo/mail', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('demo/mailbox.njk', {
      title: 'Demo mailbox',
      messages: await services.outbox.recentWithBodies(),
    }),
  );

  app.get('/demo/mail/:messageId', { config: { access: 'public' } }, async (request, reply) => {
    const { messageId } = request.params as { messageId: string };
    const message = await services.outbox.findWithBody(messageId);
    if (!message) return reply.callNotFound();
    const linked = message.bodyText
      .split('\n')
      .map((line) => ({ text: line, isLink: /^https?:\/\/\S+$/.test(line.trim()) }));
    return reply.page('demo/message.njk', {
      title: message.subject,
      message,
      lines: linked,
      backLink: { href: '/demo/mail', text: 'Back to the demo mailbox' },
    });
  });
}
