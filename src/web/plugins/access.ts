import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '../../domain/accounts/roles.js';
import type { Services } from '../../app/services.js';
import type { Access } from '../access-types.js';
import { sessionCookieName } from './security.js';

export const staticPrefixes = ['/assets/', '/static/'];
/** The CORS preflight route that @fastify/cors adds for the public Open Referral UK feeds (src/api/oruk). */
export const orukPreflightRoute = '/oruk*';

/**
 * The access of a route that does not state one: static files and the feeds' preflight are public, everything
 * else needs a session.
 */
export function defaultAccess(url: string): Access {
  return url === orukPreflightRoute || staticPrefixes.some((prefix) => url.startsWith(prefix))
    ? 'public'
    : 'signed-in';
}

export function routeAccess(request: FastifyRequest): Access {
  const url = request.routeOptions.url;
  // No route matched: the not-found handler answers (JSON under /api/), the same for everyone.
  if (url === undefined) return 'public';
  return request.routeOptions.config.access ?? defaultAccess(url);
}

export class PageNotFound extends Error {
  override readonly name = 'PageNotFound';
}

export class PageForbidden extends Error {
  override readonly name = 'PageForbidden';
}

export class ApiUnauthorised extends Error {
  override readonly name = 'ApiUnauthorised';
}

function redirectToSignIn(request: FastifyRequest, reply: FastifyReply) {
  const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`/sign-in${next}`, 303);
}

/**
 * Loads the session from its cookie, then enforces the route's `access`. Partnership routes answer 404
 * to anyone who is not a member, so that another partnership's pages are indistinguishable from none.
 */
export function registerAccessControl(app: FastifyInstance, services: Services): void {
  app.decorateRequest('live', undefined);
  app.decorateRequest('partnershipAccess', undefined);
  app.decorateRequest('apiUser', undefined);
  app.decorateRequest('viewerPartnerships', undefined);

  app.addHook('preHandler', async (request, reply) => {
    const access = routeAccess(request);
    if (access === 'api') {
      const header = request.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match?.[1] ? await services.apiTokens.authenticate(match[1]) : undefined;
      if (!user)
        throw new ApiUnauthorised('Send a personal access token as "Authorization: Bearer <token>".');
      request.apiUser = user;
      return;
    }

    const cookie = request.cookies[sessionCookieName];
    const unsigned = cookie ? request.unsignCookie(cookie) : undefined;
    if (unsigned?.valid && unsigned.value) {
      request.live = await services.sessions.resume(unsigned.value);
      if (!request.live) reply.clearCookie(sessionCookieName, { path: '/' });
    }
    if (request.live) {
      request.viewerPartnerships = await services.partnerships.listForUser(request.live.user);
    }
    if (access === 'public') return;
    if (!request.live) return redirectToSignIn(request, reply);
    if (access === 'signed-in') return;
    if (access === 'national-admin') {
      if (!request.live.user.isNationalAdmin) throw new PageForbidden();
      return;
    }
    const slug = (request.params as Record<string, string> | undefined)?.slug ?? '';
    const partnershipAccess = await services.partnerships.access(request.live.user, slug);
    if (!partnershipAccess) throw new PageNotFound();
    request.partnershipAccess = partnershipAccess;
    if (
      access.partnership !== 'member' &&
      !roleAllows(partnershipAccess.membership.role, access.partnership)
    ) {
      throw new PageForbidden();
    }
  });
}
