import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/app/interchange.js';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { boundariesImporter } from '../../src/interchange/areas/boundaries.js';
import { readSource } from '../../src/interchange/read-source.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Issue 15 through the import pages: a crossed outline refused as a resource and as a boundary (its position and
 * reason on the page, nothing of it written), and Greater Manchester food banks into Trafford with the places
 * outside Trafford left out, as chosen on the form.
 */

const data = path.resolve('..', 'shared', 'data');
const foodBanks = {
  name: 'gm_food_banks_2018.geojson',
  content: fs.readFileSync(path.join(data, 'resources/food_banks/gm_food_banks_2018.geojson')),
};
const bowTie = [
  [-2.32, 53.44],
  [-2.3, 53.46],
  [-2.3, 53.44],
  [-2.32, 53.46],
  [-2.32, 53.44],
];
/** A file of two outlines: a good one, then one that crosses itself. */
const crossedFile = (good: Record<string, string>, crossed: Record<string, string>) => ({
  name: 'crossed.geojson',
  content: JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: good,
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [-2.31, 53.45],
              [-2.3, 53.45],
              [-2.3, 53.46],
              [-2.31, 53.45],
            ],
          ],
        },
      },
      { type: 'Feature', properties: crossed, geometry: { type: 'Polygon', coordinates: [bowTie] } },
    ],
  }),
});
const crossing = 'the outer ring crosses itself at longitude -2.31, latitude 53.45';

let t: TestApp;
let trafford: PartnershipRecord;

beforeAll(async () => {
  t = await createTestApp();
  const services = t.runtime.services;
  const actor = { userId: null, label: 'Test' };
  trafford = await services.partnerships.create(
    { name: 'Trafford Partnership', slug: 'trafford', localAuthorityCode: 'E08000009' },
    actor,
  );
  const user = await services.users.findByEmail(demoAccounts.northmoorAdmin);
  await services.store.memberships.insert({
    id: '6c1d8a57-3f0e-4c55-9d5e-1e2a3b4c5d6e',
    partnershipId: trafford.id,
    userId: user?.id ?? '',
    role: 'partnership-admin',
    organisationId: null,
    createdAt: '2026-03-02T09:00:00.000Z',
  });
  await boundariesImporter(readSource).apply(path.join(data, 'geo/boundaries/lad_2024_uk_buc.geojson'), {
    services,
    partnershipId: undefined,
    actor,
    options: { level: 'lad' },
  });
}, 120_000);
afterAll(() => t.close());

/** Uploads and waits for the preview; returns the job's address, its report and its page. */
async function preview(
  browser: Browser,
  base: string,
  partnershipId: string | null,
  fields: Record<string, string>,
  upload: { name: string; content: string | Buffer },
) {
  await browser.get(base);
  const response = await uploadForm(browser, base, fields, upload);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  const href = String(response.headers.location);
  const jobId = href.split('/').at(-1) ?? '';
  const wait = async (status: string): Promise<ImportReport> => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const view = await t.runtime.services.imports.find(partnershipId, jobId);
      if (view.job.status === 'failed') throw new Error(`The import failed: ${view.job.error}`);
      if (view.job.status === status) return view.report as ImportReport;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The import did not reach ${status}`);
  };
  const report = await wait('previewed');
  const page = (await browser.get(href)).body;
  const confirm = async () => {
    expect((await browser.post(`${href}/confirm`)).statusCode).toBe(303);
    return wait('applied');
  };
  return { report, page, confirm };
}

describe('points and boundaries through the import pages', { timeout: 120_000 }, () => {
  it('refuses a crossed outline as a resource, showing its position and why, and writes nothing of it', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const job = await preview(
      admin,
      '/p/trafford/imports',
      trafford.id,
      { kind: 'resources', 'resources--theme': 'faith-and-belief' },
      crossedFile({ name: 'Stretford Hub' }, { name: 'Crossed Chapel' }),
    );
    expect(job.report).toMatchObject({ read: 2, imported: 1, skipped: 1 });
    expect(job.report.problems).toEqual([
      expect.objectContaining({ row: 2, field: 'geometry', outcome: 'skipped' }),
    ]);
    expect(job.page).toContain(crossing);
    await job.confirm();
    const found = await t.runtime.services.directory.search(trafford.id, { theme: 'faith-and-belief' });
    expect(found.items.map((s) => s.name)).toEqual(['Stretford Hub']);
  });

  it('refuses a crossed boundary in the preview, and importing the rest writes nothing of it', async () => {
    const national = new Browser(t.app);
    await national.signIn(demoAccounts.national, knownPassword);
    const job = await preview(
      national,
      '/national/imports',
      null,
      { kind: 'boundaries', 'boundaries--level': 'ward' },
      crossedFile(
        { WD24CD: 'E05099981', WD24NM: 'Good Ward' },
        { WD24CD: 'E05099982', WD24NM: 'Crossed Ward' },
      ),
    );
    expect(job.report).toMatchObject({ read: 2, imported: 1, skipped: 1 });
    expect(job.report.problems[0]).toMatchObject({ row: 2, field: 'geometry', outcome: 'skipped' });
    expect(job.page).toContain(`E05099982: ${crossing}`);
    const areas = t.runtime.services.store.areas;
    const before = (await areas.listSummaries('ward')).length;
    await job.confirm();
    expect(await areas.findByCode('E05099982')).toEqual([]);
    expect((await areas.findByCode('E05099981')).map((a) => a.name)).toEqual(['Good Ward']);
    expect(await areas.listSummaries('ward')).toHaveLength(before + 1);
  });

  it('leaves out the food banks outside Trafford when the form asks, and says how many', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const page = (await admin.get('/p/trafford/imports')).body;
    expect(page).toContain('Places outside your council’s area');
    const job = await preview(
      admin,
      '/p/trafford/imports',
      trafford.id,
      { kind: 'resources', 'resources--theme': 'food', 'resources--outside-area': 'skip' },
      foodBanks,
    );
    expect(job.report).toMatchObject({ read: 171, imported: 7, skipped: 164 });
    expect(job.report.problems.filter((p) => p.field === 'location' && p.outcome === 'skipped')).toHaveLength(
      164,
    );
    expect(job.page).toContain('lies outside Trafford; left out, as asked');
    expect(await job.confirm()).toMatchObject({ imported: 7, skipped: 164 });
    const food = await t.runtime.services.directory.search(trafford.id, { theme: 'food' });
    expect(food.total).toBe(7);
  });
});
