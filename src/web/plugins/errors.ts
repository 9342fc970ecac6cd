import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError, ValidationError } from '../../app/errors.js';
import { ApiUnauthorised, PageForbidden, PageNotFound } from './access.js';

interface Problem {
  readonly status: number;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly action?: { href: string; text: string };
}

const notFound: Problem = {
  status: 404,
  title: 'Page not found',
  paragraphs: [
    'If you typed the web address, check it is correct.',
    'If you pasted the web address, check you copied the entire address.',
    'If you followed a link from another partnership, you may not be a member of it.',
  ],
  action: { href: '/', text: 'Go to the start page' },
};

function problemFor(error: FastifyError): Problem {
  if (error instanceof PageNotFound || error instanceof NotFoundError) return notFound;
  if (error instanceof PageForbidden || error instanceof ForbiddenError) {
    return {
      status: 403,
      title: 'You do not have permission to see this page',
      paragraphs: [
        // A use case's refusal says why (such as whose service it is); a route's says the role does not reach.
        error instanceof ForbiddenError && error.message
          ? error.message.replace(/([^.])$/, '$1.')
          : 'Your role in this partnership does not include this page.',
        'Ask a partnership admin if you need access.',
      ],
      action: { href: '/', text: 'Go to your home page' },
    };
  }
  if (error.code?.startsWith('FST_CSRF')) {
    return {
      status: 403,
      title: 'This form has expired',
      paragraphs: [
        'We could not check that this form came from Common Ground, so nothing was saved.',
        'This happens when a page has been open for a long time or cookies are blocked. Go back, reload the page and try again.',
      ],
    };
  }
  if (error.statusCode === 429) {
    return {
      status: 429,
      title: 'Too many attempts',
      paragraphs: ['You have tried this too many times in a short time. Wait 15 minutes, then try again.'],
    };
  }
  if (
    error instanceof ValidationError ||
    (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
  ) {
    return {
      status: error instanceof ValidationError ? 400 : (error.statusCode ?? 400),
      title: 'Sorry, we could not accept that',
      paragraphs: [
        'Something in the request was not in the form we expected. Go back, check what you entered and try again.',
      ],
    };
  }
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    paragraphs: [
      'Try again later. Nothing you entered on the last page has been lost unless the page said it was saved.',
    ],
  };
}

const isApi = (request: FastifyRequest) =>
  request.url.startsWith('/api/') || request.url.startsWith('/oruk/');

async function renderProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem) {
  if (isApi(request)) {
    return reply.code(problem.status).send({ error: problem.title, message: problem.paragraphs.join(' ') });
  }
  return reply.page(
    'errors/error.njk',
    { title: problem.title, paragraphs: problem.paragraphs, action: problem.action },
    problem.status,
  );
}

/** GOV.UK-style error pages (and JSON for the API) that never show stack traces or internal messages. */
export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request))
      return reply.code(404).send({ error: 'Not found', message: 'There is no such resource.' });
    return renderProblem(request, reply, notFound);
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof ApiUnauthorised) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'Unauthorised', message: error.message });
    }
    const problem = problemFor(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    return renderProblem(request, reply, problem);
  });
}
