import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { ukDate } from '../../../domain/assessment/round-rules.js';
import type { PlanEntry, PlanFacts } from '../../reports/action-plan-section.js';
import { planSummaryDocument } from '../../reports/plan-summary-document.js';
import type { ReportDocument } from '../../reports/report-document.js';
import { renderReportPdf } from '../../reports/tagged-pdf.js';
import { safeFileName } from '../../view-models/file-name.js';
import { accessOf } from '../members.js';

const member = { access: { partnership: 'member' } } as const;

/** Every action of the partnership with its latest progress note and its owner's name. */
export async function planEntries(services: Services, partnershipId: string): Promise<PlanEntry[]> {
  const [entries, organisations] = await Promise.all([
    services.actions.list(partnershipId),
    services.organisations.list(partnershipId),
  ]);
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  return entries.map(({ action, latestNote }) => ({
    action,
    latestNote,
    ownerName: action.ownerOrganisationId ? (names.get(action.ownerOrganisationId) ?? null) : null,
  }));
}

/** Today and the principles' names of the current framework. */
export function planFacts(services: Services): PlanFacts {
  return {
    today: ukDate(services.clock.now()),
    principleNames: new Map(
      services.assessments.frameworks.current.principles.map((p) => [p.code, p.name] as const),
    ),
  };
}

/** The one-page action plan summary for lead members, as a print-friendly page and a tagged PDF. */
export function registerActionPlanSummary(app: FastifyInstance, services: Services): void {
  const load = async (partnershipId: string, partnershipName: string): Promise<ReportDocument> =>
    planSummaryDocument(await planEntries(services, partnershipId), planFacts(services), {
      partnershipName,
      generatedAt: services.clock.now(),
    });

  app.get('/p/:slug/actions/summary', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const document = await load(partnership.id, partnership.name);
    const base = `/p/${partnership.slug}/actions`;
    return reply.page('reports/report.njk', {
      title: document.title,
      report: document,
      links: [
        { href: `${base}/summary.pdf`, text: 'Download this summary as a PDF', download: true },
        { href: base, text: 'Back to the action plan' },
      ],
    });
  });

  app.get('/p/:slug/actions/summary.pdf', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const bytes = await renderReportPdf(await load(partnership.id, partnership.name));
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="${safeFileName('action-plan-summary', partnership.slug, '', 'pdf')}"`,
      )
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });
}
