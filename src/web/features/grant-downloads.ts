import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../app/services.js';
import { flattenedGrantTable } from '../../domain/funding/flattened-grant-writer.js';
import { csvText } from '../../domain/shared/csv-text.js';
import { accessOf } from './members.js';

const member = { access: { partnership: 'member' } } as const;

function download(reply: FastifyReply, type: string, fileName: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'private, no-store');
}

/**
 * The partnership's grants for anyone who can see them, in the 360Giving standard: the JSON package, and the
 * flattened form (one row per grant, the standard's column titles) as CSV and as an Excel workbook whose sheet
 * is called "grants", as 360Giving's template names it.
 */
export function registerGrantDownloads(app: FastifyInstance, services: Services): void {
  const table = async (partnershipId: string) =>
    flattenedGrantTable((await services.grants.standardPackage(partnershipId)).grants);

  app.get('/p/:slug/grants/360giving.json', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const body = JSON.stringify(await services.grants.standardPackage(partnership.id), null, 2);
    return download(
      reply,
      'application/json; charset=utf-8',
      `${partnership.slug}-grants-360giving.json`,
    ).send(`${body}\n`);
  });

  app.get('/p/:slug/grants/360giving.csv', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const { headings, rows } = await table(partnership.id);
    return download(reply, 'text/csv; charset=utf-8', `${partnership.slug}-grants-360giving.csv`).send(
      csvText([headings, ...rows], { bom: true }),
    );
  });

  app.get('/p/:slug/grants/360giving.xlsx', { config: member }, async (request, reply) => {
    const { partnership } = accessOf(request);
    const { headings, rows } = await table(partnership.id);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('grants');
    sheet.addRow(headings);
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of rows) sheet.addRow(row);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    return download(
      reply,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      `${partnership.slug}-grants-360giving.xlsx`,
    ).send(bytes);
  });
}
