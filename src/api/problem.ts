import type { FastifyReply } from 'fastify';
import { problemDetails, problemJsonType } from '../domain/shared/problem-details.js';

/** Answers an API request with RFC 9457 problem details (see domain/shared/problem-details.ts). */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  options: Parameters<typeof problemDetails>[2] = {},
): FastifyReply {
  return reply
    .code(status)
    .type(problemJsonType)
    .send(problemDetails(status, detail, options));
}
