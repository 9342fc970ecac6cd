import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';

/** The account page (personal access tokens) and choosing which partnership to work in. */
export function registerAccount(app: FastifyInstance, services: Services): void {
  const showAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const tokens = await services.apiTokens.list(live.user);
    return reply.page(
      'account/account.njk',
      {
        title: 'Your account',
        user: live.user,
        tokens,
        partnerships: request.viewerPartnerships ?? [],
        ...extra,
      },
      status,
    );
  };

  app.get('/account', { config: { access: 'signed-in' } }, (request, reply) => showAccount(request, reply));

  app.post('/account/tokens', { config: { access: 'signed-in' } }, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    try {
      const created = await services.apiTokens.create(live.user, text(request.body, 'name'));
      return showAccount(request, reply, { newToken: created.token, newTokenName: created.record.name });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showAccount(request, reply, { errors: formErrors(error.fields) }, 400);
    }
  });

  app.post('/account/tokens/:tokenId/revoke', { config: { access: 'signed-in' } }, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const { tokenId } = request.params as { tokenId: string };
    await services.apiTokens.revoke(live.user, tokenId);
    return reply.redirect('/account', 303);
  });

  app.get('/partnerships', { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.page('account/partnerships.njk', {
      title: 'Choose a partnership',
      partnerships: request.viewerPartnerships ?? [],
      currentId: request.live?.session.currentPartnershipId,
    }),
  );

  app.post('/partnerships/switch', { config: { access: 'signed-in' } }, async (request, reply) => {
    const live = request.live;
    const slug = text(request.body, 'partnership');
    const chosen = (request.viewerPartnerships ?? []).find((p) => p.slug === slug);
    if (!live || !chosen) {
      return reply.page(
        'account/partnerships.njk',
        {
          title: 'Choose a partnership',
          partnerships: request.viewerPartnerships ?? [],
          currentId: live?.session.currentPartnershipId,
          errors: formErrors({ partnership: 'Select the partnership you want to work in' }),
        },
        400,
      );
    }
    await services.sessions.switchPartnership(live, chosen.id);
    return reply.redirect(`/p/${chosen.slug}/`, 303);
  });
}
