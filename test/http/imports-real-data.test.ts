import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/app/interchange.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/** Real public files uploaded through the import pages, previewed and imported with the counts. */

const data = path.resolve('..', 'shared', 'data');
const file = (relative: string) => ({
  name: path.basename(relative),
  content: fs.readFileSync(path.join(data, relative)),
});

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

/** Uploads, waits for the preview, confirms, waits for the import; returns both reports. */
async function importThrough(
  browser: Browser,
  base: string,
  partnershipId: string | null,
  fields: Record<string, string>,
  upload: { name: string; content: Buffer },
): Promise<{ preview: ImportReport; applied: ImportReport; page: string }> {
  await browser.get(base);
  const response = await uploadForm(browser, base, fields, upload);
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  const jobId = /\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1] as string;
  const wait = async (status: string) => {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const view = await t.runtime.services.imports.find(partnershipId, jobId);
      if (view.job.status === 'failed') throw new Error(`The import failed: ${view.job.error}`);
      if (view.job.status === status) return view.report as ImportReport;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The import did not reach ${status}`);
  };
  const preview = await wait('previewed');
  const page = (await browser.get(`${base}/${jobId}`)).body;
  expect((await browser.post(`${base}/${jobId}/confirm`)).statusCode).toBe(303);
  const applied = await wait('applied');
  return { preview, applied, page };
}

// Real files through background import jobs: generous time for a busy machine.
const realImport = { timeout: 120_000 };

describe('national reference data through /national/imports', realImport, () => {
  it('imports Trafford’s LSOA boundaries with the level chosen on the form, and again changes nothing', async () => {
    const national = new Browser(t.app);
    await national.signIn(demoAccounts.national, knownPassword);
    const fields = { kind: 'boundaries', 'boundaries--level': 'lsoa' };
    const upload = file('geo/boundaries/lsoa_2021_trafford.geojson');
    const first = await importThrough(national, '/national/imports', null, fields, upload);
    expect(first.preview).toMatchObject({ read: 139, imported: 139, skipped: 0 });
    expect(first.applied).toMatchObject({ read: 139, imported: 139 });
    const second = await importThrough(national, '/national/imports', null, fields, upload);
    expect(second.applied).toMatchObject({ read: 139, imported: 0, updated: 0 });
  });

  it('asks for the level when it is missing', async () => {
    const national = new Browser(t.app);
    await national.signIn(demoAccounts.national, knownPassword);
    await national.get('/national/imports');
    const response = await uploadForm(
      national,
      '/national/imports',
      { kind: 'boundaries' },
      {
        name: 'lsoa.geojson',
        content: '{"type":"FeatureCollection","features":[]}',
      },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter level');
  });
});

describe('a partnership’s directory through /p/{slug}/imports', realImport, () => {
  it('imports the Bristol Open Referral feed: 819 read, 2 skipped with reasons, 817 imported', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const northmoor = await t.partnership('northmoor');
    const result = await importThrough(
      admin,
      '/p/northmoor/imports',
      northmoor.id,
      { kind: 'oruk' },
      file('oruk/feeds/bristol_services_list_2024-12-18.json'),
    );
    expect(result.preview).toMatchObject({ read: 819, imported: 817, skipped: 2 });
    expect(result.page).toContain('def5ccd4-f121-df4d-60d2-4dc0d69ff555');
    expect(result.applied).toMatchObject({ read: 819, imported: 817, skipped: 2 });
  });

  it('imports Greater Manchester food banks with their theme', async () => {
    const admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
    const northmoor = await t.partnership('northmoor');
    const result = await importThrough(
      admin,
      '/p/northmoor/imports',
      northmoor.id,
      { kind: 'resources', 'resources--theme': 'food' },
      file('resources/food_banks/gm_food_banks_2018.csv'),
    );
    expect(result.applied).toMatchObject({ read: 171, imported: 171, skipped: 0 });
  });
});
