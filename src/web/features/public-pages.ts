import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';

/** The start page, health check and the accessibility, privacy and cookies pages. */
export function registerPublicPages(
  app: FastifyInstance,
  services: Services,
  settings: { readonly notifyConfigured: boolean },
): void {
  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    const live = request.live;
    if (live) {
      const partnerships = request.viewerPartnerships ?? [];
      const chosen = partnerships.find((p) => p.id === live.session.currentPartnershipId) ?? partnerships[0];
      if (chosen) return reply.redirect(`/p/${chosen.slug}/`, 303);
      return reply.redirect(live.user.isNationalAdmin ? '/national' : '/partnerships', 303);
    }
    return reply.page('pages/start.njk', { title: 'Common Ground' });
  });

  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await services.health.check();
      return reply.code(200).send({ status: 'ok' });
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  for (const [url, template, title] of [
    ['/accessibility', 'pages/accessibility.njk', 'Accessibility statement'],
    ['/privacy', 'pages/privacy.njk', 'Privacy notice'],
    ['/cookies', 'pages/cookies.njk', 'Cookies'],
  ] as const) {
    app.get(url, { config: { access: 'public' } }, async (_request, reply) =>
      reply.page(template, { title, notifyConfigured: settings.notifyConfigured }),
    );
  }
}
