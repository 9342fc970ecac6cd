import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import type { FundingContext } from '../../app/funding/opportunities.js';
import type { Services } from '../../app/services.js';
import { currencies } from '../../domain/funding/money.js';
import { mayAddOpportunities, mayChangeOpportunity } from '../../domain/funding/permissions.js';
import { formErrors } from '../forms.js';
import {
  dateBoxes,
  opportunityFieldIds,
  opportunityRow,
  opportunityValuesFromBody,
  opportunityValuesFromRecord,
  type OpportunityFormValues,
} from '../view-models/funding-pipeline-view.js';
import { accessOf, actorOf } from './members.js';
import { guidanceLinks } from '../view-models/guidance-links.js';

const member = { access: { partnership: 'member' } } as const;
const edit = { access: { partnership: 'edit' } } as const;

const query = (request: FastifyRequest, name: string) => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
};

export const opportunityIdOf = (request: FastifyRequest) =>
  (request.params as { opportunityId: string }).opportunityId;

/** Names for ids on the funding pages: organisations, themes and areas. */
export function fundingNames(services: Services, context: FundingContext) {
  const themes = new Map(services.directory.themes.themes.map((t) => [t.id, t.name]));
  const organisations = new Map(context.organisations.map((o) => [o.id, o.name]));
  const areas = new Map(
    context.areas.map((a) => [a.code, a.level === 'authority' ? `All of ${a.name}` : a.name]),
  );
  return {
    themeName: (id: string) => themes.get(id) ?? id,
    organisationName: (id: string) => organisations.get(id) ?? 'An organisation no longer in the partnership',
    areaName: (code: string) => areas.get(code) ?? code,
  };
}

/** The shared register of funding opportunities: the list, one opportunity, and adding or changing one. */
export function registerFundingOpportunities(app: FastifyInstance, services: Services): void {
  const themes = () => services.directory.themes.themes;

  // The old pipeline page only linked to the Funding section's pages, which its sub-navigation now lists.
  app.get('/p/:slug/funding/pipeline', { config: member }, async (request, reply) =>
    reply.redirect(`/p/${accessOf(request).partnership.slug}/funding/opportunities`, 301),
  );

  app.get('/p/:slug/funding/opportunities', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const theme = query(request, 'theme');
    const [views, context] = await Promise.all([
      services.fundingPipeline.list(partnership, { theme }),
      services.fundingPipeline.context(partnership),
    ]);
    const base = `/p/${partnership.slug}/funding/opportunities`;
    const names = fundingNames(services, context);
    const rows = views.map((view) => opportunityRow(view, { base, today: context.today, ...names }));
    return reply.page('funding/opportunities.njk', {
      title: 'Funding opportunities',
      relatedGuidance: guidanceLinks(services.guidance, ['funding-together', 'cost-of-living-top-tips']),
      base,
      canAdd: mayAddOpportunities(membership),
      flash: { added: 'The opportunity was added.' }[query(request, 'done')],
      filtered: theme !== '',
      themeItems: [
        { value: '', text: 'Any theme' },
        ...themes().map((t) => ({ value: t.id, text: t.name, selected: t.id === theme })),
      ],
      rows,
      clashCount: rows.filter((r) => r.clashKind === 'clash').length,
    });
  });

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    options: { values: OpportunityFormValues; opportunityId?: string; problems?: Record<string, string> },
  ) => {
    const { partnership } = accessOf(request);
    const context = await services.fundingPipeline.context(partnership);
    const base = `/p/${partnership.slug}/funding/opportunities`;
    const errors = options.problems ? formErrors(opportunityFieldIds(options.problems)) : undefined;
    const { values } = options;
    return reply.page(
      'funding/opportunity-form.njk',
      {
        title: options.opportunityId ? 'Change a funding opportunity' : 'Add a funding opportunity',
        action: options.opportunityId ? `${base}/${options.opportunityId}/edit` : `${base}/new`,
        values,
        deadline: dateBoxes(values.deadline),
        currencyItems: currencies.map((c) => ({
          value: c,
          text: c,
          selected: (values.currency || 'GBP') === c,
        })),
        themeItems: themes().map((t) => ({
          value: t.id,
          text: t.name,
          checked: values.themes.includes(t.id),
        })),
        areaItems: context.areas.map((a) => ({
          value: a.code,
          text: a.level === 'authority' ? `All of ${a.name}` : a.name,
          checked: values.areaCodes.includes(a.code),
        })),
        errors,
        backLink: {
          href: options.opportunityId ? `${base}/${options.opportunityId}` : base,
          text: 'Back',
        },
      },
      errors ? 400 : 200,
    );
  };

  const empty: OpportunityFormValues = {
    funder: '',
    fundName: '',
    amountMin: '',
    amountMax: '',
    currency: 'GBP',
    deadline: '',
    themes: [],
    areaCodes: [],
    link: '',
    notes: '',
  };

  app.get('/p/:slug/funding/opportunities/new', { config: edit }, async (request, reply) =>
    showForm(request, reply, { values: empty }),
  );

  app.post('/p/:slug/funding/opportunities/new', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const values = opportunityValuesFromBody(request.body);
    try {
      const added = await services.fundingPipeline.add(partnership, membership, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/funding/opportunities/${added.id}?done=added`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showForm(request, reply, { values, problems: { ...error.fields } });
    }
  });

  app.get('/p/:slug/funding/opportunities/:opportunityId', { config: member }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const [view, context] = await Promise.all([
      services.fundingPipeline.find(partnership.id, opportunityIdOf(request)),
      services.fundingPipeline.context(partnership),
    ]);
    const base = `/p/${partnership.slug}/funding/opportunities`;
    const row = opportunityRow(view, { base, today: context.today, ...fundingNames(services, context) });
    const action = view.opportunity.coordinationActionId;
    return reply.page('funding/opportunity.njk', {
      title: `${view.opportunity.fundName} (${view.opportunity.funder})`,
      row,
      canChange: mayChangeOpportunity(membership, view.opportunity),
      canRegister: membership.role !== 'viewer',
      canWithdraw: (organisationId: string) =>
        membership.role === 'partnership-admin' || membership.organisationId === organisationId,
      actionHref: action ? `/p/${partnership.slug}/actions/${action}` : null,
      flash: {
        added: 'The opportunity was added.',
        saved: 'Your changes were saved.',
        interest: 'Your interest was registered.',
        withdrawn: 'The interest was withdrawn.',
        planned: 'The action was added to the action plan.',
      }[query(request, 'done')],
      backLink: { href: base, text: 'Funding opportunities' },
    });
  });

  app.get('/p/:slug/funding/opportunities/:opportunityId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const opportunity = await services.fundingPipeline.changeable(
      partnership.id,
      membership,
      opportunityIdOf(request),
    );
    return showForm(request, reply, {
      values: opportunityValuesFromRecord(opportunity),
      opportunityId: opportunity.id,
    });
  });

  app.post('/p/:slug/funding/opportunities/:opportunityId/edit', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const opportunityId = opportunityIdOf(request);
    const values = opportunityValuesFromBody(request.body);
    try {
      await services.fundingPipeline.update(partnership, membership, opportunityId, values, actorOf(request));
      return reply.redirect(`/p/${partnership.slug}/funding/opportunities/${opportunityId}?done=saved`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showForm(request, reply, { values, opportunityId, problems: { ...error.fields } });
    }
  });
}
