import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { keepReferencedSchemas } from '../v1/tidy-document.js';

/**
 * The OpenAPI 3.1 description of one partnership's Open Referral UK 3.0 feed, generated from the zod schemas of
 * the routes registered after it in the same plugin (see schemas.ts): the UK profile's endpoints and filters, with
 * the UK profile's schemas for the bodies, and the HSDS 3.0 ones the profile leaves out (/organizations,
 * modified_after, organization_id, full, format=json). Paths are relative to the partnership's feed address.
 */

type JsonSchemaNode = { minimum?: number; maximum?: number };
type Operation = { parameters?: { name: string; in: string }[]; responses?: Record<string, Response> };
type Response = { description?: string; content?: object; headers?: object };
type Document = { paths?: Record<string, Record<string, Operation>> };

const toOpenApi = {
  zodToJsonConfig: {
    target: 'draft-2020-12' as const,
    override: ({ jsonSchema }: { jsonSchema: JsonSchemaNode }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  },
};

const cached = {
  ETag: {
    description: 'Send it back in If-None-Match to get 304 when nothing changed.',
    schema: { type: 'string' },
  },
  'Last-Modified': {
    description: 'When the directory last changed (on lists and records of services and organisations).',
    schema: { type: 'string' },
  },
};

const feedPrefix = /^\/oruk\/\{slug\}/;

/**
 * Paths relative to the feed (the partnership is in the server address, so its slug is no parameter), with the
 * caching headers on every answer that has a body.
 */
function relativeToFeed<T extends { paths?: object }>(document: T): T {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, operations] of Object.entries((document as Document).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const parameters = (operation.parameters ?? []).filter((p) => !(p.in === 'path' && p.name === 'slug'));
      if (parameters.length > 0) operation.parameters = parameters;
      else delete operation.parameters;
      const ok = operation.responses?.['200'];
      if (ok) ok.headers = cached;
    }
    paths[path.replace(feedPrefix, '') || '/'] = operations;
  }
  return { ...document, paths };
}

const transformObject = createJsonSchemaTransformObject(toOpenApi);

/** Registers the generator in the feed's plugin; the answer is made per partnership by orukOpenApiDocument. */
export async function registerOrukOpenApi(scope: FastifyInstance): Promise<void> {
  await scope.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Open Referral UK feed', version: '3.0' },
    },
    transform: createJsonSchemaTransform({ ...toOpenApi, skipList: [] }),
    transformObject: (document) => relativeToFeed(keepReferencedSchemas(transformObject(document))),
  });
}

/** The feed's document for one partnership: its name in the title, its feed address as the server. */
export function orukOpenApiDocument(scope: FastifyInstance, feedUrl: string, partnershipName: string) {
  const generated = structuredClone(scope.swagger()) as Record<string, unknown>;
  return {
    ...generated,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `${partnershipName}: Open Referral UK feed`,
      version: '3.0',
      description:
        'The public directory of services of this partnership, in the Open Referral UK 3.0 profile of HSDS 3.0. Read-only; no sign-in; any web page may read it (CORS). Answers carry an ETag, and Last-Modified where records date them; send them back to get 304 when nothing changed.',
    },
    servers: [{ url: feedUrl }],
  };
}
