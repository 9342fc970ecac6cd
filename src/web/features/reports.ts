import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import type { RoundResultsView } from '../../app/assessments/results.js';
import type { RoundRecord } from '../../app/ports.js';
import type { Services } from '../../app/services.js';
import { fullReportDocument } from '../reports/full-report-document.js';
import { reportFileName, type ReportContext } from '../reports/report-document.js';
import { summaryDocument } from '../reports/summary-document.js';
import { renderReportPdf } from '../reports/tagged-pdf.js';
import { actionPlanReportSection } from '../reports/action-plan-section.js';
import { planEntries, planFacts } from './actions/plan-summary.js';
import { accessOf } from './members.js';
import { guidanceForIndicators } from '../view-models/guidance-links.js';

const member = { access: { partnership: 'member' } } as const;

const builders = { summary: summaryDocument, report: fullReportDocument } as const;
type RoundReportKind = keyof typeof builders;

/**
 * A round's lead-member summary and full report, for every member of its partnership: each as a
 * print-friendly page and as a tagged PDF made on the server.
 */
export function registerReports(app: FastifyInstance, services: Services): void {
  /** The round's own actions and the open ones carried into it, named with the round's framework. */
  const actionPlanFor = async (partnershipId: string, round: RoundRecord, results: RoundResultsView) => {
    const [entries, carried] = await Promise.all([
      planEntries(services, partnershipId),
      services.actions.openActionsCarriedInto(round),
    ]);
    const carriedIds = new Set(carried.map((action) => action.id));
    const facts = {
      ...planFacts(services),
      principleNames: new Map(results.view.framework.principles.map((p) => [p.code, p.name] as const)),
    };
    return actionPlanReportSection(
      entries.filter((entry) => entry.action.roundId === round.id),
      entries.filter((entry) => carriedIds.has(entry.action.id)),
      facts,
    );
  };

  const load = async (request: FastifyRequest, kind: RoundReportKind) => {
    const { partnership } = accessOf(request);
    const { roundId } = request.params as { roundId: string };
    const view = await services.assessments.find(partnership.id, roundId);
    if (!view) throw new NotFoundError('No such round');
    const results = await services.assessments.results(view);
    const context: ReportContext = {
      partnershipName: partnership.name,
      generatedAt: services.clock.now(),
      ...(kind === 'report' ? { actionPlan: await actionPlanFor(partnership.id, view.round, results) } : {}),
    };
    const priorityCodes = [...results.results.gaps, ...results.results.priorities].map(
      (r) => r.indicatorCode,
    );
    return {
      partnership,
      roundId: view.round.id,
      document: builders[kind](results, context),
      relatedGuidance: guidanceForIndicators(services.guidance, view.framework, priorityCodes, 4),
    };
  };

  const page = async (request: FastifyRequest, reply: FastifyReply, kind: RoundReportKind) => {
    const { partnership, roundId, document, relatedGuidance } = await load(request, kind);
    const base = `/p/${partnership.slug}/rounds/${roundId}`;
    return reply.page('reports/report.njk', {
      title: document.title,
      report: document,
      relatedGuidance,
      relatedGuidanceIntro: 'Practical guides for the perception gaps and priorities in this round:',
      links: [
        {
          href: `${base}/${kind}.pdf`,
          text: `Download this ${kind === 'summary' ? 'summary' : 'report'} as a PDF`,
          download: true,
        },
        kind === 'summary'
          ? { href: `${base}/report`, text: 'Read the full report' }
          : { href: `${base}/summary`, text: 'Read the lead-member summary' },
        { href: `${base}/results`, text: 'Back to the results' },
      ],
    });
  };

  const pdf = async (request: FastifyRequest, reply: FastifyReply, kind: RoundReportKind) => {
    const { partnership, document } = await load(request, kind);
    const bytes = await renderReportPdf(document);
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="${reportFileName(kind, partnership.slug, document.roundName)}"`,
      )
      .header('cache-control', 'private, no-store')
      .send(bytes);
  };

  app.get('/p/:slug/rounds/:roundId/summary', { config: member }, (request, reply) =>
    page(request, reply, 'summary'),
  );
  app.get('/p/:slug/rounds/:roundId/summary.pdf', { config: member }, (request, reply) =>
    pdf(request, reply, 'summary'),
  );
  app.get('/p/:slug/rounds/:roundId/report', { config: member }, (request, reply) =>
    page(request, reply, 'report'),
  );
  app.get('/p/:slug/rounds/:roundId/report.pdf', { config: member }, (request, reply) =>
    pdf(request, reply, 'report'),
  );
}
