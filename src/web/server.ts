import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Services } from '../app/services.js';
import type { RouteTableEntry } from './access-types.js';
import { defaultAccess, registerAccessControl, routeAccess } from './plugins/access.js';
import { registerErrorPages, routeMalformedAddress } from './plugins/errors.js';
import { proxyTrust, registerSecurity } from './plugins/security.js';
import { registerViews } from './plugins/views.js';
import { registerFeatureRoutes } from './features/index.js';
import type { WebOptions } from './web-options.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const publicDir = path.resolve(here, '..', '..', 'public');
const govukAssets = path.resolve(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist/govuk/assets',
);

/** Builds the whole HTTP application (web pages and JSON APIs) over the services. */
export async function buildWebServer(services: Services, options: WebOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: proxyTrust(options.trustProxy),
    frameworkErrors: routeMalformedAddress,
  });

  const routeTable: RouteTableEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, access: route.config?.access ?? defaultAccess(route.url) });
    }
  });

  await registerSecurity(app, {
    cookieSecret: options.cookieSecret,
    secureCookies: options.secureCookies,
    ...(options.mapTileUrl
      ? { imageOrigins: [new URL(options.mapTileUrl.replace(/[{}]/g, '')).origin] }
      : {}),
  });
  await registerViews(app);
  await app.register(fastifyStatic, { root: govukAssets, prefix: '/assets/', decorateReply: false });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/static/', decorateReply: false });

  app.addHook('preHandler', (request, reply, done) => {
    const safe = request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS';
    if (safe || routeAccess(request) === 'api') return done();
    app.csrfProtection(request, reply, done);
  });
  registerAccessControl(app, services);
  registerErrorPages(app);
  await registerFeatureRoutes(app, services, options);

  if (options.mailSender) {
    const delivery = services.outbox.startDelivering(options.mailSender, (error) =>
      app.log.error({ err: error }, 'email delivery failed'),
    );
    app.addHook('onClose', () => delivery.stop());
  }
  return app;
}

export type { WebOptions } from './web-options.js';
