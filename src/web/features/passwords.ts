import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import { looksLikeEmail } from '../../domain/accounts/email-address.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';

const invalidLink = {
  title: 'This link has expired or has already been used',
  paragraphs: [
    'Links to choose a password work once, and a reset link works for 1 hour.',
    'You can ask for a new link.',
  ],
  action: { href: '/password-reset', text: 'Get a new link' },
};

export function registerPasswords(app: FastifyInstance, services: Services): void {
  app.get('/password-reset', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('auth/password-reset.njk', { title: 'Reset your password', values: {} }),
  );

  app.post(
    '/password-reset',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: 15 * 60_000 } } },
    async (request, reply) => {
      const email = text(request.body, 'email');
      if (!looksLikeEmail(email)) {
        const errors = formErrors({
          email: 'Enter an email address in the correct format, like name@example.org',
        });
        return reply.page(
          'auth/password-reset.njk',
          { title: 'Reset your password', values: { email }, errors },
          400,
        );
      }
      await services.passwords.requestReset(email);
      return reply.page('auth/check-email.njk', { title: 'Check your email', email });
    },
  );

  app.get('/password/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const state = await services.passwords.checkLink(token);
    if (state.status === 'invalid') return reply.page('errors/error.njk', invalidLink, 404);
    return reply.page('auth/choose-password.njk', {
      title: 'Choose a password',
      token,
      email: state.user.email,
    });
  });

  app.post('/password/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const body = request.body as Record<string, unknown> | undefined;
    const password = typeof body?.password === 'string' ? body.password : '';
    const confirmation = typeof body?.confirmPassword === 'string' ? body.confirmPassword : '';
    try {
      const user = await services.passwords.setFromLink(token, password, confirmation);
      if (!user) return reply.page('errors/error.njk', invalidLink, 404);
      return reply.page('auth/password-set.njk', { title: 'Your password has been set' });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const state = await services.passwords.checkLink(token);
      if (state.status === 'invalid') return reply.page('errors/error.njk', invalidLink, 404);
      return reply.page(
        'auth/choose-password.njk',
        { title: 'Choose a password', token, email: state.user.email, errors: formErrors(error.fields) },
        400,
      );
    }
  });
}
