import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { RoundView } from '../../app/assessments/rounds.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { roundKindLabels, ukDate } from '../../domain/assessment/round-rules.js';
import { formErrors, text } from '../forms.js';
import { invitationWarning, invitationWarnings } from '../view-models/invitation-warnings.js';
import { accessOf, actorOf } from './members.js';
import { roundDraftFromForm, roundFormContext } from './round-form.js';

const member = { access: { partnership: 'member' } } as const;
const admin = { access: { partnership: 'manage-members' } } as const;

export const statusTags = {
  scheduled: { text: 'Not open yet', classes: 'govuk-tag--grey' },
  open: { text: 'Open', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--blue' },
} as const;

/** The success banners after creating or closing a round, named by the `done` flag on the redirect. */
const roundFlashes: Record<string, { heading: string; text: string }> = {
  created: { heading: 'Round created', text: 'Next, invite the people who should answer it.' },
  closed: {
    heading: 'Round closed',
    text: 'Nobody can answer it now. Next, read the results and hold the workshop.',
  },
};
const flashFor = (done: string) => (Object.hasOwn(roundFlashes, done) ? roundFlashes[done] : undefined);

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
      return reply.redirect(`/p/${partnership.slug}/rounds/${round.id}?done=created`, 303);
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

  /** What a round's page shows; invitation progress and warnings only for those who run rounds. */
  const overviewContext = async (view: RoundView, isAdmin: boolean) => {
    const progress = isAdmin ? await services.assessments.progress(view) : undefined;
    const warnings =
      progress && view.status !== 'closed'
        ? invitationWarnings(
            progress.map((row) => ({
              groupId: row.group.id,
              groupName: row.group.name,
              invited: row.invited,
            })),
            view.round.threshold,
          )
        : [];
    return {
      title: view.round.name,
      view,
      kindLabel: roundKindLabels[view.round.kind],
      status: statusTags[view.status],
      progress,
      inviteWarnings: Object.fromEntries(warnings.map((warning) => [warning.groupId, warning.text])),
      hasInviteWarnings: warnings.length > 0,
      isAdmin,
    };
  };

  app.get('/p/:slug/rounds/:roundId', { config: member }, async (request, reply) => {
    const { membership } = accessOf(request);
    const view = await findView(request);
    const isAdmin = roleAllows(membership.role, 'manage-members');
    const email = request.live?.user.email;
    const answering =
      view.status === 'open' && email
        ? await services.assessments.memberAnswering(view, { email, membership })
        : undefined;
    return reply.page('rounds/overview.njk', {
      ...(await overviewContext(view, isAdmin)),
      answerProgress: answering && answering.groups.length > 0 ? answering.progress : undefined,
      flash: flashFor(text(request.query, 'done')),
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
      const invited = (await services.assessments.progress(view)).find((row) => row.group.id === group.id);
      return reply.page('rounds/invited.njk', {
        title: 'Invitations sent',
        view,
        group,
        result,
        warning: invitationWarning(group.name, invited?.invited ?? 0, view.round.threshold),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'rounds/overview.njk',
        {
          ...(await overviewContext(view, true)),
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
    return reply.redirect(`/p/${partnership.slug}/rounds/${view.round.id}?done=closed`, 303);
  });
}
