import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../app/errors.js';
import type { ActionSuggestion } from '../../../app/actions/suggestions.js';
import type { ActionRecord, OrganisationRecord } from '../../../app/ports.js';
import type { Services } from '../../../app/services.js';
import {
  actionSideLabels,
  actionSides,
  actionStatuses,
  actionStatusLabels,
  isOverdue,
  type ActionStatus,
} from '../../../domain/actions/actions.js';
import { actionOriginLabel } from '../../../domain/actions/workshop-actions.js';
import { guidanceSlugOfSource } from '../../../domain/actions/guidance-actions.js';
import { ukDate } from '../../../domain/assessment/round-rules.js';
import { guidanceLink } from '../../view-models/guidance-links.js';
import { accessOf } from '../members.js';
import type { ActionFormValues } from './action-form.js';

export const member = { access: { partnership: 'member' } } as const;
export const edit = { access: { partnership: 'edit' } } as const;

export const actionStatusTags: Record<ActionStatus, { text: string; classes: string }> = {
  'not-started': { text: actionStatusLabels['not-started'], classes: 'govuk-tag--grey' },
  'in-progress': { text: actionStatusLabels['in-progress'], classes: 'govuk-tag--light-blue' },
  done: { text: actionStatusLabels.done, classes: 'govuk-tag--green' },
  dropped: { text: actionStatusLabels.dropped, classes: 'govuk-tag--grey' },
};

export type ActionPages = ReturnType<typeof actionPages>;

/** What the action plan's pages share: the framework's names, an action as a page shows it, and the form's lists. */
export function actionPages(services: Services) {
  const framework = () => services.assessments.frameworks.current;
  const indicatorTitles = () =>
    new Map(framework().principles.flatMap((p) => p.indicators.map((i) => [i.code, i.title] as const)));
  const principleNames = () => new Map(framework().principles.map((p) => [p.code, p.name] as const));
  const today = () => ukDate(services.clock.now());
  const guideOf = (source: string) => {
    const article = services.guidance.find(guidanceSlugOfSource(source) ?? '');
    return article && guidanceLink(article);
  };
  const originLabel = (source: string) => {
    const article = services.guidance.find(guidanceSlugOfSource(source) ?? '');
    return article ? `${actionOriginLabel(source)}: ${article.title}` : actionOriginLabel(source);
  };

  const loadAction = async (request: FastifyRequest) => {
    const { partnership } = accessOf(request);
    const { actionId } = request.params as { actionId: string };
    const found = await services.actions.find(partnership.id, actionId);
    if (!found) throw new NotFoundError('No such action');
    return found;
  };

  const describe = (
    action: ActionRecord,
    organisations: readonly OrganisationRecord[],
    slug: string,
    canManage: boolean,
  ) => {
    const titles = indicatorTitles();
    return {
      ...action,
      href: `/p/${slug}/actions/${action.id}`,
      ownerName: organisations.find((o) => o.id === action.ownerOrganisationId)?.name ?? 'Not chosen yet',
      originLabel: originLabel(action.source),
      guidance: guideOf(action.source),
      sideLabel: actionSideLabels[action.side],
      statusTag: actionStatusTags[action.status],
      overdue: isOverdue(action, today()),
      indicators: action.indicatorCodes.map((code) => ({ code, title: titles.get(code) ?? code })),
      canManage,
    };
  };

  const formContext = async (
    request: FastifyRequest,
    values: ActionFormValues,
    options: { suggestions?: readonly ActionSuggestion[]; showStatus: boolean },
  ) => {
    const { partnership, membership } = accessOf(request);
    const organisations = await services.organisations.list(partnership.id);
    const isAdmin = membership.role === 'partnership-admin';
    return {
      values,
      organisations: [
        { value: '', text: 'Select an organisation' },
        ...organisations
          .filter((o) => isAdmin || o.id === membership.organisationId)
          .map((o) => ({ value: o.id, text: o.name, selected: o.id === values.ownerOrganisationId })),
      ],
      principles: framework().principles.map((p) => ({
        code: p.code,
        name: p.name,
        items: p.indicators.map((i) => ({
          value: i.code,
          text: `${i.code} ${i.title}`,
          checked: values.indicatorCodes.includes(i.code),
        })),
      })),
      sides: actionSides.map((side) => ({
        value: side,
        text: actionSideLabels[side],
        checked: values.side === side,
      })),
      statuses: actionStatuses.map((status) => ({
        value: status,
        text: actionStatusLabels[status],
        checked: values.status === status,
      })),
      suggestions: (options.suggestions ?? []).map((s) => ({
        ...s,
        checked: values.suggestion === s.key,
      })),
      showStatus: options.showStatus,
    };
  };

  return { framework, indicatorTitles, principleNames, today, loadAction, describe, formContext };
}
