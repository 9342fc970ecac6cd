import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { registerDirectoryBrowse } from './browse-routes.js';
import { registerServicePages } from './service-routes.js';

/** The resource directory: browse and search services, a page per service, changes and "still correct". */
export function registerDirectory(app: FastifyInstance, services: Services): void {
  registerDirectoryBrowse(app, services);
  registerServicePages(app, services);
}
