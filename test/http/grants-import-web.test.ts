import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

const fixture = path.resolve(
  import.meta.dirname,
  '../../../shared/data/360giving/fixtures/fundingproviders-grants_2_grants.xlsx',
);

/** A 360Giving spreadsheet uploaded on the imports page: previewed with its notes, then applied once confirmed. */
describe('importing grants from the web', () => {
  let t: TestApp;
  let northmoor: PartnershipRecord;
  let admin: Browser;

  async function waitFor(jobId: string, status: string) {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const view = await t.runtime.services.imports.find(northmoor.id, jobId);
      if (view.job.status === status) return view;
      if (view.job.status === 'failed') throw new Error(`The import failed: ${view.job.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The import did not reach ${status}`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    northmoor = await t.partnership('northmoor');
    admin = new Browser(t.app);
    await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
  }, 60_000);
  afterAll(() => t.close());

  it('previews an Excel file with what was put right, writes nothing, then imports it once confirmed', async () => {
    const form = await admin.get('/p/northmoor/imports');
    expect(form.body).toContain('Grants in the 360Giving standard');
    const before = await t.runtime.services.store.grants.count(northmoor.id);
    const uploaded = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'grants' },
      {
        name: 'funder grants.xlsx',
        content: fs.readFileSync(fixture),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    expect(uploaded.statusCode).toBe(303);
    const jobId = /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] as string;
    const view = await waitFor(jobId, 'previewed');
    expect(view.report).toMatchObject({ read: 2, imported: 2, skipped: 0 });
    expect(await t.runtime.services.store.grants.count(northmoor.id)).toBe(before);

    const page = await admin.get(`/p/northmoor/imports/${jobId}`);
    expect(page.body).toContain('What was put right while reading');
    expect(page.body).toContain('id="grant-quality"');
    expect(page.body).toContain('Grants with no Beneficiary Location');
    expect(view.report?.quality?.checks.find((c) => c.check === 'no-beneficiary-location')?.count).toBe(2);
    expect(page.body).toContain('read as day/month/year, 2014-07-24');
    expect(page.body).toContain('Import 2 rows');

    expect((await admin.post(`/p/northmoor/imports/${jobId}/confirm`)).statusCode).toBe(303);
    await waitFor(jobId, 'applied');
    expect(await t.runtime.services.store.grants.count(northmoor.id)).toBe(before + 2);
    const grant = await t.runtime.services.store.grants.find(
      northmoor.id,
      '360G-fundingproviders-000001/X/00/X',
    );
    expect(grant).toMatchObject({
      amountAwarded: '152505',
      awardDate: '2014-07-24',
      dataSource: 'funder_grants.xlsx',
    });
  });
});
