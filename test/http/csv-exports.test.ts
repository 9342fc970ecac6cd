import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { csvText } from '../../src/domain/shared/csv-text.js';
import { directoryCsvHeader } from '../../src/web/view-models/directory-csv.js';
import { CSV_HEADER as resultsHeader } from '../../src/web/view-models/results-csv.js';
import { Browser } from '../support/browser.js';
import { httpDatabases } from '../support/http-databases.js';
import { uploadForm } from '../support/multipart.js';
import { strictCsvRows } from '../support/strict-csv.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Every CSV download, with names and descriptions holding commas, double quotes and bare line feeds (some with only
 * a line feed, which was written unquoted before), read back by a strict parser (no loose quotes, every row as long
 * as the header, any line ending ends a record outside quotes): it gets exactly the rows written.
 */

const partnershipName = 'Northmoor, "North"\nand South';
const serviceName = 'Pantry at the hall\nevery Friday';
const serviceDescription = 'Food on Fridays.\nBring a bag\r\nNo referral needed\n';
const actionTitle = 'Map and review\nevery quarter';
const actionDescription = 'First line\nsecond, with "quotes"\n';
const roundName = 'Spring round\n2026';
const areaName = 'Greenacres\nward';

/** Parsed strictly, the download is exactly its rows: written again, they give back the same text. */
function readBack(body: string): string[][] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  const rows = strictCsvRows(body);
  expect(csvText(rows, { bom: true })).toBe(body);
  return rows;
}

describe.each(httpDatabases())('CSV downloads read back strictly ($name)', (database) => {
  let t: TestApp;
  let remove: () => Promise<void>;
  let northmoor: PartnershipRecord;
  let admin: Browser;
  let greenacres: string;
  let serviceId: string;

  beforeAll(async () => {
    const opened = await database.open();
    remove = opened.remove;
    t = await createTestApp({ env: opened.env });
    northmoor = await t.partnership('northmoor');
    const { db } = t.runtime.handle;
    await db
      .updateTable('partnerships')
      .set({ name: partnershipName })
      .where('id', '=', northmoor.id)
      .execute();
    const service = await db
      .selectFrom('services')
      .select('id')
      .where('partnership_id', '=', northmoor.id)
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    serviceId = service.id;
    await db
      .updateTable('services')
      .set({ name: serviceName, description: serviceDescription })
      .where('id', '=', serviceId)
      .execute();
    const action = await db
      .selectFrom('actions')
      .select('id')
      .where('partnership_id', '=', northmoor.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('actions')
      .set({ title: actionTitle, description: actionDescription })
      .where('id', '=', action.id)
      .execute();
    const ward = (await t.runtime.services.store.areas.children(northmoor.localAuthorityCode)).find(
      (w) => w.name === 'Greenacres',
    );
    if (!ward) throw new Error('No Greenacres ward in the demo');
    greenacres = ward.code;
    await db.updateTable('areas').set({ name: areaName }).where('code', '=', greenacres).execute();
    admin = new Browser(t.app);
    expect((await admin.signIn(demoAccounts.northmoorAdmin, knownPassword)).statusCode).toBe(303);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await remove();
  });

  const download = async (url: string) => {
    const response = await admin.get(url);
    expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    return readBack(response.body);
  };

  it('the directory: one record per service, the awkward name and description whole', async () => {
    const [header, ...rows] = await download('/p/northmoor/directory.csv');
    expect(header).toEqual(directoryCsvHeader);
    const { total } = await t.runtime.services.store.directory.filterServices(
      northmoor.id,
      {},
      { limit: 1, offset: 0 },
    );
    expect(rows).toHaveLength(total);
    const row = rows.find((r) => r[1] === serviceId);
    expect(row?.slice(0, 3)).toEqual([partnershipName, serviceId, serviceName]);
    expect(row?.[7]).toBe(serviceDescription);
    expect(rows.every((r) => r[0] === partnershipName)).toBe(true);
  });

  it('the action plan', async () => {
    const [header, ...rows] = await download('/p/northmoor/actions.csv');
    expect(header?.slice(0, 3)).toEqual(['Partnership', 'Title', 'Description']);
    expect(header).toHaveLength(12);
    const count = await t.runtime.handle.db
      .selectFrom('actions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('partnership_id', '=', northmoor.id)
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(Number(count.n));
    expect(rows.find((r) => r[1] === actionTitle)?.slice(0, 3)).toEqual([
      partnershipName,
      actionTitle,
      actionDescription,
    ]);
  });

  it('the gaps list', async () => {
    const [header, ...rows] = await download('/p/northmoor/needs/gaps.csv?level=ward');
    expect(header?.slice(0, 5)).toEqual(['Partnership', 'Area code', 'Area', 'Level', 'Theme']);
    expect(header).toHaveLength(17);
    const greenacresRows = rows.filter((r) => r[1] === greenacres);
    expect(greenacresRows.length).toBeGreaterThan(0);
    for (const row of greenacresRows)
      expect(row.slice(0, 4)).toEqual([partnershipName, greenacres, areaName, 'ward']);
  });

  it('the evidence pack', async () => {
    const [header, ...rows] = await download(
      `/p/northmoor/evidence/${greenacres}/money-debt-and-benefits/evidence-pack.csv`,
    );
    expect(header).toEqual(['Section', 'Item', 'Value', 'Detail']);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.flat().some((cell) => cell.includes(areaName))).toBe(true);
  });

  it('the results of a round', async () => {
    const round = await t.runtime.handle.db
      .selectFrom('assessment_rounds')
      .select('id')
      .where('partnership_id', '=', northmoor.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.runtime.handle.db
      .updateTable('assessment_rounds')
      .set({ name: roundName })
      .where('id', '=', round.id)
      .execute();
    const [header, ...rows] = await download(`/p/northmoor/rounds/${round.id}/results.csv`);
    expect(header).toEqual([...resultsHeader]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.slice(0, 2)).toEqual([partnershipName, roundName]);
  });

  it('the problems found in an upload', async () => {
    await admin.get('/p/northmoor/imports');
    const duplicate = 'Friends of the Park, "Moor" branch';
    const file = csvText([
      ['name', 'kind', 'identifier'],
      [duplicate, 'vcs', ''],
      [duplicate, 'vcs', ''],
      ['Line\nbreak Trust', 'vcs', ''],
      ['Line\nbreak Trust', 'vcs', ''],
    ]);
    const uploaded = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      { name: 'organisations.csv', content: file, type: 'text/csv' },
    );
    expect(uploaded.statusCode, uploaded.body).toBe(303);
    const jobId = /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] ?? '';
    let report;
    for (let attempt = 0; attempt < 300 && !report; attempt += 1) {
      const view = await t.runtime.services.imports.find(northmoor.id, jobId);
      if (!['previewing', 'applying'].includes(view.job.status)) report = view.report;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const problems = report?.problems ?? [];
    expect(problems.length).toBeGreaterThan(0);
    const [header, ...rows] = await download(`/p/northmoor/imports/${jobId}/problems.csv`);
    expect(header).toEqual(['Line', 'Field', 'Problem', 'Row']);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(
      problems.map((p) => [String(p.row), p.field, p.reason]),
    );
    expect(rows.some((r) => r[2]?.includes(duplicate))).toBe(true);
  });
});
