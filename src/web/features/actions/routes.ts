import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { actionPages } from './action-pages.js';
import { registerActionCsvRoute } from './csv-route.js';
import { registerActionDetailRoutes } from './detail-routes.js';
import { registerActionFormRoutes } from './form-routes.js';
import { registerPlanRoutes } from './plan-routes.js';

/** Action plans: the plan, adding and changing actions, progress notes and a CSV export. */
export function registerActions(app: FastifyInstance, services: Services): void {
  const pages = actionPages(services);
  registerPlanRoutes(app, services, pages);
  registerActionFormRoutes(app, services, pages);
  registerActionDetailRoutes(app, services, pages);
  registerActionCsvRoute(app, services, pages);
}
