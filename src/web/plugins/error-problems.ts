import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, NotFoundError, ValidationError } from '../../app/errors.js';
import { PageForbidden, PageNotFound } from './access.js';

/** What an error page (or the API's problem details) says. */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly action?: { readonly href: string; readonly text: string };
  /** The API's short `error` label; the title when not given. */
  readonly label?: string;
}

export const notFound: Problem = {
  status: 404,
  title: 'Page not found',
  label: 'Not found',
  paragraphs: [
    'If you typed the web address, check it is correct.',
    'If you pasted the web address, check you copied the entire address.',
    'If you followed a link from another partnership, you may not be a member of it.',
  ],
  action: { href: '/', text: 'Go to the start page' },
};

const minutes = (count: number) => `${count} ${count === 1 ? 'minute' : 'minutes'}`;

/** The 429 page: how long to wait, in whole minutes. */
export function tooManyAttempts(
  waitMinutes: number,
  what: { readonly title?: string; readonly tried?: string; readonly action?: Problem['action'] } = {},
): Problem {
  return {
    status: 429,
    title: what.title ?? 'Too many attempts',
    label: 'Too many requests',
    paragraphs: [
      `You have tried ${what.tried ?? 'this'} too many times in a short time.`,
      `Wait ${minutes(waitMinutes)}, then try again.`,
    ],
    ...(what.action ? { action: what.action } : {}),
  };
}

function describeBytes(bytes: number): string {
  const megabytes = bytes / 1_048_576;
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Errors may name the limit they hit (an upload's, say); otherwise the route's body limit is the one. */
function sizeLimitOf(error: FastifyError, request: FastifyRequest): number | undefined {
  const named = (error as { limitBytes?: unknown }).limitBytes;
  if (typeof named === 'number') return named;
  return error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? request.routeOptions.bodyLimit : undefined;
}

function tooLarge(limit: number | undefined): Problem {
  return {
    status: 413,
    title: 'What you sent is too large',
    label: 'Content too large',
    paragraphs: [
      limit === undefined
        ? 'What you sent is larger than this service accepts.'
        : `What you sent is larger than this service accepts: the limit is ${describeBytes(limit)}.`,
      'Go back and send less, or split a file into smaller files.',
    ],
  };
}

const malformedAddress: Problem = {
  status: 400,
  title: 'There is a problem with the web address',
  label: 'Bad request',
  paragraphs: [
    'The web address has characters in it that it cannot have, or part of it is missing.',
    'If you typed or pasted the web address, check it is correct and complete.',
  ],
  action: { href: '/', text: 'Go to the start page' },
};

const addressTooLong: Problem = {
  ...malformedAddress,
  status: 414,
  title: 'The web address is too long',
  label: 'URI too long',
  paragraphs: ['Part of the web address is longer than any address on this service. Check it is correct.'],
};

function waitFromRetryAfter(reply: FastifyReply): number {
  const seconds = Number(reply.getHeader('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : 15;
}

/** What to tell someone about an error, without internal detail. */
export function problemFor(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Problem {
  if (error instanceof PageNotFound || error instanceof NotFoundError) return notFound;
  if (error instanceof PageForbidden || error instanceof ForbiddenError) {
    return {
      status: 403,
      title: 'You do not have permission to see this page',
      label: 'Forbidden',
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
      label: 'Forbidden',
      paragraphs: [
        'We could not check that this form came from Common Ground, so nothing was saved.',
        'This happens when a page has been open for a long time or cookies are blocked. Go back, reload the page and try again.',
      ],
    };
  }
  if (error.code === 'FST_ERR_BAD_URL') return malformedAddress;
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return addressTooLong;
  if (error.statusCode === 413) return tooLarge(sizeLimitOf(error, request));
  if (error.statusCode === 429) return tooManyAttempts(waitFromRetryAfter(reply));
  if (
    error instanceof ValidationError ||
    (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
  ) {
    return {
      status: error instanceof ValidationError ? 400 : (error.statusCode ?? 400),
      title: 'Sorry, we could not accept that',
      label: 'Bad request',
      paragraphs: [
        'Something in the request was not in the form we expected. Go back, check what you entered and try again.',
      ],
    };
  }
  return {
    status: 500,
    title: 'Sorry, there is a problem with the service',
    label: 'Internal server error',
    paragraphs: [
      'Try again later. Nothing you entered on the last page has been lost unless the page said it was saved.',
    ],
  };
}
