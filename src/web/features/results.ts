import { carriedActionRows } from '../view-models/carried-actions.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csvText } from '../../domain/shared/csv-text.js';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import { csvFileName, resultsCsvRows } from '../view-models/results-csv.js';
import { resultsPageView } from '../view-models/results-view.js';
import { accessOf } from './members.js';
import { guidanceByIndicator } from '../view-models/guidance-links.js';
import { mayAddActions } from '../../domain/actions/actions.js';
import {
  fundingEvidenceIndicators,
  fundingShareRows,
  hasFundingShares,
} from '../view-models/funding-shares-view.js';

const member = { access: { partnership: 'member' } } as const;

/** A round's results for every member of its partnership: the page and an aggregated CSV. */
export function registerResults(app: FastifyInstance, services: Services): void {
  const loadResults = async (request: FastifyRequest) => {
    const { partnership } = accessOf(request);
    const { roundId } = request.params as { roundId: string };
    const view = await services.assessments.find(partnership.id, roundId);
    if (!view) throw new NotFoundError('No such round');
    return { partnership, results: await services.assessments.results(view) };
  };

  app.get('/p/:slug/rounds/:roundId/results', { config: member }, async (request, reply) => {
    const { partnership, results } = await loadResults(request);
    const page = resultsPageView(results);
    const carried = await services.actions.openActionsCarriedInto(results.view.round);
    const shares = await services.funding.shares(partnership.id);
    return reply.page('results/results.njk', {
      title: `Results: ${page.round.name}`,
      results: page,
      indicatorGuidance: guidanceByIndicator(services.guidance, results.view.framework),
      carriedActions: carriedActionRows(carried, results.view.framework, results.previous?.comparison),
      csvHref: `/p/${partnership.slug}/rounds/${page.round.id}/results.csv`,
      fundingEvidence: hasFundingShares(shares)
        ? {
            shareRows: fundingShareRows(shares),
            indicators: fundingEvidenceIndicators(results.view.framework),
            href: `/p/${partnership.slug}/funding`,
          }
        : undefined,
      actionBase: mayAddActions(accessOf(request).membership)
        ? `/p/${partnership.slug}/actions/new?round=${page.round.id}`
        : undefined,
    });
  });

  app.get('/p/:slug/rounds/:roundId/results.csv', { config: member }, async (request, reply) => {
    const { partnership, results } = await loadResults(request);
    const csv = csvText(resultsCsvRows(results, partnership.name), { bom: true });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${csvFileName(partnership.slug, results.view.round.name)}"`,
      )
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
}
