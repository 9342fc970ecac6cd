import { csvText } from '../../domain/shared/csv-text.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFoundError } from '../../app/errors.js';
import type { Services } from '../../app/services.js';
import type { PartnershipRecord } from '../../app/ports.js';
import { evidencePackDocument, evidencePackRows } from '../reports/evidence-pack-document.js';
import { renderReportPdf } from '../reports/tagged-pdf.js';
import { safeFileName } from '../view-models/file-name.js';
import { accessOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;

const query = (request: FastifyRequest, name: string) => {
  const value = (request.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
};

const cellOf = (request: FastifyRequest) => {
  const params = request.params as { areaCode: string; theme: string };
  return {
    area: params.areaCode.trim().toUpperCase().slice(0, 20),
    theme: params.theme.trim().slice(0, 100),
  };
};

/** The evidence pack for an area and theme: a chooser, the page, a spreadsheet (CSV) and a tagged PDF. */
export function registerEvidencePack(app: FastifyInstance, services: Services): void {
  const themeName = (id: string) => services.directory.themes.themes.find((t) => t.id === id)?.name ?? id;

  const load = async (partnership: PartnershipRecord, area: string, theme: string) => {
    const evidence = await services.commissioning.evidence(partnership, area, theme);
    if (!evidence) throw new NotFoundError('There is no such area or theme in this partnership');
    const names = new Map(evidence.view.report.areas.map((a) => [a.code, a.name]));
    return evidencePackDocument(evidence, {
      partnershipName: partnership.name,
      generatedAt: services.clock.now(),
      themeName,
      areaName: (code) => names.get(code) ?? code,
    });
  };

  const fileName = (partnership: PartnershipRecord, area: string, theme: string, extension: string) =>
    safeFileName('evidence-pack', partnership.slug, `${area} ${theme}`, extension);

  app.get('/p/:slug/evidence', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const area = query(request, 'area').toUpperCase();
    const theme = query(request, 'theme');
    const base = `/p/${partnership.slug}/evidence`;
    if (area === '' || theme === '') {
      const context = await services.needs.context(partnership);
      return reply.page('funding/evidence-chooser.njk', {
        title: 'Evidence packs',
        base,
        areaItems: [
          { value: '', text: 'Select an area' },
          ...context.areas.list.map((a) => ({
            value: a.code,
            text:
              a.level === 'authority'
                ? `All of ${a.name}`
                : a.level === 'ward'
                  ? `${a.name} (ward)`
                  : `${a.name} (${a.code})`,
            selected: a.code === area,
          })),
        ],
        themeItems: [
          { value: '', text: 'Select a theme' },
          ...services.directory.themes.themes.map((t) => ({
            value: t.id,
            text: t.name,
            selected: t.id === theme,
          })),
        ],
        missing: area !== '' || theme !== '' ? (area === '' ? 'area' : 'theme') : null,
      });
    }
    const document = await load(partnership, area, theme);
    return reply.page('reports/report.njk', {
      title: document.title,
      report: document,
      links: [
        {
          href: `${base}/${area}/${theme}/evidence-pack.pdf`,
          text: 'Download the evidence pack as a PDF',
          download: true,
        },
        {
          href: `${base}/${area}/${theme}/evidence-pack.csv`,
          text: 'Download the evidence pack as a spreadsheet (CSV)',
          download: true,
        },
        { href: `/p/${partnership.slug}/needs/gaps/${area}/${theme}`, text: 'How the gap was worked out' },
        { href: base, text: 'Choose another area or theme' },
      ],
    });
  });

  app.get(
    '/p/:slug/evidence/:areaCode/:theme/evidence-pack.csv',
    { config: member },
    async (request, reply) => {
      const { partnership } = accessOf(request);
      const { area, theme } = cellOf(request);
      const document = await load(partnership, area, theme);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(partnership, area, theme, 'csv')}"`)
        .header('cache-control', 'private, no-store')
        .send(csvText(evidencePackRows(document), { bom: true }));
    },
  );

  app.get(
    '/p/:slug/evidence/:areaCode/:theme/evidence-pack.pdf',
    { config: member },
    async (request, reply) => {
      const { partnership } = accessOf(request);
      const { area, theme } = cellOf(request);
      const bytes = await renderReportPdf(await load(partnership, area, theme));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName(partnership, area, theme, 'pdf')}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
