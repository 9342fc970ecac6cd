import type { IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemDetails, problemJsonType } from '../../domain/shared/problem-details.js';
import { ApiUnauthorised } from './access.js';
import { notFound, problemFor, type Problem } from './error-problems.js';

export { tooManyAttempts, type Problem } from './error-problems.js';

const malformed = Symbol('malformed address');
type MarkedRequest = IncomingMessage & {
  [malformed]?: { readonly error: FastifyError; readonly url: string };
};

/** No route has this path, so a request sent to it reaches the not-found handler's hooks. */
const malformedAddressPath = '/.malformed-address';

/** The address the person asked for, also when it could not be routed (see `routeMalformedAddress`). */
const requestedUrl = (request: FastifyRequest) =>
  (request.raw as MarkedRequest)[malformed]?.url ?? request.url;

const isApi = (request: FastifyRequest) => {
  const url = requestedUrl(request);
  return url.startsWith('/api/') || url.startsWith('/oruk/');
};

/**
 * Fastify's `frameworkErrors`: the router refuses some addresses (bad percent-encoding such as `/p/%E0%A4%A`, an
 * over-long part) before any hook runs, and would answer with its own JSON. Routing the request again to a
 * path no route has, marked with its error, gives it the cookies, security headers and CSRF token of every
 * page; the hook in `registerErrorPages` then raises the error so the usual error page (or problem JSON) answers.
 */
export function routeMalformedAddress(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const raw = request.raw as MarkedRequest;
  if (raw[malformed]) {
    reply.code(400).type('text/plain; charset=utf-8').send('Bad request');
    return;
  }
  raw[malformed] = { error, url: raw.url ?? '/' };
  raw.url = malformedAddressPath;
  request.server.routing(raw, reply.raw);
}

// Header values must be printable ASCII; a request's data in a Location header would otherwise fail at send.
const unsafeHeaderValue = /[^\x20-\x7e]/;

export async function renderProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  // A failed redirect must not leave its Location on the error page.
  reply.removeHeader('location');
  if (isApi(request)) {
    return reply
      .code(problem.status)
      .type(problemJsonType)
      .send(
        problemDetails(problem.status, problem.paragraphs.join(' '), {
          label: problem.label ?? problem.title,
        }),
      );
  }
  return reply.page(
    'errors/error.njk',
    { title: problem.title, paragraphs: problem.paragraphs, action: problem.action },
    problem.status,
  );
}

/** GOV.UK-style error pages (and problem details for the API) that never show stack traces or internal messages. */
export function registerErrorPages(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    done((request.raw as MarkedRequest)[malformed]?.error);
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string' && unsafeHeaderValue.test(location)) {
      throw new Error('A redirect was refused: its address has characters a header cannot carry.');
    }
    return payload;
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) {
      return reply
        .code(404)
        .type(problemJsonType)
        .send(problemDetails(404, 'There is no such resource.', { label: 'Not found' }));
    }
    return renderProblem(request, reply, notFound);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof ApiUnauthorised) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .type(problemJsonType)
        .send(problemDetails(401, error.message, { label: 'Unauthorised' }));
    }
    const problem = problemFor(error, request, reply);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    return renderProblem(request, reply, problem);
  });
}
