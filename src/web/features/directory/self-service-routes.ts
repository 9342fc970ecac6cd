import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { registerNewService } from './new-service-routes.js';
import { registerServiceParts } from './service-part-routes.js';
import { registerStillCorrect } from './still-correct-routes.js';

/**
 * Self-service for the organisations in the directory: add a service; change its places, opening times and
 * contacts; and the "still correct" page the reminder email links to.
 */
export function registerDirectorySelfService(app: FastifyInstance, services: Services): void {
  registerNewService(app, services);
  registerServiceParts(app, services);
  registerStillCorrect(app, services);
}
