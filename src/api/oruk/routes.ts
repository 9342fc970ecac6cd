import { createHash } from 'node:crypto';
import fastifyCors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { parseFeedQuery, type FeedEndpoint, type FeedQuery } from '../../domain/directory/oruk-query.js';
import { httpDate, isNotModified } from '../../domain/shared/conditional-request.js';
import { sendProblem } from '../problem.js';
import { orukOpenApiDocument, registerOrukOpenApi } from './openapi.js';
import {
  aboutSchema,
  idParams,
  json,
  listBodies,
  listErrors,
  listQueries,
  operations,
  recordBodies,
  recordErrors,
} from './schemas.js';

export const orukVersion = 'HSDS-UK-3.0';
export const orukProfile = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

const open = { config: { access: 'public' } } as const;
const hidden = { ...open, schema: { hide: true } } as const;

type Params = { slug: string; id?: string };

/** Routes whose answers come from the directory's records, so its last change dates them. */
const datedRoute = /\/(services|service_at_locations|organizations)\b/;

/**
 * Each partnership's public, read-only Open Referral UK 3.0 feed at /oruk/{slug}/. Anyone may read it, from any
 * web page (CORS, with the preflight answered). Answers carry an ETag (and Last-Modified where the records date
 * them) and are 304 when the reader already has them. Unknown partnerships and records get 404 and bad query
 * values 400, as JSON that says what to do.
 */
export function registerOrukFeed(app: FastifyInstance, services: Services): void {
  void app.register(async (scope) => orukFeedRoutes(scope, services), { prefix: '/oruk' });
}

async function orukFeedRoutes(scope: FastifyInstance, services: Services): Promise<void> {
  const feed = services.oruk;
  // The route schemas document the feed; parseFeedQuery checks the query, with messages that say what to send.
  scope.setValidatorCompiler(() => (value) => ({ value }));
  scope.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await registerOrukOpenApi(scope);
  const feedUrl = (slug: string) => `${services.baseUrl}/oruk/${encodeURIComponent(slug)}`;

  await scope.register(fastifyCors, {
    origin: '*',
    methods: ['GET', 'HEAD', 'OPTIONS'],
    allowedHeaders: ['Accept', 'If-None-Match', 'If-Modified-Since'],
    exposedHeaders: ['ETag', 'Last-Modified'],
    maxAge: 86_400,
  });

  scope.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400) return payload;
    reply.header('cache-control', 'public, max-age=60');
    if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url')}"`;
    const { slug } = request.params as Params;
    const lastModified = datedRoute.test(request.routeOptions.url ?? '') ? await feed.changedAt(slug) : null;
    reply.header('etag', etag);
    if (lastModified) reply.header('last-modified', httpDate(lastModified));
    const conditions = {
      ifNoneMatch: request.headers['if-none-match'],
      ifModifiedSince: request.headers['if-modified-since'],
    };
    if (!isNotModified(conditions, { etag, lastModified })) return payload;
    reply.code(304);
    return '';
  });

  scope.setNotFoundHandler(async (_request, reply) =>
    sendProblem(reply, 404, 'There is no such resource.', { label: 'Not found' }),
  );

  const answer =
    (work: (request: FastifyRequest, params: Params) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        return reply.send(await work(request, request.params as Params));
      } catch (error) {
        if (error instanceof NotFoundError) {
          return sendProblem(reply, 404, error.message, { label: 'Not found' });
        }
        if (error instanceof ValidationError) {
          return sendProblem(reply, 400, error.message, { label: 'Bad request' });
        }
        throw error;
      }
    };

  const query = (request: FastifyRequest, endpoint: FeedEndpoint): FeedQuery => {
    const parsed = parseFeedQuery((request.query ?? {}) as Record<string, unknown>, endpoint);
    if (!parsed.ok) throw new ValidationError({ query: parsed.problems.join(' ') });
    return parsed.query;
  };

  const id = (params: Params) => params.id ?? '';

  scope.get('/:slug', hidden, async (request, reply) => {
    const { slug } = request.params as Params;
    return reply.redirect(`/oruk/${encodeURIComponent(slug)}/`, 301);
  });
  scope.get(
    '/:slug/',
    {
      ...open,
      schema: {
        operationId: 'getAPIMetaInformation',
        summary: 'About this feed',
        response: { 200: json('The HSDS version, profile and this document.', aboutSchema) },
      },
    },
    answer(async (_request, { slug }) => {
      await feed.partnership(slug);
      return { version: orukVersion, profile: orukProfile, openapi_url: `${feedUrl(slug)}/openapi.json` };
    }),
  );
  scope.get(
    '/:slug/openapi.json',
    hidden,
    answer(async (_request, { slug }) => {
      const partnership = await feed.partnership(slug);
      return orukOpenApiDocument(scope, feedUrl(slug), partnership.name);
    }),
  );
  const collections: readonly [
    FeedEndpoint,
    (slug: string, query: FeedQuery) => Promise<unknown>,
    (slug: string, id: string) => Promise<unknown>,
  ][] = [
    ['services', feed.services, feed.service],
    ['service_at_locations', feed.serviceAtLocations, feed.serviceAtLocation],
    ['organizations', feed.organizations, feed.organization],
    ['taxonomies', feed.taxonomies, feed.taxonomyById],
    ['taxonomy_terms', feed.taxonomyTerms, feed.taxonomyTerm],
  ];
  for (const [endpoint, list, one] of collections) {
    const { description, schema } = listBodies[endpoint];
    scope.get(
      `/:slug/${endpoint}`,
      {
        ...open,
        schema: {
          ...operations[endpoint].list,
          querystring: listQueries[endpoint],
          response: { 200: json(description, schema), ...listErrors },
        },
      },
      answer((request, { slug }) => list(slug, query(request, endpoint))),
    );
    const record = recordBodies[endpoint];
    scope.get(
      `/:slug/${endpoint}/:id`,
      {
        ...open,
        schema: {
          ...operations[endpoint].record,
          params: idParams,
          response: { 200: json(record.description, record.schema), ...recordErrors },
        },
      },
      answer((_request, params) => one(params.slug, id(params))),
    );
  }
}
