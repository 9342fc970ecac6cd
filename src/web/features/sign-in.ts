import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../app/services.js';
import { safeRedirectPath } from '../../domain/shared/safe-redirect.js';
import { formErrors, text } from '../forms.js';
import { renderProblem, tooManyAttempts } from '../plugins/errors.js';
import { sessionCookieName } from '../plugins/security.js';

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
  options: { secureCookies: boolean },
): void {
  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    if (request.live) return reply.redirect('/', 303);
    const next = safeRedirectPath((request.query as Record<string, unknown>).next);
    return reply.page('auth/sign-in.njk', { title: 'Sign in', next, values: {} });
  });

  // Limited by failures per email address and per network address, kept in the database (services.sessions).
  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const email = text(request.body, 'email');
    const password = (request.body as Record<string, unknown> | undefined)?.password;
    const next = safeRedirectPath(text(request.body, 'next'));
    const problems: Record<string, string> = {};
    if (!email) problems.email = 'Enter your email address';
    if (typeof password !== 'string' || password === '') problems.password = 'Enter your password';
    if (Object.keys(problems).length > 0 || typeof password !== 'string') {
      return reply.page(
        'auth/sign-in.njk',
        { title: 'Sign in', next, values: { email }, errors: formErrors(problems) },
        400,
      );
    }
    const attempt = await services.sessions.signInWithinLimits(email, password, request.ip);
    if (attempt.outcome === 'limited') {
      request.log.warn({ waitMinutes: attempt.waitMinutes }, 'sign-in refused: too many failed attempts');
      reply.header('retry-after', String(attempt.waitMinutes * 60));
      return renderProblem(
        request,
        reply,
        tooManyAttempts(attempt.waitMinutes, {
          title: 'Too many attempts to sign in',
          tried: 'to sign in',
          action: { href: '/password-reset', text: 'If you have forgotten your password, reset it' },
        }),
      );
    }
    if (attempt.outcome === 'refused') {
      const errors = formErrors({
        email: 'Enter the email address and password for your account. Check both and try again.',
      });
      return reply.page('auth/sign-in.njk', { title: 'Sign in', next, values: { email }, errors }, 400);
    }
    setSessionCookie(reply, attempt.signedIn.token, options.secureCookies);
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', { config: { access: 'signed-in' } }, async (request, reply) => {
    if (request.live) await services.sessions.signOut(request.live);
    reply.clearCookie(sessionCookieName, { path: '/' });
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('auth/signed-out.njk', { title: 'You have signed out' }),
  );
}
