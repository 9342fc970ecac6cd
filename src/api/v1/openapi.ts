import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { keepReferencedSchemas, optionalNullableBodies } from './tidy-document.js';

type JsonSchemaNode = { readOnly?: boolean; minimum?: number; maximum?: number };

const toOpenApi = {
  zodToJsonConfig: {
    target: 'draft-2020-12' as const,
    // Response lists are read-only in TypeScript only (see schemas/common.ts), and zod bounds every integer by
    // the safe range: neither tells an API client anything.
    override: ({ jsonSchema }: { jsonSchema: JsonSchemaNode }) => {
      delete jsonSchema.readOnly;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  },
};

const transformObject = createJsonSchemaTransformObject(toOpenApi);

/**
 * Generates the OpenAPI 3.1 description of the v1 API from the request and response schemas of the routes
 * registered after it in the same plugin. Paths are relative to the server address, as before.
 */
export async function registerOpenApiDocument(v1: FastifyInstance, baseUrl: string): Promise<void> {
  await v1.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Common Ground API',
        version: '1.0.0',
        description:
          'Read and write partnership data as yourself. Create a personal access token on your account page and send it as "Authorization: Bearer <token>". A token can do what its owner can do, in the owner’s partnerships only.',
      },
      servers: [{ url: `${baseUrl}/api/v1` }],
      security: [{ bearerAuth: [] }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token' },
        },
      },
    },
    transform: createJsonSchemaTransform({ ...toOpenApi, skipList: [] }),
    transformObject: (document) => optionalNullableBodies(keepReferencedSchemas(transformObject(document))),
  });

  v1.get(
    '/api/v1/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_request, reply) => reply.header('access-control-allow-origin', '*').send(v1.swagger()),
  );
}
