import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../app/errors.js';
import type { RoundView } from '../../app/assessments/rounds.js';
import type { Services } from '../../app/services.js';
import { isWorkshopSource } from '../../domain/actions/workshop-actions.js';
import { formErrors, text } from '../forms.js';
import { accessOf, actorOf } from './members.js';
import { guidanceForIndicators } from '../view-models/guidance-links.js';

const admin = { access: { partnership: 'manage-members' } } as const;

const formatMedian = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : String(Math.round(value * 10) / 10);

type Principle = RoundView['framework']['principles'][number];

/** The principles the round asked about, in framework order. */
const askedPrinciples = (view: RoundView) =>
  view.framework.principles.filter((p) =>
    p.indicators.some((indicator) => view.indicators.some((asked) => asked.code === indicator.code)),
  );

/** The success banner after saving a principle, from the flags on the redirect (nothing is kept on the server). */
function savedBanner(request: FastifyRequest, principles: readonly Principle[]) {
  const principle = principles.find((p) => p.code === text(request.query, 'saved'));
  if (!principle) return undefined;
  const added = Number(text(request.query, 'added'));
  const count = Number.isInteger(added) && added > 0 && added < 1000 ? added : 0;
  return {
    heading: `${principle.name} saved`,
    text:
      count === 0
        ? 'No new actions were added to the action plan.'
        : `${count} ${count === 1 ? 'action was' : 'actions were'} added to the action plan.`,
  };
}

/**
 * Workshop mode: a facilitator's view for a meeting on a shared screen, principle by principle, with the
 * aggregated results and discussion questions, recording the level the meeting agreed, why, and what to do.
 */
export function registerWorkshop(app: FastifyInstance, services: Services): void {
  const load = async (request: FastifyRequest) => {
    const { partnership } = accessOf(request);
    const { roundId } = request.params as { roundId: string };
    const view = await services.assessments.find(partnership.id, roundId);
    if (!view) throw new NotFoundError('No such round');
    return { partnership, view, results: await services.assessments.results(view) };
  };

  const principleContext = async (request: FastifyRequest) => {
    const { partnership, view, results } = await load(request);
    const { principleCode } = request.params as { principleCode: string };
    const principles = askedPrinciples(view);
    const index = principles.findIndex((p) => p.code === principleCode);
    const principle = principles[index];
    if (!principle) throw new NotFoundError('No such principle');
    const summary = results.results.principles.find((p) => p.principleCode === principle.code);
    const indicators = view.indicators
      .filter((indicator) => principle.indicators.some((i) => i.code === indicator.code))
      .map((indicator) => {
        const comparison = results.results.indicators.find((c) => c.indicatorCode === indicator.code);
        return {
          ...indicator,
          council: formatMedian(comparison?.councilMedian),
          community: formatMedian(comparison?.communityMedian),
          perceptionGap: comparison?.perceptionGap ?? false,
        };
      });
    const record = results.workshop.find((w) => w.principleCode === principle.code);
    const base = `/p/${partnership.slug}/rounds/${view.round.id}/workshop`;
    return {
      title: `Workshop: ${principle.name}`,
      view,
      principle,
      position: { number: index + 1, of: principles.length },
      council: formatMedian(summary?.councilMedian),
      community: formatMedian(summary?.communityMedian),
      indicators,
      scale: view.framework.scale.levels,
      values: {
        agreedLevel: record ? (record.agreedLevel === null ? 'none' : String(record.agreedLevel)) : '',
        reasons: record?.reasons ?? '',
        agreedActions: record?.agreedActions ?? '',
      },
      previous: principles[index - 1] && `${base}/${principles[index - 1]?.code}`,
      next: principles[index + 1] && `${base}/${principles[index + 1]?.code}`,
      summaryHref: `${base}/summary`,
      relatedGuidance: guidanceForIndicators(
        services.guidance,
        view.framework,
        indicators.map((indicator) => indicator.code),
      ),
      relatedGuidanceIntro: 'Practical guides for the statements under this principle:',
      flash: savedBanner(request, principles),
      backLink: { href: base, text: 'All principles' },
    };
  };

  app.get('/p/:slug/rounds/:roundId/workshop/summary', { config: admin }, async (request, reply) => {
    const { partnership, view, results } = await load(request);
    const actions = (await services.actions.list(partnership.id))
      .map((entry) => entry.action)
      .filter((action) => action.roundId === view.round.id && isWorkshopSource(action.source));
    const principles = askedPrinciples(view).map((principle) => {
      const record = results.workshop.find((w) => w.principleCode === principle.code);
      return {
        code: principle.code,
        name: principle.name,
        agreed: record ? (record.agreedLevel === null ? 'Not agreed' : `Level ${record.agreedLevel}`) : '',
        actions: actions
          .filter((action) => action.source === `workshop:${principle.code}`)
          .map((action) => ({ title: action.title, href: `/p/${partnership.slug}/actions/${action.id}` })),
      };
    });
    return reply.page('workshop/summary.njk', {
      title: `Workshop summary: ${view.round.name}`,
      view,
      principles,
      discussed: principles.filter((p) => p.agreed !== '').length,
      actionCount: actions.length,
      flash: savedBanner(request, askedPrinciples(view)),
      workshopHref: `/p/${partnership.slug}/rounds/${view.round.id}/workshop`,
      backLink: { href: `/p/${partnership.slug}/rounds/${view.round.id}/workshop`, text: 'All principles' },
    });
  });

  app.get('/p/:slug/rounds/:roundId/workshop', { config: admin }, async (request, reply) => {
    const { view, results } = await load(request);
    const principles = results.results.principles.map((p) => ({
      ...p,
      council: formatMedian(p.councilMedian),
      community: formatMedian(p.communityMedian),
      record: results.workshop.find((w) => w.principleCode === p.principleCode),
    }));
    return reply.page('workshop/index.njk', {
      title: `Workshop: ${view.round.name}`,
      view,
      principles,
      backLink: {
        href: `/p/${accessOf(request).partnership.slug}/rounds/${view.round.id}`,
        text: view.round.name,
      },
    });
  });

  app.get('/p/:slug/rounds/:roundId/workshop/:principleCode', { config: admin }, async (request, reply) =>
    reply.page('workshop/principle.njk', await principleContext(request)),
  );

  app.post('/p/:slug/rounds/:roundId/workshop/:principleCode', { config: admin }, async (request, reply) => {
    const context = await principleContext(request);
    const input = {
      principleCode: context.principle.code,
      agreedLevel: text(request.body, 'agreedLevel'),
      reasons: text(request.body, 'reasons'),
      agreedActions: text(request.body, 'agreedActions'),
    };
    try {
      if (!input.agreedLevel)
        throw new ValidationError({ agreedLevel: 'Select the level the meeting agreed, or “Not agreed”' });
      const saved = await services.assessments.saveWorkshop(context.view, input, actorOf(request));
      const flag = `?saved=${context.principle.code}&added=${saved.actionsAdded}`;
      return reply.redirect(`${context.next ?? context.summaryHref}${flag}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reply.page(
        'workshop/principle.njk',
        { ...context, values: input, errors: formErrors(error.fields) },
        400,
      );
    }
  });
}
