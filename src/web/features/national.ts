import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { actorOf } from './members.js';

/** The national team's view. It lists partnerships but never shows a partnership's own data. */
export function registerNational(app: FastifyInstance, services: Services): void {
  const config = { access: 'national-admin' } as const;

  app.get('/national', { config }, async (_request, reply) =>
    reply.page('national/partnerships.njk', {
      title: 'National view',
      partnerships: await services.partnerships.list(),
    }),
  );

  app.get('/national/partnerships/new', { config }, async (_request, reply) =>
    reply.page('national/new-partnership.njk', {
      title: 'Add a partnership',
      values: {},
      backLink: { href: '/national' },
    }),
  );

  app.post('/national/partnerships/new', { config }, async (request, reply) => {
    const values = {
      name: text(request.body, 'name'),
      slug: text(request.body, 'slug'),
      localAuthorityCode: text(request.body, 'localAuthorityCode'),
    };
    try {
      await services.partnerships.create(values, actorOf(request));
      return reply.redirect('/national', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'national/new-partnership.njk',
        {
          title: 'Add a partnership',
          values,
          errors: formErrors(error.fields),
          backLink: { href: '/national' },
        },
        400,
      );
    }
  });
}
