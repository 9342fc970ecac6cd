import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csvText } from '../../domain/shared/csv-text.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../app/errors.js';
import type { ActionSuggestion } from '../../app/actions/suggestions.js';
import type { ActionNoteRecord, ActionRecord, OrganisationRecord } from '../../app/ports.js';
import type { Services } from '../../app/services.js';
import {
  actionSideLabels,
  actionSides,
  actionStatuses,
  actionStatusLabels,
  filterActions,
  groupByPrinciple,
  groupByStatus,
  isActionSide,
  isOverdue,
  mayAddActions,
  mayManageAction,
  overdueFirst,
  principleOf,
  type ActionDraft,
  type ActionStatus,
} from '../../domain/actions/actions.js';
import { actionOriginLabel } from '../../domain/actions/workshop-actions.js';
import { guidanceSlugOfSource } from '../../domain/actions/guidance-actions.js';
import { guidanceLink } from '../view-models/guidance-links.js';
import { ukDate } from '../../domain/assessment/round-rules.js';
import { formErrors, text } from '../forms.js';
import { guardCell } from '../view-models/spreadsheet-cell.js';
import { planEntries } from './action-plan-summary.js';
import { accessOf, actorOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;

export const actionStatusTags: Record<ActionStatus, { text: string; classes: string }> = {
  'not-started': { text: actionStatusLabels['not-started'], classes: 'govuk-tag--grey' },
  'in-progress': { text: actionStatusLabels['in-progress'], classes: 'govuk-tag--light-blue' },
  done: { text: actionStatusLabels.done, classes: 'govuk-tag--green' },
  dropped: { text: actionStatusLabels.dropped, classes: 'govuk-tag--grey' },
};

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/** Day, month and year fields as an ISO date; '' when all are blank, something invalid when partly filled. */
function dateFromForm(body: unknown, prefix: string): string {
  const day = text(body, `${prefix}-day`);
  const month = text(body, `${prefix}-month`);
  const year = text(body, `${prefix}-year`);
  if (!day && !month && !year) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function dateFields(iso: string | null) {
  if (!iso) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The form's values as typed, for showing the form again. */
interface FormValues {
  readonly title: string;
  readonly description: string;
  readonly indicatorCodes: readonly string[];
  readonly ownerOrganisationId: string;
  readonly side: string;
  readonly leadName: string;
  readonly dueOn: { day: string; month: string; year: string };
  readonly status: string;
  readonly suggestion: string;
}

function valuesFromBody(body: unknown): FormValues {
  return {
    title: text(body, 'title'),
    description: text(body, 'description'),
    indicatorCodes: list((body as Record<string, unknown> | undefined)?.indicatorCodes),
    ownerOrganisationId: text(body, 'ownerOrganisationId'),
    side: text(body, 'side'),
    leadName: text(body, 'leadName'),
    dueOn: { day: text(body, 'dueOn-day'), month: text(body, 'dueOn-month'), year: text(body, 'dueOn-year') },
    status: text(body, 'status'),
    suggestion: text(body, 'suggestion'),
  };
}

function valuesFromAction(action: ActionRecord): FormValues {
  return {
    title: action.title,
    description: action.description,
    indicatorCodes: action.indicatorCodes,
    ownerOrganisationId: action.ownerOrganisationId ?? '',
    side: action.side,
    leadName: action.leadName,
    dueOn: dateFields(action.dueOn),
    status: action.status,
    suggestion: '',
  };
}

/** Problem keys from the rules, as the ids of the fields on the form. */
function fieldIds(problems: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems).map(([key, message]) => [key === 'dueOn' ? 'dueOn-day' : key, message]),
  );
}

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

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** Action plans: the plan, adding and changing actions, progress notes and a CSV export. */
export function registerActions(app: FastifyInstance, services: Services): void {
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

  const formContext = async (
    request: FastifyRequest,
    values: FormValues,
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

  const showNewForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
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
    return showNewForm(
      request,
      reply,
      {
        title: '',
        description: '',
        indicatorCodes: known ? [origin.indicator] : [],
        ownerOrganisationId: membership.role === 'partnership-admin' ? '' : (membership.organisationId ?? ''),
        side: '',
        leadName: '',
        dueOn: dateFields(null),
        status: 'not-started',
        suggestion: '',
      },
      origin,
    );
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

  const showEditForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    action: ActionRecord,
    values: FormValues,
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

  app.get('/p/:slug/actions.csv', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const entries = await planEntries(services, partnership.id);
    const names = principleNames();
    const rows = [
      [
        'Partnership',
        'Title',
        'Description',
        'Indicators',
        'Principle',
        'Owner',
        'Side',
        'Lead',
        'Due date',
        'Status',
        'Overdue',
        'Latest note',
      ],
      ...entries.map(({ action, latestNote, ownerName }) => [
        guardCell(partnership.name),
        guardCell(action.title),
        guardCell(action.description),
        guardCell(action.indicatorCodes.join(' ')),
        guardCell(
          [...new Set(action.indicatorCodes.map(principleOf))]
            .map((code) => names.get(code) ?? code)
            .join('; '),
        ),
        guardCell(ownerName ?? ''),
        actionSideLabels[action.side],
        guardCell(action.leadName),
        action.dueOn ?? '',
        actionStatusLabels[action.status],
        yesNo(isOverdue(action, today())),
        guardCell(latestNote ? `${latestNote.notedOn}: ${latestNote.note}` : ''),
      ]),
    ];
    const csv = csvText(rows, { bom: true });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${partnership.slug}-action-plan.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
}
