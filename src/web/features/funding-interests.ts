import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../app/errors.js';
import { coordinationLabels } from '../../app/funding/coordination.js';
import type { Services } from '../../app/services.js';
import {
  interestRoleLabels,
  interestRoles,
  isCoordinationKind,
  type CoordinationKind,
} from '../../domain/funding/clashes.js';
import { formErrors, text } from '../forms.js';
import { fundingNames, opportunityIdOf } from './funding-opportunities.js';
import { accessOf, actorOf } from './members.js';

const edit = { access: { partnership: 'edit' } } as const;

/** Registering an organisation's interest in a fund, withdrawing it, and planning what to do about a clash. */
export function registerFundingInterests(app: FastifyInstance, services: Services): void {
  const showInterestForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { organisationId: string; role: string; note: string },
    problems?: Record<string, string>,
  ) => {
    const { partnership, membership } = accessOf(request);
    const [view, context] = await Promise.all([
      services.fundingPipeline.find(partnership.id, opportunityIdOf(request)),
      services.fundingPipeline.context(partnership),
    ]);
    const base = `/p/${partnership.slug}/funding/opportunities/${view.opportunity.id}`;
    const choices =
      membership.role === 'partnership-admin'
        ? context.organisations
        : context.organisations.filter((o) => o.id === membership.organisationId);
    const errors = problems ? formErrors(problems) : undefined;
    return reply.page(
      'funding/interest-form.njk',
      {
        title: 'Register your interest',
        fundName: view.opportunity.fundName,
        action: `${base}/interest`,
        values,
        hasOrganisation: choices.length > 0,
        organisationItems: [
          ...(choices.length > 1 ? [{ value: '', text: 'Select an organisation' }] : []),
          ...choices.map((o) => ({ value: o.id, text: o.name, selected: o.id === values.organisationId })),
        ],
        roleItems: interestRoles.map((r) => ({
          value: r,
          text: interestRoleLabels[r],
          hint: {
            text:
              r === 'lead'
                ? 'Your organisation would apply and hold the money.'
                : 'Your organisation would join a bid that another partner leads.',
          },
          checked: values.role === r,
        })),
        errors,
        backLink: { href: base, text: 'Back' },
      },
      errors ? 400 : 200,
    );
  };

  app.get(
    '/p/:slug/funding/opportunities/:opportunityId/interest',
    { config: edit },
    async (request, reply) => {
      const { membership } = accessOf(request);
      return showInterestForm(request, reply, {
        organisationId: membership.organisationId ?? '',
        role: '',
        note: '',
      });
    },
  );

  app.post(
    '/p/:slug/funding/opportunities/:opportunityId/interest',
    { config: edit },
    async (request, reply) => {
      const { partnership, membership } = accessOf(request);
      const values = {
        organisationId: text(request.body, 'organisationId'),
        role: text(request.body, 'role'),
        note: text(request.body, 'note'),
      };
      const opportunityId = opportunityIdOf(request);
      try {
        await services.fundingPipeline.registerInterest(
          partnership,
          membership,
          opportunityId,
          values,
          actorOf(request),
        );
        return reply.redirect(
          `/p/${partnership.slug}/funding/opportunities/${opportunityId}?done=interest`,
          303,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return showInterestForm(request, reply, values, { ...error.fields });
      }
    },
  );

  app.post(
    '/p/:slug/funding/opportunities/:opportunityId/interest/withdraw',
    { config: edit },
    async (request, reply) => {
      const { partnership, membership } = accessOf(request);
      const opportunityId = opportunityIdOf(request);
      await services.fundingPipeline.withdrawInterest(
        partnership,
        membership,
        opportunityId,
        text(request.body, 'organisationId'),
        actorOf(request),
      );
      return reply.redirect(
        `/p/${partnership.slug}/funding/opportunities/${opportunityId}?done=withdrawn`,
        303,
      );
    },
  );

  const kindOf = (request: FastifyRequest): CoordinationKind => {
    const kind = (request.query as Record<string, unknown>).kind ?? text(request.body, 'kind');
    return isCoordinationKind(kind) ? kind : 'joint-bid';
  };

  const showPlanForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    kind: CoordinationKind,
    values?: { ownerOrganisationId: string; title: string },
    problems?: Record<string, string>,
  ) => {
    const { partnership } = accessOf(request);
    const proposal = await services.fundingPipeline.proposal(partnership, opportunityIdOf(request), kind);
    const context = await services.fundingPipeline.context(partnership);
    const names = fundingNames(services, context);
    const base = `/p/${partnership.slug}/funding/opportunities/${proposal.view.opportunity.id}`;
    const owner = values?.ownerOrganisationId ?? proposal.ownerOrganisationId;
    const indicator = services.assessments.frameworks.current.principles
      .flatMap((p) => p.indicators)
      .find((i) => i.code === proposal.indicatorCode);
    const errors = problems ? formErrors(problems) : undefined;
    return reply.page(
      'funding/plan.njk',
      {
        title: coordinationLabels[kind],
        kind,
        fundName: proposal.view.opportunity.fundName,
        leads: proposal.view.clash.leadOrganisationIds.map(names.organisationName),
        action: `${base}/plan`,
        values: { title: values?.title ?? proposal.title },
        description: proposal.description,
        indicator: indicator ? `${indicator.code} ${indicator.title}` : null,
        ownerItems: proposal.organisations.map((o) => ({
          value: o.id,
          text: o.name,
          selected: o.id === owner,
        })),
        alreadyPlanned: proposal.view.clash.kind === 'coordinating',
        errors,
        backLink: { href: base, text: 'Back' },
      },
      errors ? 400 : 200,
    );
  };

  app.get('/p/:slug/funding/opportunities/:opportunityId/plan', { config: edit }, async (request, reply) =>
    showPlanForm(request, reply, kindOf(request)),
  );

  app.post('/p/:slug/funding/opportunities/:opportunityId/plan', { config: edit }, async (request, reply) => {
    const { partnership, membership } = accessOf(request);
    const opportunityId = opportunityIdOf(request);
    const values = {
      ownerOrganisationId: text(request.body, 'ownerOrganisationId'),
      title: text(request.body, 'title'),
    };
    const kind = kindOf(request);
    try {
      await services.fundingPipeline.planCoordination(
        partnership,
        membership,
        opportunityId,
        { kind, ...values },
        actorOf(request),
      );
      return reply.redirect(
        `/p/${partnership.slug}/funding/opportunities/${opportunityId}?done=planned`,
        303,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showPlanForm(request, reply, kind, values, { ...error.fields });
    }
  });
}
