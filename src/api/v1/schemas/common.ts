import { z } from 'zod';

/**
 * Schemas shared by the v1 routes. A schema with an `id` becomes a named component of the generated OpenAPI
 * document (see ../openapi.ts); the rest are written inline where they are used.
 */
export const problemSchema = z
  .looseObject({
    type: z.string().meta({ format: 'uri-reference' }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    error: z.string(),
    message: z.string(),
  })
  .meta({
    id: 'Error',
    description: 'Problem details (RFC 9457); error and message repeat a short label and the detail.',
  });

/**
 * An id. It is checked as a plain string: an unknown or malformed id in a path is answered by the handler (404
 * with its own message), as before the routes had schemas, so `format` only documents the shape.
 */
export const uuid = z.string().meta({ format: 'uuid' });
/** A list in a response: read-only, as the use-cases build them (the document does not mark it read-only). */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const side = z.enum(['council', 'community']).meta({ id: 'Side' });

export const slugParam = z.string().describe('The partnership’s short name');

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const unauthorised = problemResponse('No token, or a revoked or unknown one');
export const invalidRequest = problemResponse('The request is not valid: the message says what to change');
