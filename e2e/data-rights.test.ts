import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { describeInBrowser, launchBrowser, openPage, signIn } from './support/browser.js';
import { demoAccounts, demoPassword, startServer, type TestServer } from './support/server.js';

describeInBrowser('people’s data: download, delete an account, and the retention setting', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a person sees and downloads their data, then deletes their account', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.adviceVcsMember, demoPassword);
      await page.goto('/account');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'See and download your data' }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Your data');
      await expect(
        page.getByText('Your answers to assessment rounds are not included').count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page, 'your data');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download your data (JSON file)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('common-ground-your-data.json');
      const file = await download.path();
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { account: { email: string } };
      expect(data.account.email).toBe(demoAccounts.adviceVcsMember);

      await page.goto('/account/delete');
      await expectNoAxeViolations(page, 'delete your account');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Delete my account' }).click(),
      ]);
      await expect(page.getByRole('heading', { name: 'There is a problem' }).count()).resolves.toBe(1);
      await expect(
        page.getByRole('link', { name: 'Enter your email address to confirm' }).count(),
      ).resolves.toBe(1);
      await expectNoAxeViolations(page, 'delete your account with an error');
      await page.getByLabel('Enter your email address to confirm').fill(demoAccounts.adviceVcsMember);
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Delete my account' }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'Your account has been deleted',
      );
      await expectNoAxeViolations(page, 'account deleted');
      await page.goto('/account');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
    } finally {
      await context.close();
    }
  });

  it('the only admin is told how to fix it first; an admin sets how long answers are kept', async () => {
    const { context, page } = await openPage(browser, server.baseUrl);
    try {
      await signIn(page, demoAccounts.partnershipAdmin, demoPassword);
      await page.goto('/account/delete');
      await expect(page.locator('#blockers').textContent()).resolves.toContain(
        'You are the only partnership admin of',
      );
      await expect(page.getByRole('button', { name: 'Delete my account' }).count()).resolves.toBe(0);
      await expectNoAxeViolations(page, 'delete blocked');

      await page.goto('/p/northmoor/');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Choose how long answers are kept' }).click(),
      ]);
      await expect(page.locator('#retention-summary').textContent()).resolves.toContain('1 year');
      await expectNoAxeViolations(page, 'retention setting');
      await page.getByLabel('2 years after a round closes').check();
      await page.getByLabel('Also remove comments from the kept results').check();
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Save setting' }).click(),
      ]);
      await expect(page.locator('#retention-summary').textContent()).resolves.toContain(
        'deleted 2 years after a round closes, and comments are removed',
      );
      await expectNoAxeViolations(page, 'retention setting saved');

      await page.goto('/privacy');
      await expectNoAxeViolations(page, 'privacy notice');
    } finally {
      await context.close();
    }
  });
});
