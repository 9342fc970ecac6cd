import type { FastifyInstance, FastifyReply } from 'fastify';
import { ValidationError } from '../../../app/errors.js';
import type { Services } from '../../../app/services.js';
import { longDate } from '../../../domain/shared/long-date.js';
import { formErrors, text, type FormErrors } from '../../forms.js';
import { minutesFor, privatePage, shareLinkNotWorking } from './respondent-pages.js';

/** A group's shareable link: it asks for an email address and sends that person their own link to answer. */
export function registerShareLinkRoutes(app: FastifyInstance, services: Services): void {
  const { assessments } = services;

  /** The round behind a shareable link, without sending anything. */
  async function shareLinkRound(token: string) {
    const shared = await assessments.describeShareLink(token);
    if (!shared) return undefined;
    const { round } = shared.view;
    return {
      round,
      groupName: shared.group.name,
      partnershipName: shared.partnershipName,
      status: shared.view.status,
      questionCount: shared.view.indicators.length,
      minutes: minutesFor[round.kind],
      closes: longDate(round.closesOn),
      opens: longDate(round.opensOn),
    };
  }

  type SharedRound = NonNullable<Awaited<ReturnType<typeof shareLinkRound>>>;

  function sharePage(
    reply: FastifyReply,
    token: string,
    shared: SharedRound,
    values: { email?: string },
    errors?: FormErrors,
  ) {
    if (shared.status !== 'open') {
      return reply.page('respond/not-open.njk', {
        title: shared.status === 'closed' ? 'This round has closed' : 'This round has not opened yet',
        status: shared.status,
        roundName: shared.round.name,
        opens: shared.opens,
        closes: shared.closes,
      });
    }
    return reply.page(
      'respond/share.njk',
      { title: `Take part in ${shared.round.name}`, token, shared, values, errors },
      errors ? 400 : 200,
    );
  }

  app.get(
    '/share/:token',
    { config: { access: 'public' }, onRequest: privatePage },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const shared = await shareLinkRound(token);
      if (!shared) return reply.page('errors/error.njk', shareLinkNotWorking, 404);
      return sharePage(reply, token, shared, {});
    },
  );

  app.post(
    '/share/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: 15 * 60_000 } },
      onRequest: privatePage,
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const email = text(request.body, 'email');
      const shared = await shareLinkRound(token);
      if (!shared) return reply.page('errors/error.njk', shareLinkNotWorking, 404);
      if (shared.status !== 'open') return sharePage(reply, token, shared, {});
      if (!email)
        return sharePage(reply, token, shared, { email }, formErrors({ email: 'Enter your email address' }));
      let result: Awaited<ReturnType<typeof assessments.requestPersonalLink>>;
      try {
        result = await assessments.requestPersonalLink(token, email);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return sharePage(reply, token, shared, { email }, formErrors(error.fields));
      }
      if (result === 'invalid-link') return reply.page('errors/error.njk', shareLinkNotWorking, 404);
      if (result === 'closed') return sharePage(reply, token, { ...shared, status: 'closed' }, {});
      // The same page whether or not the address was invited before: it must not tell anyone who was.
      return reply.page('respond/share-sent.njk', { title: 'Check your email', email, shared, token });
    },
  );
}
