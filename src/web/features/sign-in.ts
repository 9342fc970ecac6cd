import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { sessionCookieName } from '../plugins/security.js';

/** Only paths on this site, so `next` cannot send someone elsewhere after signing in. */
export function safeNextPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
  });
}

export function registerSignIn(
  app: FastifyInstance,
  services: Services,
  options: { secureCookies: boolean; signInAttemptsPer15Minutes: number },
): void {
  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    if (request.live) return reply.redirect('/', 303);
    const next = safeNextPath((request.query as Record<string, unknown>).next);
    return reply.page('auth/sign-in.njk', { title: 'Sign in', next, values: {} });
  });

  app.post(
    '/sign-in',
    {
      config: {
        access: 'public',
        rateLimit: {
          max: options.signInAttemptsPer15Minutes,
          timeWindow: 15 * 60_000,
          // After the body is parsed (the default, onRequest, runs before), so the key has the email in it.
          hook: 'preValidation',
          keyGenerator: (request) => `${request.ip}|${text(request.body, 'email').toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const email = text(request.body, 'email');
      const password = (request.body as Record<string, unknown> | undefined)?.password;
      const next = safeNextPath(text(request.body, 'next'));
      const problems: Record<string, string> = {};
      if (!email) problems.email = 'Enter your email address';
      if (typeof password !== 'string' || password === '') problems.password = 'Enter your password';
      const signedIn =
        Object.keys(problems).length === 0
          ? await services.sessions.signIn(email, password as string)
          : undefined;
      if (!signedIn) {
        const errors = formErrors(
          Object.keys(problems).length > 0
            ? problems
            : { email: 'Enter the email address and password for your account. Check both and try again.' },
        );
        return reply.page('auth/sign-in.njk', { title: 'Sign in', next, values: { email }, errors }, 400);
      }
      setSessionCookie(reply, signedIn.token, options.secureCookies);
      return reply.redirect(next, 303);
    },
  );

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    if (request.live) await services.sessions.signOut(request.live);
    reply.clearCookie(sessionCookieName, { path: '/' });
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('auth/signed-out.njk', { title: 'You have signed out' }),
  );
}
