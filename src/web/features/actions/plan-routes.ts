import type { FastifyInstance } from 'fastify';
import type { ActionRecord } from '../../../app/ports.js';
import type { Services } from '../../../app/services.js';
import {
  actionSideLabels,
  actionSides,
  actionStatusLabels,
  filterActions,
  groupByPrinciple,
  groupByStatus,
  isActionSide,
  isOverdue,
  mayAddActions,
  mayManageAction,
  overdueFirst,
  type ActionStatus,
} from '../../../domain/actions/actions.js';
import { text } from '../../forms.js';
import { accessOf } from '../members.js';
import { member, type ActionPages } from './action-pages.js';

/** The banner on the plan after adding a guide's suggested action, naming the action; none for other flags. */
function planFlash(done: string, action: ActionRecord | undefined, slug: string) {
  if (!action || (done !== 'added-from-guidance' && done !== 'already-in-plan')) return undefined;
  return {
    heading:
      done === 'added-from-guidance'
        ? `“${action.title}” is in the action plan`
        : `“${action.title}” was already in the action plan`,
    text:
      done === 'added-from-guidance'
        ? 'It was added from the guidance as a joint action. Give it an owner, a lead and a due date.'
        : 'It had been added from this guide before, so it was not added again.',
    href: `/p/${slug}/actions/${action.id}`,
    linkText: `Open the action: ${action.title}`,
  };
}

/** The action plan: actions by principle and status, filtered by owner and side. */
export function registerPlanRoutes(app: FastifyInstance, services: Services, pages: ActionPages): void {
  const { framework, principleNames, today, describe } = pages;
  app.get('/p/:slug/actions', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const query = request.query as Record<string, unknown>;
    const owner = typeof query.owner === 'string' ? query.owner : '';
    const side = typeof query.side === 'string' && isActionSide(query.side) ? query.side : undefined;
    const [entries, organisations] = await Promise.all([
      services.actions.list(partnership.id),
      services.organisations.list(partnership.id),
    ]);
    const latest = new Map(entries.map((e) => [e.action.id, e.latestNote]));
    const shown = filterActions(
      entries.map((e) => e.action),
      { ownerOrganisationId: owner || undefined, side },
    );
    const names = principleNames();
    const groups = groupByPrinciple(
      shown,
      framework().principles.map((p) => p.code),
    ).map((group) => ({
      code: group.key,
      name: group.key ? `${group.key} ${names.get(group.key) ?? ''}`.trim() : 'Not linked to an indicator',
      statuses: groupByStatus(group.items).map((status) => ({
        key: status.key,
        label: actionStatusLabels[status.key as ActionStatus],
        actions: overdueFirst(status.items, today()).map((action) => ({
          ...describe(action, organisations, partnership.slug, mayManageAction(membership, action)),
          latestNote: latest.get(action.id),
        })),
      })),
    }));
    return reply.page('actions/list.njk', {
      title: 'Action plan',
      groups,
      total: entries.length,
      shownCount: shown.length,
      overdueCount: shown.filter((a) => isOverdue(a, today())).length,
      filter: {
        owners: [
          { value: '', text: 'Any organisation' },
          ...organisations.map((o) => ({ value: o.id, text: o.name, selected: o.id === owner })),
        ],
        sides: [
          { value: '', text: 'Any side' },
          ...actionSides.map((s) => ({ value: s, text: actionSideLabels[s], selected: s === side })),
        ],
        active: Boolean(owner || side),
      },
      canAdd: mayAddActions(membership),
      flash: planFlash(
        text(query, 'done'),
        entries.find((e) => e.action.id === text(query, 'action'))?.action,
        partnership.slug,
      ),
      csvHref: `/p/${partnership.slug}/actions.csv`,
    });
  });
}
