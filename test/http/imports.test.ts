import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Uploading a file to import: preview in a worker thread with every problem row, nothing written until
 * confirmed, then applied in the background; only partnership admins may import.
 */

const CSV = [
  'name,kind,identifier',
  'Upload Test Warm Hub,vcs,GB-CHC-1100001',
  'Upload Test Youth Club,vcs,',
  'Upload Test Broken,not-a-kind,',
].join('\n');

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

const names = async () => (await t.runtime.services.organisations.list(northmoor.id)).map((o) => o.name);

beforeAll(async () => {
  t = await createTestApp();
  northmoor = await t.partnership('northmoor');
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('importing a file from the web', () => {
  let jobId = '';

  it('previews an upload in the background, listing every problem row and writing nothing', async () => {
    const form = await admin.get('/p/northmoor/imports');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Organisations from a CSV file');
    const before = await names();

    const uploaded = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      {
        name: 'new organisations.csv',
        content: CSV,
        type: 'text/csv',
      },
    );
    expect(uploaded.statusCode).toBe(303);
    jobId = /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] as string;
    const view = await waitFor(jobId, 'previewed');
    expect(view.report).toMatchObject({ read: 3, imported: 2, skipped: 1 });
    expect(await names()).toEqual(before);

    const page = await admin.get(`/p/northmoor/imports/${jobId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Problem rows');
    expect(page.body).toMatch(/<td class="govuk-table__cell govuk-table__cell--numeric">4<\/td>/);
    expect(page.body).toContain('Import 2 rows');

    const problems = await admin.get(`/p/northmoor/imports/${jobId}/problems.csv`);
    expect(problems.headers['content-type']).toContain('text/csv');
    expect(problems.body).toContain('4,kind,');

    const status = await admin.get(`/p/northmoor/imports/${jobId}/status.json`);
    expect(status.statusCode).toBe(200);
    expect(status.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(status.body)).toEqual({ status: 'previewed', done: 3, total: 3, percent: 100 });
  });

  it('imports the good rows once confirmed, records it in the audit log and removes the upload', async () => {
    await admin.get(`/p/northmoor/imports/${jobId}`);
    const confirmed = await admin.post(`/p/northmoor/imports/${jobId}/confirm`);
    expect(confirmed.statusCode).toBe(303);
    const view = await waitFor(jobId, 'applied');
    expect(view.report).toMatchObject({ imported: 2, skipped: 1 });
    const after = await names();
    expect(after).toContain('Upload Test Warm Hub');
    expect(after).toContain('Upload Test Youth Club');
    expect(after).not.toContain('Upload Test Broken');
    expect(fs.existsSync(path.dirname(view.job.sourcePath))).toBe(false);
    const audit = await t.runtime.services.store.audit.listForPartnership(northmoor.id, 20);
    expect(audit.some((event) => event.action === 'import-applied')).toBe(true);

    const again = await admin.post(`/p/northmoor/imports/${jobId}/confirm`);
    expect(again.statusCode).toBe(303);
    expect((await names()).filter((name) => name === 'Upload Test Warm Hub')).toHaveLength(1);
  });

  it('updates rather than copies when the same file is imported again', async () => {
    await admin.get('/p/northmoor/imports');
    const uploaded = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      {
        name: 'new organisations.csv',
        content: CSV,
      },
    );
    const second = /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] as string;
    const view = await waitFor(second, 'previewed');
    expect(view.report).toMatchObject({ read: 3, imported: 0, skipped: 1 });
    await admin.get(`/p/northmoor/imports/${second}`);
    expect((await admin.post(`/p/northmoor/imports/${second}/cancel`)).statusCode).toBe(303);
    expect((await t.runtime.services.imports.find(northmoor.id, second)).job.status).toBe('cancelled');
  });

  it('says what is missing when no file or kind is given', async () => {
    await admin.get('/p/northmoor/imports');
    const response = await uploadForm(admin, '/p/northmoor/imports', {}, undefined);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Select what you are importing');
    expect(response.body).toContain('Select a file to upload');
  });

  it('refuses an upload without the form’s CSRF token', async () => {
    const stranger = new Browser(t.app);
    await stranger.signIn(demoAccounts.northmoorAdmin, knownPassword);
    stranger.csrfToken = 'forged';
    const response = await uploadForm(
      stranger,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      {
        name: 'x.csv',
        content: CSV,
      },
    );
    expect(response.statusCode).toBe(403);
  });

  it('lets only partnership admins import', async () => {
    const vcs = new Browser(t.app);
    await vcs.signIn(demoAccounts.northmoorVcs, knownPassword);
    expect((await vcs.get('/p/northmoor/imports')).statusCode).toBe(403);
    expect((await vcs.get(`/p/northmoor/imports/${jobId}`)).statusCode).toBe(403);
    const other = new Browser(t.app);
    await other.signIn(demoAccounts.eastbrookAdmin, knownPassword);
    expect((await other.get(`/p/eastbrook/imports/${jobId}`)).statusCode).toBe(404);
    expect((await other.get(`/p/eastbrook/imports/${jobId}/status.json`)).statusCode).toBe(404);
  });

  it('offers national reference data to the national admin only', async () => {
    const national = new Browser(t.app);
    await national.signIn(demoAccounts.national, knownPassword);
    expect((await national.get('/national/imports')).statusCode).toBe(200);
    expect((await admin.get('/national/imports')).statusCode).toBe(403);
  });
});
