import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { NeedContext } from '../../app/needs/needs.js';
import { needInputFor } from '../../app/needs/needs.js';
import type { Services } from '../../app/services.js';
import { roleAllows } from '../../domain/accounts/roles.js';
import { needSeverityLabels, needSourceLabels, needSources } from '../../domain/needs/model.js';
import { mayRecordNeeds } from '../../domain/needs/permissions.js';
import { formErrors } from '../forms.js';
import { accessOf, actorOf } from './members.js';
import {
  needChoices,
  needFieldIds,
  needInputFromValues,
  needValuesFromBody,
  needValuesFromInput,
  type NeedFormValues,
} from './need-form.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;

const query = (request: FastifyRequest, name: string) => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
};

/** The needs register: a filtered list, a form to record or change a need, and deleting with a confirmation. */
export function registerNeeds(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;
  const themeName = (id: string) => themes().find((t) => t.id === id)?.name ?? id;

  app.get('/p/:slug/needs', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const filter = {
      theme: query(request, 'theme'),
      area: query(request, 'area'),
      source: query(request, 'source'),
    };
    const context = await services.needs.context(partnership);
    const needs = await services.needs.list(partnership, membership, filter, context);
    const areaName = (code: string) => context.areas.byCode.get(code)?.name ?? code;
    const organisationName = new Map(context.organisations.map((o) => [o.id, o.name]));
    const base = `/p/${partnership.slug}/needs`;
    const areaOptions = context.areas.list.filter((a) => a.level !== 'lsoa');
    const flash = query(request, 'done');
    return reply.page('needs/list.njk', {
      title: 'Needs register',
      base,
      canRecord: mayRecordNeeds(membership),
      canImport: roleAllows(membership.role, 'import-data'),
      flash: {
        recorded: 'The need was recorded.',
        saved: 'Your changes were saved.',
        deleted: 'The need was deleted.',
      }[flash],
      filtered: Boolean(filter.theme || filter.area || filter.source),
      themeItems: [
        { value: '', text: 'Any theme' },
        ...themes().map((t) => ({ value: t.id, text: t.name, selected: t.id === filter.theme })),
      ],
      areaItems: [
        { value: '', text: 'Any area' },
        ...areaOptions.map((a) => ({
          value: a.code,
          text: a.level === 'authority' ? `All of ${a.name}` : `${a.name} (ward and its LSOAs)`,
          selected: a.code === filter.area,
        })),
      ],
      sourceItems: [
        { value: '', text: 'Any source' },
        ...needSources.map((s) => ({ value: s, text: needSourceLabels[s], selected: s === filter.source })),
      ],
      needs: needs.map((need) => ({
        ...need,
        areaName: areaName(need.areaCode),
        themeName: themeName(need.theme),
        severityLabel: `${need.severity} – ${needSeverityLabels[need.severity]}`,
        sourceLabel: needSourceLabels[need.source],
        organisationName: need.reportingOrganisationId
          ? (organisationName.get(need.reportingOrganisationId) ?? '')
          : '',
        changeHref: `${base}/${need.id}/edit`,
        deleteHref: `${base}/${need.id}/delete`,
      })),
    });
  });

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      context: NeedContext;
      values: NeedFormValues;
      needId?: string;
      problems?: Record<string, string>;
    },
  ) => {
    const { partnership, membership } = accessOf(request);
    const base = `/p/${partnership.slug}/needs`;
    const errors = options.problems ? formErrors(needFieldIds(options.problems)) : undefined;
    const ownOnly = membership.role === 'partnership-admin' ? undefined : membership.organisationId;
    return reply.page(
      'needs/form.njk',
      {
        title: options.needId ? 'Change a need' : 'Record a need',
        action: options.needId ? `${base}/${options.needId}/edit` : `${base}/new`,
        values: options.values,
        ...needChoices(options.context, themes(), options.values, ownOnly),
        errors,
        backLink: { href: base, text: 'Needs register' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/needs/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const context = await services.needs.context(partnership);
    const values = needValuesFromInput({
      areaCode: '',
      theme: '',
      severity: '',
      peopleAffected: '',
      evidence: '',
      source: '',
      reportingOrganisationId: membership.organisationId ?? '',
      reportedOn: context.rules.today,
    });
    return showForm(request, reply, { context, values });
  });

  app.post('/p/:slug/needs/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const values = needValuesFromBody(request.body);
    try {
      await services.needs.record(partnership, membership, needInputFromValues(values), actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/needs?done=recorded`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const context = await services.needs.context(partnership);
      return showForm(request, reply, { context, values, problems: { ...error.fields } });
    }
  });

  const needIdOf = (request: FastifyRequest) => (request.params as { needId: string }).needId;

  app.get('/p/:slug/needs/:needId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const need = await services.needs.changeable(partnership.id, membership, needIdOf(request));
    const context = await services.needs.context(partnership);
    return showForm(request, reply, {
      context,
      values: needValuesFromInput(needInputFor(need)),
      needId: need.id,
    });
  });

  app.post('/p/:slug/needs/:needId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const needId = needIdOf(request);
    const values = needValuesFromBody(request.body);
    try {
      await services.needs.update(
        partnership,
        membership,
        needId,
        needInputFromValues(values),
        actorOf(request),
      );
      return reply.redirect(`/p/${partnership.slug}/needs?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const context = await services.needs.context(partnership);
      return showForm(request, reply, { context, values, needId, problems: { ...error.fields } });
    }
  });

  app.get('/p/:slug/needs/:needId/delete', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const need = await services.needs.changeable(partnership.id, membership, needIdOf(request));
    const context = await services.needs.context(partnership);
    return reply.page('needs/delete.njk', {
      title: 'Delete this need?',
      need,
      areaName: context.areas.byCode.get(need.areaCode)?.name ?? need.areaCode,
      themeName: themeName(need.theme),
      severityLabel: needSeverityLabels[need.severity],
      action: `/p/${partnership.slug}/needs/${need.id}/delete`,
      cancelHref: `/p/${partnership.slug}/needs`,
    });
  });

  app.post('/p/:slug/needs/:needId/delete', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    await services.needs.delete(partnership, membership, needIdOf(request), actorOf(request));
    return reply.redirect(`/p/${partnership.slug}/needs?done=deleted`, 303);
  });
}
