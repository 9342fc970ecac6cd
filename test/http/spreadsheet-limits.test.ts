import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import { Browser } from '../support/browser.js';
import { uploadForm } from '../support/multipart.js';
import { createTestApp, demoAccounts, knownPassword, type TestApp } from '../support/test-app.js';

/**
 * A spreadsheet past the row limit (IMPORT_MAX_ROWS, set low here) or one that would unpack past the size
 * limit is refused on the import page with a message naming the limit; nothing of it is written or kept.
 */

let t: TestApp;
let northmoor: PartnershipRecord;
let admin: Browser;

const header = ['Identifier', 'Title', 'Amount Awarded', 'Award Date', 'Currency', 'Recipient Org:Name'];
const row = (i: number) => [
  `360G-web-limit-${i}`,
  `Grant ${i}`,
  500 + i,
  new Date(Date.UTC(2025, 1, i)),
  'GBP',
  'A',
];

async function workbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('grants');
  sheet.addRow(header);
  for (let i = 1; i <= rows; i += 1) sheet.addRow(row(i));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const uploads = () => {
  const dir = path.join(t.dataDir, 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

async function settled(jobId: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const view = await t.runtime.services.imports.find(northmoor.id, jobId);
    if (view.job.status !== 'previewing') return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The preview did not finish');
}

async function uploadGrants(content: Buffer) {
  await admin.get('/p/northmoor/imports');
  const response = await uploadForm(
    admin,
    '/p/northmoor/imports',
    { kind: 'grants' },
    {
      name: 'grants.xlsx',
      content,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  );
  expect(response.statusCode).toBe(303);
  return settled(/\/imports\/([0-9a-f-]{36})$/.exec(String(response.headers.location))?.[1] as string);
}

beforeAll(async () => {
  t = await createTestApp({ env: { IMPORT_MAX_ROWS: '5' } });
  northmoor = await t.partnership('northmoor');
  admin = new Browser(t.app);
  await admin.signIn(demoAccounts.northmoorAdmin, knownPassword);
}, 60_000);
afterAll(() => t.close());

describe('spreadsheet limits on the import page', () => {
  it('previews a workbook of exactly the most rows allowed', async () => {
    const view = await uploadGrants(await workbook(5));
    expect(view.job.status).toBe('previewed');
    expect(view.report).toMatchObject({ read: 5 });
  }, 120_000);

  it('refuses a workbook with a row more than IMPORT_MAX_ROWS, naming the limit, and writes and keeps nothing', async () => {
    const grantsBefore = await t.runtime.services.store.grants.count(northmoor.id);
    const view = await uploadGrants(await workbook(6));
    expect(view.job.status).toBe('failed');
    expect(view.job.error).toContain('The file has more than 5 rows of data');
    const page = await admin.get(`/p/northmoor/imports/${view.job.id}`);
    expect(page.body).toContain('The file has more than 5 rows of data');
    expect(page.body).toContain('govuk-error-summary');
    expect(await t.runtime.services.store.grants.count(northmoor.id)).toBe(grantsBefore);
    expect(fs.existsSync(view.job.sourcePath)).toBe(false);
  }, 120_000);

  it('refuses a workbook whose zip says it unpacks to gigabytes, naming the limit', async () => {
    const bomb = await workbook(1);
    // The sheet's entry in the zip's central directory says 3 GB; its bytes are the small sheet's.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    let entry = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (entry > 0 && !bomb.subarray(entry + 46, entry + 46 + name.length).equals(name)) {
      entry = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), entry - 1);
    }
    bomb.writeUInt32LE(3_000_000_000, entry + 24);
    const grantsBefore = await t.runtime.services.store.grants.count(northmoor.id);
    const view = await uploadGrants(bomb);
    expect(view.job.status).toBe('failed');
    expect(view.job.error).toContain('too large to read safely');
    expect(view.job.error).toContain('the most we read is 100 MB');
    expect(await t.runtime.services.store.grants.count(northmoor.id)).toBe(grantsBefore);
    // The first test's preview is still waiting, with its file; the refused ones kept nothing.
    expect(uploads()).toHaveLength(1);
  }, 120_000);
});
