import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../../app/errors.js';
import type { ActionSuggestion } from '../../../app/actions/suggestions.js';
import type { ActionRecord } from '../../../app/ports.js';
import type { Services } from '../../../app/services.js';
import { mayAddActions, mayManageAction, type ActionDraft } from '../../../domain/actions/actions.js';
import { formErrors, text } from '../../forms.js';
import { accessOf, actorOf } from '../members.js';
import {
  blankValues,
  dateFromForm,
  fieldIds,
  valuesFromAction,
  valuesFromBody,
  type ActionFormValues,
} from './action-form.js';
import { edit, type ActionPages } from './action-pages.js';

/** Adding an action (from scratch, or from a round's results with suggestions) and changing one. */
export function registerActionFormRoutes(app: FastifyInstance, services: Services, pages: ActionPages): void {
  const { indicatorTitles, loadAction, formContext } = pages;

  /** Suggestions for an action started from a round's results, if the link names a round and an indicator. */
  const suggestionsFrom = async (partnershipId: string, query: { round: string; indicator: string }) => {
    if (!query.round || !query.indicator) return { suggestions: [] as ActionSuggestion[], roundId: null };
    const view = await services.assessments.find(partnershipId, query.round);
    if (!view) return { suggestions: [] as ActionSuggestion[], roundId: null };
    const results = await services.assessments.results(view);
    return {
      suggestions: services.actions.suggestionsFor(view, results, query.indicator),
      roundId: view.round.id,
      roundName: view.round.name,
    };
  };

  const showNewForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: ActionFormValues,
    origin: { round: string; indicator: string; source: string },
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const { partnership } = accessOf(request);
    const found = await suggestionsFrom(partnership.id, origin);
    return reply.page(
      'actions/new.njk',
      {
        title: 'Add an action',
        ...(await formContext(request, values, { suggestions: found.suggestions, showStatus: false })),
        origin,
        indicatorTitle: indicatorTitles().get(origin.indicator),
        roundName: found.roundName,
        errors,
        backLink: { href: `/p/${partnership.slug}/actions`, text: 'Action plan' },
      },
      errors ? 400 : 200,
    );
  };

  const originFrom = (source: unknown) => ({
    round: text(source, 'round'),
    indicator: text(source, 'indicator'),
    source: text(source, 'source'),
  });

  app.get('/p/:slug/actions/new', { config: edit }, async (request, reply) => {
    const { membership } = accessOf(request);
    if (!mayAddActions(membership)) throw new ForbiddenError('You cannot add actions');
    const origin = originFrom(request.query);
    const known = indicatorTitles().has(origin.indicator);
    return showNewForm(request, reply, blankValues(membership, known ? origin.indicator : undefined), origin);
  });

  app.post('/p/:slug/actions/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const origin = originFrom(request.body);
    const values = valuesFromBody(request.body);
    try {
      const { suggestions, roundId } = await suggestionsFrom(partnership.id, origin);
      let { title, description } = values;
      if (suggestions.length > 0) {
        const chosen = suggestions.find((s) => s.key === values.suggestion);
        if (chosen) ({ title, description } = chosen);
        else if (values.suggestion !== 'own') {
          throw new ValidationError({ suggestion: 'Select a suggestion, or “Write my own”' });
        }
      }
      const draft: ActionDraft = {
        ...values,
        title,
        description,
        dueOn: dateFromForm(request.body, 'dueOn'),
        status: '',
      };
      const action = await services.actions.create(
        partnership.id,
        membership,
        draft,
        { roundId, source: origin.source || 'manual' },
        actorOf(request),
      );
      return reply.redirect(`/p/${partnership.slug}/actions/${action.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showNewForm(request, reply, values, origin, formErrors(fieldIds(error.fields)));
    }
  });

  const showEditForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: ActionRecord,
    values: ActionFormValues,
    errors?: ReturnType<typeof formErrors>,
  ) => {
    const { partnership } = accessOf(request);
    return reply.page(
      'actions/edit.njk',
      {
        title: `Change: ${action.title}`,
        action,
        ...(await formContext(request, values, { showStatus: true })),
        errors,
        backLink: { href: `/p/${partnership.slug}/actions/${action.id}`, text: 'Back to the action' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/actions/:actionId/edit', { config: edit }, async (request, reply) => {
    const { membership } = accessOf(request);
    const { action } = await loadAction(request);
    if (!mayManageAction(membership, action)) throw new ForbiddenError('You cannot change this action');
    return showEditForm(request, reply, action, valuesFromAction(action));
  });

  app.post('/p/:slug/actions/:actionId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const { action } = await loadAction(request);
    const values = valuesFromBody(request.body);
    try {
      await services.actions.update(
        partnership.id,
        membership,
        action.id,
        { ...values, dueOn: dateFromForm(request.body, 'dueOn') },
        actorOf(request),
      );
      return reply.redirect(`/p/${partnership.slug}/actions/${action.id}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showEditForm(request, reply, action, values, formErrors(fieldIds(error.fields)));
    }
  });
}
