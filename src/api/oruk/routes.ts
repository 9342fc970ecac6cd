import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { parseFeedQuery, type FeedEndpoint, type FeedQuery } from '../../domain/directory/oruk-query.js';
import { sendProblem } from '../problem.js';
import { orukOpenApiDocument } from './openapi.js';

export const orukVersion = 'HSDS-UK-3.0';
export const orukProfile = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';

const open = { config: { access: 'public' } } as const;

type Params = { slug: string; id?: string };

/**
 * Each partnership's public, read-only Open Referral UK 3.0 feed at /oruk/{slug}/. Anyone may read it, from any
 * web page (CORS). Unknown partnerships and records get 404 and bad query values 400, as JSON that says what
 * to do.
 */
export function registerOrukFeed(app: FastifyInstance, services: Services): void {
  const feed = services.oruk;
  const feedUrl = (slug: string) => `${services.baseUrl}/oruk/${encodeURIComponent(slug)}`;

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/oruk/')) {
      reply.header('access-control-allow-origin', '*');
      if (reply.statusCode < 400) reply.header('cache-control', 'public, max-age=60');
    }
    return payload;
  });

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

  app.get('/oruk/:slug', open, async (request, reply) => {
    const { slug } = request.params as Params;
    return reply.redirect(`/oruk/${encodeURIComponent(slug)}/`, 301);
  });
  app.get(
    '/oruk/:slug/',
    open,
    answer(async (_request, { slug }) => {
      await feed.partnership(slug);
      return { version: orukVersion, profile: orukProfile, openapi_url: `${feedUrl(slug)}/openapi.json` };
    }),
  );
  app.get(
    '/oruk/:slug/openapi.json',
    open,
    answer(async (_request, { slug }) => {
      const partnership = await feed.partnership(slug);
      return orukOpenApiDocument(feedUrl(slug), partnership.name);
    }),
  );
  app.get(
    '/oruk/:slug/services',
    open,
    answer((request, { slug }) => feed.services(slug, query(request, 'services'))),
  );
  app.get(
    '/oruk/:slug/services/:id',
    open,
    answer((_request, params) => feed.service(params.slug, id(params))),
  );
  app.get(
    '/oruk/:slug/service_at_locations',
    open,
    answer((request, { slug }) => feed.serviceAtLocations(slug, query(request, 'service_at_locations'))),
  );
  app.get(
    '/oruk/:slug/service_at_locations/:id',
    open,
    answer((_request, params) => feed.serviceAtLocation(params.slug, id(params))),
  );
  app.get(
    '/oruk/:slug/taxonomies',
    open,
    answer((request, { slug }) => feed.taxonomies(slug, query(request, 'taxonomies'))),
  );
  app.get(
    '/oruk/:slug/taxonomies/:id',
    open,
    answer((_request, params) => feed.taxonomyById(params.slug, id(params))),
  );
  app.get(
    '/oruk/:slug/taxonomy_terms',
    open,
    answer((request, { slug }) => feed.taxonomyTerms(slug, query(request, 'taxonomy_terms'))),
  );
  app.get(
    '/oruk/:slug/taxonomy_terms/:id',
    open,
    answer((_request, params) => feed.taxonomyTerm(params.slug, id(params))),
  );
}
