import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';

export interface SecurityOptions {
  readonly cookieSecret: string;
  readonly secureCookies: boolean;
  /** Other origins images may come from (the needs map's basemap tiles). */
  readonly imageOrigins?: readonly string[];
}

export const sessionCookieName = 'cg_session';

/**
 * Fastify's `trustProxy` from the TRUST_PROXY setting. Fastify refuses a bare hop count (it cannot tell a proxy
 * from a client that connected directly and wrote its own X-Forwarded-For), so a count becomes a function that
 * believes that many hops: right only when the service cannot be reached except through those proxies, as
 * behind a load balancer. A list of the proxies' addresses checks each hop instead.
 */
export function proxyTrust(
  setting: false | number | readonly string[],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting === false ? false : [...setting];
}

/** Cookies, CSRF protection, a strict Content Security Policy and rate limiting (opted into per route). */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  await app.register(fastifyFormbody, { bodyLimit: 1_048_576 });
  await app.register(fastifyCookie, { secret: options.cookieSecret });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'cg_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: '/' },
    getToken: (request) => (request.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...(options.imageOrigins ?? [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: options.secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false });
}
