import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { formErrors, parseForm } from '../forms.js';

/**
 * Reminder emails: the signed-in person's choice of which reminders they get (/account/reminders), and the
 * "stop these reminders" link in every reminder email, which works without signing in (/reminders/stop/…):
 * opening it shows a page with one button, so a mail scanner following the link changes nothing.
 */

const preferencesForm = z.object({
  receive: z
    .union([z.string(), z.array(z.string())], { error: 'Select the reminders you want' })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])),
});

const linkNotWorking = {
  title: 'This link does not work',
  paragraphs: [
    'The web address may be incomplete. If you copied it from an email, check you copied all of it.',
    'If you have an account, you can choose which reminders you get on your account page after signing in.',
  ],
};

export function registerReminders(app: FastifyInstance, services: Services): void {
  const { reminders } = services;

  /** No caching and no indexing: the address is a key. */
  const privatePage = async (_request: unknown, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store');
    reply.header('x-robots-tag', 'noindex, nofollow');
  };

  app.get('/account/reminders', { config: { access: 'signed-in' } }, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const query = request.query as Record<string, unknown>;
    return reply.page('account/reminders.njk', {
      title: 'Reminder emails',
      preferences: await reminders.preferences(live.user),
      saved: query.saved === 'yes',
      backLink: { href: '/account', text: 'Back to your account' },
    });
  });

  app.post('/account/reminders', { config: { access: 'signed-in' } }, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    try {
      const { receive } = parseForm(preferencesForm, request.body);
      await reminders.savePreferences(live.user, receive);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'account/reminders.njk',
        {
          title: 'Reminder emails',
          preferences: await reminders.preferences(live.user),
          errors: formErrors(error.fields),
          backLink: { href: '/account', text: 'Back to your account' },
        },
        400,
      );
    }
    return reply.redirect('/account/reminders?saved=yes', 303);
  });

  app.get(
    '/reminders/stop/:token',
    { config: { access: 'public' }, onRequest: privatePage },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const link = await reminders.describeStopLink(token);
      if (!link) return reply.page('errors/error.njk', linkNotWorking, 404);
      return reply.page('reminders/stop.njk', { title: 'Stop these reminders', link, token });
    },
  );

  app.post(
    '/reminders/stop/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
      onRequest: privatePage,
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const link = await reminders.stopFromLink(token);
      if (!link) return reply.page('errors/error.njk', linkNotWorking, 404);
      return reply.page('reminders/stopped.njk', { title: 'Reminders stopped', link });
    },
  );
}
