import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

/** Uploading a file to import, in the browser: the form, the preview with its problem rows, and the result. */

const CSV = [
  'name,kind,identifier',
  'Browser Import Warm Hub,vcs,GB-CHC-1100002',
  'Browser Import Youth Club,vcs,',
  'Browser Import Broken,not-a-kind,',
].join('\n');

describeInBrowser('imports: upload, preview, import', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function uploadAndPreview(page: Page) {
    await page.goto('/p/northmoor/imports');
    await expectNoAxeViolations(page, 'imports');
    await page.locator('label', { hasText: 'Organisations from a CSV file' }).click();
    await expect(page.getByLabel(/Organisations from a CSV file/).isChecked()).resolves.toBe(true);
    await page.getByLabel('Upload a file').setInputFiles({
      name: 'organisations.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Upload and check the file' }).click(),
    ]);
    expect(new URL(page.url()).pathname).toMatch(/^\/p\/northmoor\/imports\/[0-9a-f-]{36}$/);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if ((await page.getByRole('button', { name: 'Import 2 rows' }).count()) > 0) break;
      await page.waitForTimeout(200);
      if (attempt % 10 === 9) await page.reload();
    }
  }

  it('previews an upload with its problem rows, then imports the good rows', async () => {
    const { page } = await openPage(browser, server.baseUrl);
    await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
    await uploadAndPreview(page);
    await expect(page.getByRole('button', { name: 'Import 2 rows' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('table').textContent()).resolves.toContain('Select the kind of organisation');
    await expectNoAxeViolations(page, 'import preview');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Import 2 rows' }).click(),
    ]);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      if ((await page.getByText('Imported', { exact: true }).count()) > 0) break;
      await page.waitForTimeout(200);
    }
    await expect(page.locator('#import-status').textContent()).resolves.toBe('Imported');
    await expectNoAxeViolations(page, 'import done');
    await page.goto('/p/northmoor/organisations');
    await expect(page.locator('main').textContent()).resolves.toContain('Browser Import Warm Hub');
  });

  it('works without JavaScript: the preview page and cancelling need no scripts', async () => {
    const { page: uploader } = await openPage(browser, server.baseUrl);
    await signIn(uploader, demoAccounts.partnershipAdmin, demoPassword);
    await uploadAndPreview(uploader);
    const jobPath = new URL(uploader.url()).pathname;

    const { page } = await openPage(browser, server.baseUrl, { javaScriptEnabled: false });
    await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
    await page.goto(jobPath);
    await expect(page.getByRole('button', { name: 'Import 2 rows' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: /Download every problem/ }).isVisible()).resolves.toBe(true);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Cancel this import' }).click(),
    ]);
    await expect(page.locator('#import-status').textContent()).resolves.toBe('Cancelled');
    await uploader.reload();
    await expectNoAxeViolations(uploader, 'import cancelled');
  });

  it('shows a clear error when no file is chosen', async () => {
    const { page } = await openPage(browser, server.baseUrl);
    await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
    await page.goto('/p/northmoor/imports');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Upload and check the file' }).click(),
    ]);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Select a file to upload');
    await expectNoAxeViolations(page, 'imports with errors');
  });
});
