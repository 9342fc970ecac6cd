import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LightMyRequestResponse } from 'fastify';

interface OpenApiDocument {
  readonly servers: readonly { readonly url: string }[];
  readonly paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
}

/**
 * Checks real answers against an OpenAPI 3.1 document: the operation must list the status and the media type, and
 * the body must match that response's schema (JSON Schema 2020-12, every $ref resolved within the document or
 * among the external schemas given, each with its $id).
 */
export function openApiResponses(document: OpenApiDocument, externalSchemas: readonly object[] = []) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const schema of externalSchemas) ajv.addSchema(schema);
  ajv.addSchema(document, 'openapi');
  const basePath = new URL(document.servers[0]?.url ?? '').pathname;
  const pointer = (...parts: string[]) =>
    parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const checked = new Set<string>();

  return {
    /** Problems with the answer (empty when it matches), for `expect(...).toEqual([])`. */
    check(path: string, method: string, response: LightMyRequestResponse): string[] {
      const operation = `${method.toUpperCase()} ${path}`;
      const status = String(response.statusCode);
      const mediaType = String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
      const described = document.paths[path]?.[method]?.responses[status]?.content ?? {};
      if (!(mediaType in described)) return [`${operation} does not describe ${status} ${mediaType}`];
      checked.add(`${operation} ${status}`);
      const location = pointer('paths', path, method, 'responses', status, 'content', mediaType, 'schema');
      const validate = ajv.getSchema(`openapi#/${location}`);
      if (!validate) return [`${operation}: no schema at ${location}`];
      if (validate(response.json())) return [];
      return (validate.errors ?? []).map(
        (e) => `${operation} ${status}: ${e.instancePath} ${e.message ?? ''}`,
      );
    },
    /** Every operation and status the document describes that no answer was checked against. */
    unchecked(): string[] {
      return Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).flatMap(([method, { responses }]) =>
          Object.keys(responses)
            .map((status) => `${method.toUpperCase()} ${path} ${status}`)
            .filter((key) => !checked.has(key)),
        ),
      );
    },
    basePath,
  };
}
