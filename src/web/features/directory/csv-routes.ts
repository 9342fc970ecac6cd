import { Readable } from 'node:stream';
import { csvText } from '../../../domain/shared/csv-text.js';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../app/services.js';
import { directoryCsvHeader, directoryCsvRow } from '../../view-models/directory-csv.js';
import { accessOf } from '../members.js';

const member = { access: { partnership: 'member' } } as const;

/** The whole directory as a spreadsheet (CSV), for any member; written a page of services at a time. */
export function registerDirectoryCsv(app: FastifyInstance, services: Services): void {
  app.get('/p/:slug/directory.csv', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const themes = new Map(services.directory.themes.themes.map((t) => [t.id, t.name]));
    const themeName = (id: string) => themes.get(id) ?? id;
    async function* lines() {
      yield csvText([directoryCsvHeader], { bom: true });
      for await (const page of services.oruk.servicePages(partnership.id)) {
        const rows = page.services.map((s) =>
          directoryCsvRow(s, page.organisations.get(s.organisationId), themeName, partnership.name),
        );
        if (rows.length > 0) yield csvText(rows);
      }
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${partnership.slug}-directory.csv"`)
      .header('cache-control', 'private, no-store')
      .send(Readable.from(lines()));
  });
}
