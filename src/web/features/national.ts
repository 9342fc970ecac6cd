import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { councilTypeLabels } from '../../domain/national/council-types.js';
import { actorOf } from './members.js';
import { registerNationalContent } from './national-content.js';
import { registerPartnershipNational } from './partnership-national.js';

/** The national team's view. It lists partnerships but never shows a partnership's own data. */
export function registerNational(app: FastifyInstance, services: Services): void {
  const config = { access: 'national-admin' } as const;

  registerNationalContent(app, services);
  registerPartnershipNational(app, services);

  app.get('/national', { config }, async (_request, reply) => {
    const [partnerships, national] = await Promise.all([
      services.partnerships.list(),
      services.national.partnerships(),
    ]);
    const byId = new Map(national.map((p) => [p.id, p]));
    return reply.page('national/partnerships.njk', {
      title: 'National view',
      partnerships: partnerships.map((p) => {
        const known = byId.get(p.id);
        return {
          ...p,
          councilType: known?.councilType ? councilTypeLabels[known.councilType] : 'Unknown',
          region: known?.region ?? 'Not recorded',
        };
      }),
    });
  });

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
