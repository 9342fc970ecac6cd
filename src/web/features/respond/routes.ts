import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { registerAnswerRoutes } from './answer-routes.js';
import { registerShareLinkRoutes } from './share-routes.js';

/**
 * Respondent links: a group's shareable link (asks for an email address, sends a personal link) and the
 * personal link itself (one indicator per page, check your answers, submit).
 */
export function registerRespond(app: FastifyInstance, services: Services): void {
  registerShareLinkRoutes(app, services);
  registerAnswerRoutes(app, services);
}
