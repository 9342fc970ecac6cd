import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnsweringMember } from '../../app/assessments/member-answering.js';
import type { RoundView } from '../../app/assessments/rounds.js';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { formErrors, text } from '../forms.js';
import { accessOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;

/**
 * A member answers an open round without an invitation: a page saying which group they answer with (a choice
 * when the round asks more than one group that fits them) and a button that opens their own response. Members
 * who already have a place (invited, or started before) go straight back to it.
 */
export function registerMemberAnswering(app: FastifyInstance, services: Services): void {
  const { assessments } = services;

  const context = async (request: FastifyRequest) => {
    const { partnership, membership } = accessOf(request);
    const live = request.live;
    if (!live) throw new Error('partnership access was not checked');
    const { roundId } = request.params as { roundId: string };
    const view = await assessments.find(partnership.id, roundId);
    if (!view) throw new NotFoundError('No such round');
    const who: AnsweringMember = { email: live.user.email, membership };
    return { partnership, view, who };
  };

  /** Explains why not: 200 when asked for the page, 403 when a form tried to start anyway. */
  const cannotAnswer = (reply: FastifyReply, view: RoundView, status: 200 | 403) =>
    reply.page(
      'rounds/not-invited.njk',
      { title: 'You cannot answer this round', view, open: view.status === 'open' },
      status,
    );

  const startPage = (
    reply: FastifyReply,
    view: RoundView,
    groups: readonly { id: string; name: string }[],
    chosen: string,
    errors?: ReturnType<typeof formErrors>,
  ) =>
    reply.page(
      'rounds/answer-start.njk',
      {
        title: `Answer ${view.round.name}`,
        view,
        minutes: view.round.kind === 'quick' ? 'about 10 minutes' : 'about 30 minutes',
        questionCount: view.indicators.length,
        group: groups.length === 1 ? groups[0] : undefined,
        groupItems:
          groups.length > 1
            ? groups.map((group) => ({ value: group.id, text: group.name, checked: group.id === chosen }))
            : undefined,
        errors,
      },
      errors ? 400 : 200,
    );

  app.get('/p/:slug/rounds/:roundId/answer', { config: member }, async (request, reply) => {
    const { partnership, view, who } = await context(request);
    if (view.status !== 'open') return cannotAnswer(reply, view, 200);
    const answering = await assessments.memberAnswering(view, who);
    if (!answering || answering.groups.length === 0) return cannotAnswer(reply, view, 200);
    if (answering.progress !== 'not-started' || answering.invited) {
      const started = await assessments.startAnswering(partnership.id, view.round.id, who, undefined);
      if (started.outcome === 'started') return reply.redirect(`/respond/${started.token}`, 303);
    }
    return startPage(reply, view, answering.groups, '');
  });

  app.post('/p/:slug/rounds/:roundId/answer', { config: member }, async (request, reply) => {
    const { partnership, view, who } = await context(request);
    const groupId = text(request.body, 'groupId') || undefined;
    const started = await assessments.startAnswering(partnership.id, view.round.id, who, groupId);
    if (started.outcome === 'started') return reply.redirect(`/respond/${started.token}`, 303);
    if (started.outcome === 'not-open' || started.outcome === 'no-group') {
      return cannotAnswer(reply, view, 403);
    }
    const answering = await assessments.memberAnswering(view, who);
    const groups = answering?.groups ?? [];
    const message =
      started.outcome === 'choose-group'
        ? 'Select the group you answer with'
        : 'Select one of the groups listed: you can only answer with a group that fits your organisation';
    return startPage(reply, view, groups, '', formErrors({ groupId: message }));
  });
}
