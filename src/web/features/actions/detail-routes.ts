import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../app/errors.js';
import type { ActionNoteRecord, ActionRecord } from '../../../app/ports.js';
import type { Services } from '../../../app/services.js';
import {
  actionStatuses,
  actionStatusLabels,
  mayManageAction,
  principleOf,
} from '../../../domain/actions/actions.js';
import { formErrors, text } from '../../forms.js';
import { accessOf, actorOf } from '../members.js';
import { edit, member, type ActionPages } from './action-pages.js';

/** Success banners after a change, named by the flag on the redirect. */
const actionFlashes: Record<string, { heading: string; text: string }> = {
  added: {
    heading: 'Action added to the plan',
    text: 'Add progress notes here as the work goes on.',
  },
  saved: { heading: 'Your changes were saved', text: 'The action plan shows them now.' },
  noted: { heading: 'Progress note added', text: 'It is dated today and shows who wrote it.' },
};

const flashFor = (done: string) => (Object.hasOwn(actionFlashes, done) ? actionFlashes[done] : undefined);

/** One action: what it is, who leads it, its progress notes, and adding a note. */
export function registerActionDetailRoutes(
  app: FastifyInstance,
  services: Services,
  pages: ActionPages,
): void {
  const { principleNames, loadAction, describe } = pages;

  const showAction = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: { action: ActionRecord; notes: ActionNoteRecord[] },
    note?: { values: { note: string; status: string }; errors: ReturnType<typeof formErrors> },
  ) => {
    const { partnership, membership } = accessOf(request);
    const organisations = await services.organisations.list(partnership.id);
    const canManage = mayManageAction(membership, found.action);
    const round = found.action.roundId
      ? await services.assessments.find(partnership.id, found.action.roundId)
      : undefined;
    const names = principleNames();
    return reply.page(
      'actions/show.njk',
      {
        title: found.action.title,
        action: describe(found.action, organisations, partnership.slug, canManage),
        principles: [...new Set(found.action.indicatorCodes.map(principleOf))].map(
          (code) => names.get(code) ?? code,
        ),
        roundName: round?.round.name,
        notes: found.notes,
        noteValues: note?.values ?? { note: '', status: found.action.status },
        statuses: actionStatuses.map((status) => ({
          value: status,
          text: actionStatusLabels[status],
          selected: (note?.values.status ?? found.action.status) === status,
        })),
        errors: note?.errors,
        flash: note ? undefined : flashFor(text(request.query, 'done')),
        backLink: { href: `/p/${partnership.slug}/actions`, text: 'Action plan' },
      },
      note ? 400 : 200,
    );
  };

  app.get('/p/:slug/actions/:actionId', { config: member }, async (request, reply) =>
    showAction(request, reply, await loadAction(request)),
  );

  app.post('/p/:slug/actions/:actionId/notes', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const found = await loadAction(request);
    const values = { note: text(request.body, 'note'), status: text(request.body, 'status') };
    try {
      await services.actions.addNote(partnership.id, membership, found.action.id, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/actions/${found.action.id}?done=noted`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showAction(request, reply, found, { values, errors: formErrors(error.fields) });
    }
  });
}
