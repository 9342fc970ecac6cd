import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, dumpTables, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * Bad files and bad rows uploaded on the imports page: each problem shows its line (the header is line 1) and
 * whether its row is skipped or kept, in the page and in the problems download; a row with the wrong number of
 * values is skipped and the rest import; UTF-16 files are read; empty files and files with no rows say so.
 */

let t: TestApp;
let northmoor: PartnershipRecord;
let admin: Browser;

async function upload(kind: string, name: string, content: string | Buffer): Promise<string> {
  await admin.get('/p/northmoor/imports');
  const uploaded = await uploadForm(
    admin,
    '/p/northmoor/imports',
    { kind },
    { name, content, type: 'text/csv' },
  );
  expect(uploaded.statusCode, uploaded.body).toBe(303);
  return /\/imports\/([0-9a-f-]{36})$/.exec(String(uploaded.headers.location))?.[1] ?? '';
}

async function settled(jobId: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const view = await t.runtime.services.imports.find(northmoor.id, jobId);
    if (!['previewing', 'applying'].includes(view.job.status)) return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The import did not finish');
}

const servicesCsv = [
  'id,name,organisation,email',
  'P-1,Upload pantry,Upload Church,pantry@example.org',
  'P-2,Upload hub,Upload Church,hub@example.org,extra,values',
  'P-3,Upload advice,Upload Advice,not-an-email',
  ',Upload nameless,Upload Church,',
].join('\r\n');

beforeAll(async () => {
  t = await createTestApp();
  northmoor = await t.partnership('northmoor');
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('problems with an uploaded file', () => {
  it('skips the row with extra values on line 3, keeps the row with a bad email and says which is which', async () => {
    const jobId = await upload('services-csv', 'services.csv', servicesCsv);
    const view = await settled(jobId);
    expect(view.job.status, view.job.error ?? '').toBe('previewed');
    expect(view.report).toMatchObject({ read: 4, imported: 2, skipped: 2 });
    expect(view.report?.problems.map((p) => [p.row, p.field, p.outcome])).toEqual([
      [3, '', 'skipped'],
      [4, 'email', 'kept'],
      [5, 'id', 'skipped'],
    ]);

    const page = await admin.get(`/p/northmoor/imports/${jobId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('These rows are skipped');
    expect(page.body).toContain('2 rows skipped and 1 row kept with a problem.');
    const rows = [
      ...page.body.matchAll(/<tr class="govuk-table__row">\s*<td[^>]*>(\d+)<\/td>[\s\S]*?<\/tr>/g),
    ].map((match) => [match[1], /govuk-tag[^"]*">(Skipped|Kept)</.exec(match[0])?.[1]]);
    expect(rows).toEqual([
      ['3', 'Skipped'],
      ['4', 'Kept'],
      ['5', 'Skipped'],
    ]);
    expect(page.body).toContain('Line 3 has 6 values but the header names 4 columns');

    const download = await admin.get(`/p/northmoor/imports/${jobId}/problems.csv`);
    const lines = download.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Line,Field,Problem,Row');
    expect(lines[1]).toMatch(/^3,,"Line 3 has 6 values but the header names 4 columns.*",Skipped$/);
    expect(lines[2]).toMatch(/^4,email,.*not an email address.*,Kept$/);
    expect(lines[3]).toMatch(/^5,id,.*,Skipped$/);

    expect((await admin.post(`/p/northmoor/imports/${jobId}/confirm`)).statusCode).toBe(303);
    expect((await settled(jobId)).job.status).toBe('applied');
    const found = await t.runtime.services.directory.search(northmoor.id, { text: 'Upload' });
    expect(found.items.map((service) => service.name).sort()).toEqual(['Upload advice', 'Upload pantry']);
  });

  it('reads a UTF-16 file as Excel saves it', async () => {
    const content = Buffer.from('\uFEFFname,kind,identifier\r\nUpload Ŵyn Trust ☕,vcs,\r\n', 'utf16le');
    const view = await settled(await upload('organisations', 'unicode.csv', content));
    expect(view.job.status, view.job.error ?? '').toBe('previewed');
    expect(view.report).toMatchObject({ read: 1, imported: 1, skipped: 0, problems: [] });
  });

  it('says a file with only a header has no rows, and writes nothing', async () => {
    const before = await dumpTables(t.runtime);
    const jobId = await upload('organisations', 'header.csv', 'name,kind,identifier\r\n');
    const view = await settled(jobId);
    expect(view.job.status).toBe('failed');
    expect(view.job.error).toContain('The file has a header but no rows');
    const page = await admin.get(`/p/northmoor/imports/${jobId}`);
    expect(page.body).toContain('The file has a header but no rows');
    expect(page.body).not.toContain('problems above');
    const after = await dumpTables(t.runtime);
    expect(after.organisations).toEqual(before.organisations);
  });

  it('says an empty file is empty', async () => {
    await admin.get('/p/northmoor/imports');
    const empty = await uploadForm(
      admin,
      '/p/northmoor/imports',
      { kind: 'organisations' },
      { name: 'empty.csv', content: '' },
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('The selected file is empty');

    const blank = await settled(await upload('organisations', 'blank.csv', '\uFEFF\r\n  \r\n'));
    expect(blank.job.status).toBe('failed');
    expect(blank.job.error).toContain('The file is empty');
  });

  it('says a feed with no records has no rows to import, not that there are problems above', async () => {
    const jobId = await upload('oruk', 'feed.json', '{"contents": [], "total_items": 0}');
    const view = await settled(jobId);
    expect(view.job.status, view.job.error ?? '').toBe('previewed');
    expect(view.report).toMatchObject({ read: 0, problems: [] });
    const page = await admin.get(`/p/northmoor/imports/${jobId}`);
    expect(page.body).toContain('The file has no rows to import');
    expect(page.body).not.toContain('problems above');
  });
});
