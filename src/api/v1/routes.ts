import type { FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../app/services.js';
import { registerMatchingApi } from './matching.js';
import { registerOpenApiDocument } from './openapi.js';
import { registerRoundResultsApi } from './round-results.js';
import { jsonResponse, unauthorised } from './schemas/common.js';
import { meSchema } from './schemas/me.js';

/**
 * Our own JSON API. Every route takes a personal access token and sees only the token owner's partnerships.
 * Each route declares zod schemas for its request and responses; the OpenAPI document is generated from them.
 */
export async function registerApiV1(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (plugin) => {
    const v1 = plugin.withTypeProvider<ZodTypeProvider>();
    v1.setValidatorCompiler(validatorCompiler);
    // Responses go out as they are built, as before the schemas: tests check them against the document, so a
    // schema that drifts fails a test rather than turning a working answer into a server error.
    v1.setSerializerCompiler(() => (data) => JSON.stringify(data));
    await registerOpenApiDocument(v1, services.baseUrl);

    v1.get(
      '/api/v1/me',
      {
        config: { access: 'api' },
        schema: {
          summary: 'The account that owns the token, and its partnerships and roles',
          operationId: 'getMe',
          response: { 200: jsonResponse('The account', meSchema), 401: unauthorised },
        },
      },
      async (request) => {
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
      },
    );

    registerRoundResultsApi(v1, services);
    registerMatchingApi(v1, services);
  });
}
