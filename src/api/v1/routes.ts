import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { openApiDocument } from './openapi.js';
import { registerMatchingApi } from './matching.js';
import { registerRoundResultsApi } from './round-results.js';

/** Our own JSON API. Every route takes a personal access token and sees only the token owner's partnerships. */
export function registerApiV1(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/openapi.json', { config: { access: 'public' } }, async (_request, reply) =>
    reply.header('access-control-allow-origin', '*').send(openApiDocument(services.baseUrl)),
  );

  app.get('/api/v1/me', { config: { access: 'api' } }, async (request) => {
    const user = request.apiUser;
    if (!user) throw new Error('token was not checked');
    const partnerships = await services.partnerships.listForUser(user);
    return {
      id: user.id,
      email: user.email,
      name: user.displayName,
      nationalAdmin: user.isNationalAdmin,
      partnerships: partnerships.map((p) => ({
        slug: p.slug,
        name: p.name,
        localAuthorityCode: p.localAuthorityCode,
        role: p.role,
      })),
    };
  });

  registerRoundResultsApi(app, services);
  registerMatchingApi(app, services);
}
