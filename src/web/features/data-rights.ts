import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { sessionCookieName } from '../plugins/security.js';
import { personalDataSections } from '../view-models/personal-data-view.js';

const signedIn = { config: { access: 'signed-in' } } as const;

/** A person's own data: seeing and downloading it, and deleting their account. Only ever their own. */
export function registerDataRights(app: FastifyInstance, services: Services): void {
  app.get('/account/your-data', signedIn, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const data = await services.privacy.download(live.user);
    reply.header('cache-control', 'no-store');
    return reply.page('privacy/your-data.njk', {
      title: 'Your data',
      data,
      sections: personalDataSections(data),
    });
  });

  app.get('/account/your-data.json', signedIn, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const data = await services.privacy.download(live.user);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="common-ground-your-data.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  const showDelete = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const blockers = await services.privacy.deletionBlockers(live.user);
    return reply.page(
      'privacy/delete-account.njk',
      { title: 'Delete your account', blockers, ...extra },
      status,
    );
  };

  app.get('/account/delete', signedIn, (request, reply) => showDelete(request, reply));

  app.post('/account/delete', signedIn, async (request, reply) => {
    const live = request.live;
    if (!live) return reply.redirect('/sign-in', 303);
    const confirmEmail = text(request.body, 'confirmEmail');
    const result = await services.privacy.deleteAccount(live.user, confirmEmail);
    if (result.ok) {
      reply.clearCookie(sessionCookieName, { path: '/' });
      return reply.redirect('/account-deleted', 303);
    }
    if ('blockers' in result) return showDelete(request, reply, {}, 409);
    return showDelete(request, reply, { errors: formErrors(result.errors), confirmEmail }, 400);
  });

  app.get('/account-deleted', { config: { access: 'public' } }, async (_request, reply) =>
    reply.page('privacy/account-deleted.njk', { title: 'Your account has been deleted' }),
  );
}
