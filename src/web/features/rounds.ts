import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { roundKindLabels, ukDate } from '../../domain/assessment/round-rules.js';
import { formErrors, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';
import { roundDraftFromForm, roundFormContext } from './round-form.js';

const member = { access: { partnership: 'member' } } as const;
const admin = { access: { partnership: 'manage-members' } } as const;

export const statusTags = {
  scheduled: { text: 'Not open yet', classes: 'govuk-tag--grey' },
  open: { text: 'Open', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--blue' },
} as const;

/** Assessment rounds: the list, creating a round, a round's overview with invitations and progress. */
export function registerRounds(app: FastifyInstance, services: Services): void {
  const findView = async (request: FastifyRequest) => {
    const { partnership } = accessOf(request);
    const { roundId } = request.params as { roundId: string };
    const view = await services.assessments.find(partnership.id, roundId);
    if (!view) throw new NotFoundError('No such round');
    return view;
  };

  app.get('/p/:slug/rounds', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const rounds = await services.assessments.list(partnership.id);
    return reply.page('rounds/list.njk', {
      title: 'Relationship assessments',
      rounds: rounds.map(({ round, status }) => ({
        ...round,
        status: statusTags[status],
        kindLabel: round.kind === 'quick' ? 'Quick check' : 'Full assessment',
      })),
      canCreate: roleAllows(membership.role, 'manage-members'),
    });
  });

  app.get('/p/:slug/rounds/new', { config: admin }, async (request, reply) =>
    reply.page('rounds/new.njk', roundFormContext(request, {}, ukDate(services.clock.now()))),
  );

  app.post('/p/:slug/rounds/new', { config: admin }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const draft = roundDraftFromForm(body);
    try {
      const round = await services.assessments.create(partnership, draft.draft, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/rounds/${round.id}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'rounds/new.njk',
        {
          ...roundFormContext(request, body, ukDate(services.clock.now())),
          errors: formErrors(draft.fieldNames(error.fields)),
        },
        400,
      );
    }
  });

  app.get('/p/:slug/rounds/:roundId', { config: member }, async (request, reply) => {
    const { membership } = accessOf(request);
    const view = await findView(request);
    const isAdmin = roleAllows(membership.role, 'manage-members');
    return reply.page('rounds/overview.njk', {
      title: view.round.name,
      view,
      kindLabel: roundKindLabels[view.round.kind],
      status: statusTags[view.status],
      progress: isAdmin ? await services.assessments.progress(view) : undefined,
      isAdmin,
    });
  });

  app.post('/p/:slug/rounds/:roundId/groups/:groupId/invite', { config: admin }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const view = await findView(request);
    const { groupId } = request.params as { groupId: string };
    const group = view.groups.find((g) => g.id === groupId);
    if (!group) throw new NotFoundError('No such group');
    try {
      const result = await services.assessments.invite(
        view,
        partnership.name,
        group.id,
        text(request.body, 'emails'),
        actorOf(request),
      );
      return reply.page('rounds/invited.njk', { title: 'Invitations sent', view, group, result });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'rounds/overview.njk',
        {
          title: view.round.name,
          view,
          kindLabel: roundKindLabels[view.round.kind],
          status: statusTags[view.status],
          progress: await services.assessments.progress(view),
          isAdmin: true,
          inviteGroupId: group.id,
          inviteValue: text(request.body, 'emails'),
          errors: formErrors(
            Object.fromEntries(Object.values(error.fields).map((message) => [`emails-${group.id}`, message])),
          ),
        },
        400,
      );
    }
  });

  app.post(
    '/p/:slug/rounds/:roundId/groups/:groupId/share-link',
    { config: admin },
    async (request, reply) => {
      const view = await findView(request);
      const { groupId } = request.params as { groupId: string };
      const group = view.groups.find((g) => g.id === groupId);
      if (!group) throw new NotFoundError('No such group');
      const link = await services.assessments.shareLink(view, group.id, actorOf(request));
      return reply.page('rounds/share-link.njk', {
        title: `Shareable link for ${group.name}`,
        view,
        group,
        link,
      });
    },
  );

  app.get('/p/:slug/rounds/:roundId/close', { config: admin }, async (request, reply) => {
    const view = await findView(request);
    return reply.page('rounds/close.njk', { title: `Close ${view.round.name} early?`, view });
  });

  app.post('/p/:slug/rounds/:roundId/close', { config: admin }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const view = await findView(request);
    await services.assessments.close(partnership.id, view.round.id, actorOf(request));
    return reply.redirect(`/p/${partnership.slug}/rounds/${view.round.id}`, 303);
  });

  app.get('/p/:slug/rounds/:roundId/answer', { config: member }, async (request, reply) => {
    const view = await findView(request);
    const live = request.live;
    const token =
      live && view.status === 'open'
        ? await services.assessments.personalLinkForMember(view.round.id, live.user.email)
        : undefined;
    if (token) return reply.redirect(`/respond/${token}`, 303);
    return reply.page('rounds/not-invited.njk', {
      title: 'You cannot answer this round',
      view,
      open: view.status === 'open',
    });
  });
}
